/**
 * Every child process the benchmark starts is registered here, so an error, Ctrl-C or a normal exit never
 * leaves a server, load generator or browser behind. Only these processes are ever signalled, by pid.
 */
import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();
const cleanups = new Set<() => void | Promise<void>>();
let installed = false;

export function track(child: ChildProcess): ChildProcess {
  install();
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Async cleanups (closing a browser) run on SIGINT/SIGTERM before the processes are killed. */
export function onCleanup(fn: () => void | Promise<void>): () => void {
  install();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

export function killAll(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  live.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', killAll);
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`\nbench: ${signal}, stopping child processes\n`);
    const hard = setTimeout(() => {
      killAll();
      process.exit(130);
    }, 3000);
    hard.unref();
    void Promise.allSettled([...cleanups].map((fn) => fn())).finally(() => {
      killAll();
      process.exit(130);
    });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
