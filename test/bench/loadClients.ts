/** The orchestrator's handle on the load generator process (load/host.ts): start it niced, ask it things. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { track } from './children.ts';
import { cpuMs, rssBytes } from './procStats.ts';
import { REPO_ROOT } from './paths.ts';
import type { EditorsConnect, IdleAdd, IdleResult, Reply, TypingResult, TypingWindow } from './load/protocol.ts';

export class LoadClients {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: Reply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.body);
      else p.reject(new Error(`load generator: ${reply.error}`));
    });
    child.once('exit', (code, signal) => {
      for (const p of this.pending.values()) p.reject(new Error(`load generator exited (${code ?? signal})`));
      this.pending.clear();
    });
  }

  /** Start the load host with `workers` threads at niceness `nice` (0 = not niced). */
  static async start(workers: number, nice: number): Promise<LoadClients> {
    // BENCH_CPU_PROF=<dir> writes V8 CPU profiles of the load generator (and its threads) there.
    const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const args = [...prof, '--import', 'tsx', path.join(import.meta.dirname, 'load/host.ts')];
    const env = { ...process.env, BENCH_WORKERS: String(workers) };
    const options = { cwd: REPO_ROOT, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] as const, serialization: 'advanced' as const };
    const child = nice > 0
      ? spawn('nice', ['-n', String(nice), process.execPath, ...args], { ...options, stdio: [...options.stdio] })
      : spawn(process.execPath, args, { ...options, stdio: [...options.stdio] });
    track(child);
    const load = new LoadClients(child);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('load generator did not start in 30 s')), 30_000);
      timer.unref();
      load.pending.set(0, {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject,
      });
    });
    return load;
  }

  get pid(): number {
    return this.child.pid!;
  }

  cpuMs(): number {
    return cpuMs(this.pid);
  }

  rssBytes(): number {
    return rssBytes(this.pid);
  }

  private request<T>(type: string, body: unknown, timeoutMs: number): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`load generator: ${type} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.send({ id, type, body });
    });
  }

  connectEditors(setup: EditorsConnect): Promise<{ synced: number; total: number }> {
    return this.request('editors:connect', setup, setup.connectTimeoutMs + 10_000);
  }

  prepareEditors(timeoutMs: number): Promise<{ ready: number }> {
    return this.request('editors:setup', { timeoutMs }, timeoutMs + 10_000);
  }

  type(window: TypingWindow, nowMs: number): Promise<TypingResult> {
    return this.request('editors:type', window, window.t2 - nowMs + window.drainMs + 30_000);
  }

  closeEditors(): Promise<unknown> {
    return this.request('editors:close', {}, 60_000);
  }

  addIdle(add: IdleAdd): Promise<IdleResult> {
    return this.request('idle:add', add, add.timeoutMs + 30_000);
  }

  closeIdle(): Promise<unknown> {
    return this.request('idle:close', {}, 120_000);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const t = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    t.unref();
    await exited;
    clearTimeout(t);
  }
}
