/**
 * Start the two servers under test as separate processes, each with the same preload (preload/serverStats.mjs)
 * so event-loop delay, CPU and memory are measured identically and from outside:
 *  - ours: `node --import tsx server/src/index.ts` on a fresh SQLite DATA_DIR (or a given one, for restarts);
 *  - reference: the stock `@y/websocket-server` 0.1.1 (`src/server.js`): any room name, no persistence.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { track } from './children.ts';
import { benchRunDir, freshDataDir, REPO_ROOT } from './paths.ts';
import { source } from './source.ts';
import { cpuMs, rssBytes } from './procStats.ts';
import { nowMs, sleep } from './stats.ts';
import { TEST_REGISTRATION } from '../helpers/testRegistration.ts';

export type ServerKind = 'ours' | 'reference';
export const SERVER_KINDS: ServerKind[] = ['ours', 'reference'];

const PRELOAD = pathToFileURL(path.join(import.meta.dirname, 'preload/serverStats.mjs')).href;


/** What the preload reports on SIGUSR2 (see preload/serverStats.mjs). */
export interface ServerStats {
  seq: number;
  uptimeMs: number;
  cpu: { user: number; system: number };
  mem: { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };
  eld: { count: number; p50Ms: number | null; p90Ms: number | null; p99Ms: number | null; maxMs: number | null; meanMs: number | null };
}

