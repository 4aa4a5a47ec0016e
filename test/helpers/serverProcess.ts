/**
 * The real server as a child process, for kill -9 and SIGTERM tests: from source (`node --import tsx
 * server/src/index.ts`, as `npm run dev`) or compiled (`node dist/server/index.js`, as `npm start`; build it
 * first with `buildServer`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { TEST_REGISTRATION } from './testRegistration.ts';

export interface ServerProcess {
  url: string;
  wsUrl: string;
  proc: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or the signal name) once the process has exited. */
  exited: Promise<number | string>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** How the server is run: its TypeScript through tsx, or the JavaScript `npm run build:server` writes. */
export type ServerCommand = 'source' | 'built';

const ARGS: Record<ServerCommand, string[]> = {
  source: ['--import', 'tsx', 'server/src/index.ts'],
  built: ['dist/server/index.js'],
};

/** Compile the server into dist/server (`npm run build:server`), so a test runs the code it checks out. */
export function buildServer(): void {
  execFileSync(process.execPath, ['server/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
}

export async function spawnServer(env: Record<string, string>, timeoutMs = 20_000, command: ServerCommand = 'source'): Promise<ServerProcess> {
  const proc = spawn(process.execPath, ARGS[command], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', STATIC_DIR: '', LOG_LEVEL: 'info', ...TEST_REGISTRATION, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) => proc.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), timeoutMs);
    timer.unref();
    const onData = () => {
      const m = /Rightsdraft is running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return { url, wsUrl: url.replace(/^http/, 'ws') + '/sync', proc, output: () => out, exited };
}
