/**
 * Start-up: how long from spawning the server to its first answered /healthz, and how much memory (RSS) the
 * process holds once started, with no report open. Ours is the compiled server as `npm start` runs it
 * (`node dist/server/index.js`, built here with `node server/build.mjs` in the measured source); the reference
 * column is the way `npm start` ran before, the TypeScript through tsx (`node --import tsx server/src/index.ts`,
 * still `npm run dev`). The two alternate, start after start, so a busy moment on the machine touches both.
 * Each start gets a fresh SQLite folder, no static files, and no preload (nothing measured inside the process).
 */
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import { track } from './children.ts';
import { freePort } from './servers.ts';
import { freshDataDir } from './paths.ts';
import { cpuMs, rssBytes } from './procStats.ts';
import { source } from './source.ts';
import { median, nowMs, percentile, sleep } from './stats.ts';
import { TEST_REGISTRATION } from '../helpers/testRegistration.ts';

export type StartupWay = 'built' | 'tsx';

export interface StartupFigures {
  command: string;
  starts: number;
  readyMs: number[];
  readyMedianMs: number;
  readyP90Ms: number;
  /**
   * CPU time (user + system, all threads) the process had used when /healthz first answered, median. On a busy
   * machine the wall time above includes waiting for a core; this does not, so it shows what a start costs.
   */
  cpuToReadyMs: number[];
  cpuToReadyMedianMs: number;
  /** RSS `settleMs` after the first /healthz answer, per start, and their median. */
  idleRssBytes: number[];
  idleRssMedianBytes: number;
}

export interface StartupResult {
  settleMs: number;
  buildMs: number;
  built: StartupFigures;
  tsx: StartupFigures;
}

const ARGS: Record<StartupWay, string[]> = {
  built: ['dist/server/index.js'],
  tsx: ['--import', 'tsx', 'server/src/index.ts'],
};

function healthz(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });
}

interface Sample {
  readyMs: number;
  cpu: number;
  rss: number;
}

/** One start: spawn, poll /healthz every 5 ms, wait `settleMs`, read RSS from /proc, stop. */
async function oneStart(way: StartupWay, settleMs: number): Promise<Sample> {
  const port = await freePort();
  const env = { ...process.env, ...TEST_REGISTRATION, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: freshDataDir(), DATABASE_URL: '', REDIS_URL: '', STATIC_DIR: '', LOG_LEVEL: 'warn' };
  const started = nowMs();
  const child = track(spawn(process.execPath, ARGS[way], { cwd: source().root, env, stdio: 'ignore' }));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    while (!(await healthz(port))) {
      if (child.exitCode !== null) throw new Error(`${way} server exited with ${child.exitCode} before answering /healthz`);
      if (nowMs() - started > 30_000) throw new Error(`${way} server did not answer /healthz within 30 s`);
      await sleep(5);
    }
    const readyMs = nowMs() - started;
    const cpu = cpuMs(child.pid!);
    await sleep(settleMs);
    return { readyMs, cpu, rss: rssBytes(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

function figures(way: StartupWay, samples: Sample[]): StartupFigures {
  const readyMs = samples.map((s) => s.readyMs);
  const idleRssBytes = samples.map((s) => s.rss);
  const cpuToReadyMs = samples.map((s) => s.cpu);
  return {
    command: `node ${ARGS[way].join(' ')}`,
    starts: samples.length,
    readyMs,
    readyMedianMs: median(readyMs),
    readyP90Ms: percentile(readyMs, 90),
    cpuToReadyMs,
    cpuToReadyMedianMs: median(cpuToReadyMs),
    idleRssBytes,
    idleRssMedianBytes: median(idleRssBytes),
  };
}

export async function runStartup(o: { starts: number; settleMs: number }, log: (line: string) => void): Promise<StartupResult> {
  const t = nowMs();
  execFileSync(process.execPath, ['server/build.mjs'], { cwd: source().root, stdio: 'pipe' });
  const buildMs = nowMs() - t;
  log(`server compiled into dist/server in ${buildMs.toFixed(0)} ms`);
  const samples: Record<StartupWay, Sample[]> = { built: [], tsx: [] };
  // One unmeasured start of each first: the first read of node_modules from disk is not what a restart costs.
  for (const way of ['built', 'tsx'] as const) await oneStart(way, 0);
  for (let i = 0; i < o.starts; i++) {
    for (const way of i % 2 ? (['tsx', 'built'] as const) : (['built', 'tsx'] as const)) samples[way].push(await oneStart(way, o.settleMs));
  }
  const result = { settleMs: o.settleMs, buildMs, built: figures('built', samples.built), tsx: figures('tsx', samples.tsx) };
  for (const way of ['built', 'tsx'] as const) {
    const f = result[way];
    log(`startup ${way} (${f.command}): /healthz after ${f.readyMedianMs.toFixed(0)} ms median, ${f.readyP90Ms.toFixed(0)} ms p90, ${f.cpuToReadyMedianMs.toFixed(0)} ms of CPU; idle RSS ${(f.idleRssMedianBytes / 2 ** 20).toFixed(1)} MiB`);
  }
  return result;
}