export interface StartOptions {
  /** Reuse this SQLite folder (ours only): for restarts over stored data. Fresh temp folder when omitted. */
  dataDir?: string;
  /** Built client to serve (ours only); none when omitted. */
  staticDir?: string;
  /** Headers of a session made on an earlier start over the same dataDir (ours); a new account otherwise. */
  headers?: Record<string, string>;
  /** Extra environment for the server. */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export class BenchServer {
  /** Sent with API requests and WebSocket upgrades (a session cookie once our server requires sign-in). */
  headers: Record<string, string> = {};
  /** Milliseconds from spawn() to the first answered /healthz. */
  spawnToReadyMs = NaN;
  /** Monotonic time at which /healthz first answered. */
  readyAt = NaN;
  private statsSeq = 0;
  private exited: Promise<number | null>;

  private constructor(
    readonly kind: ServerKind,
    readonly child: ChildProcess,
    readonly port: number,
    readonly dataDir: string | null,
    readonly logFile: string,
    private readonly statsDir: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static async start(kind: ServerKind, options: StartOptions = {}): Promise<BenchServer> {
    const port = await freePort();
    const dir = benchRunDir();
    const statsDir = path.join(dir, 'stats');
    fs.mkdirSync(statsDir, { recursive: true });
    const logFile = path.join(dir, `${kind}-${port}.log`);
    const log = fs.openSync(logFile, 'a');
    const base = { ...process.env, HOST: '127.0.0.1', PORT: String(port), BENCH_STATS_DIR: statsDir, ...options.env };
    let child: ChildProcess;
    let dataDir: string | null = null;
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server process there (at exit).
    const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const started = nowMs();
    if (kind === 'ours') {
      dataDir = options.dataDir ?? freshDataDir();
      const env = { ...base, ...TEST_REGISTRATION, DATA_DIR: dataDir, DATABASE_URL: '', STATIC_DIR: options.staticDir ?? '', LOG_LEVEL: 'warn' };
      child = spawn(process.execPath, [...prof, '--expose-gc', '--import', 'tsx', '--import', PRELOAD, 'server/src/index.ts'], {
        cwd: source().root,
        env,
        stdio: ['ignore', log, log],
      });
    } else {
      const env: NodeJS.ProcessEnv = { ...base };
      // No persistence and no callbacks: the reference stays the plain in-memory relay.
      delete env.YPERSISTENCE;
      delete env.CALLBACK_URL;
      const entry = path.join(REPO_ROOT, 'node_modules/@y/websocket-server/src/server.js');
      child = spawn(process.execPath, [...prof, '--expose-gc', '--import', PRELOAD, entry], {
        cwd: REPO_ROOT,
        env,
        stdio: ['ignore', log, log],
      });
    }
    fs.closeSync(log);
    track(child);
    const server = new BenchServer(kind, child, port, dataDir, logFile, statsDir);
    try {
      await server.waitReady(options.readyTimeoutMs ?? 30_000);
    } catch (err) {
      await server.kill();
      throw err;
    }
    server.spawnToReadyMs = server.readyAt - started;
    if (kind === 'ours') {
      try {
        server.headers = options.headers ?? (await server.signUp());
      } catch (err) {
        await server.kill();
        throw err;
      }
    }
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Base URL for `new WebsocketProvider(wsUrl, room, doc)`. */
  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/sync`;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    const deadline = nowMs() + timeoutMs;
    while (nowMs() < deadline) {
      if (!this.running) throw new Error(`${this.kind} server exited during start; log: ${this.logTail()}`);
      try {
        const res = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(1000) });
        await res.arrayBuffer();
        if (res.ok) {
          this.readyAt = nowMs();
          return;
        }
      } catch {
        // not listening yet
      }
      await sleep(20);
    }
    throw new Error(`${this.kind} server not ready after ${timeoutMs} ms; log: ${this.logTail()}`);
  }

  /**
   * Our server with accounts wants a session for the API and for sync: sign up a benchmark user and use its
   * session cookie (sent with every API call and WebSocket upgrade). A server without accounts answers 404 (or
   * 405) here, and then nothing is needed.
   */
  private async signUp(): Promise<Record<string, string>> {
    const res = await fetch(`${this.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `bench-${crypto.randomUUID()}@example.org`, name: 'Bench', password: `Bench-${crypto.randomUUID()}` }),
      signal: AbortSignal.timeout(15_000),
    });
    await res.arrayBuffer();
    if (res.status === 404 || res.status === 405) return {};
    const cookie = res.headers.getSetCookie().map((c) => c.split(';', 1)[0]!).filter((c) => c.includes('='));
    if (!res.ok || cookie.length === 0) throw new Error(`sign-up on our server failed: HTTP ${res.status}`);
    return { cookie: cookie.join('; ') };
  }

  /** A new report id: created through the API for ours (the sync server refuses unknown ids), random for the reference. */
  async createReport(title = 'Benchmark report'): Promise<string> {
    if (this.kind === 'reference') return crypto.randomUUID();
    const res = await fetch(`${this.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers },
      body: JSON.stringify({ title, mechanism: 'CERD', stateUnderReview: 'Freedonia' }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json()) as { id?: string };
    if (!res.ok || !body.id) throw new Error(`create report failed: HTTP ${res.status}`);
    return body.id;
  }

  async createReports(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await this.createReport(`Benchmark report ${i + 1}`));
    return ids;
  }

  /** Snapshot (and reset) the preload's figures; `gc` collects garbage first (for memory figures). */
  async stats(gc = false, timeoutMs = 5000): Promise<ServerStats | null> {
    if (!this.running) return null;
    const file = path.join(this.statsDir, `stats-${this.pid}.json`);
    if (gc) fs.writeFileSync(path.join(this.statsDir, `cmd-${this.pid}`), 'gc');
    this.child.kill('SIGUSR2');
    const deadline = nowMs() + timeoutMs;
    while (nowMs() < deadline) {
      try {
        const stats = JSON.parse(fs.readFileSync(file, 'utf8')) as ServerStats;
        if (stats.seq > this.statsSeq) {
          this.statsSeq = stats.seq;
          return stats;
        }
      } catch {
        // not written yet
      }
      await sleep(10);
    }
    return null;
  }

  rssBytes(): number {
    return rssBytes(this.pid);
  }

  cpuMs(): number {
    return cpuMs(this.pid);
  }

  /** SIGTERM and wait for exit (ours stores every change first); SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 30_000): Promise<{ code: number | null; ms: number }> {
    const started = nowMs();
    if (!this.running) return { code: this.child.exitCode, ms: 0 };
    this.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([this.exited, timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') {
      this.child.kill('SIGKILL');
      await this.exited;
      return { code: null, ms: nowMs() - started };
    }
    return { code: result, ms: nowMs() - started };
  }

  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
  }

  logTail(chars = 2000): string {
    try {
      const text = fs.readFileSync(this.logFile, 'utf8');
      return text.slice(-chars).trim() || '(empty)';
    } catch {
      return '(no log)';
    }
  }
}

/** Start a server, run `fn`, and always stop it (SIGTERM, then SIGKILL). */
export async function withServer<T>(kind: ServerKind, options: StartOptions, fn: (server: BenchServer) => Promise<T>): Promise<T> {
  const server = await BenchServer.start(kind, options);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}
