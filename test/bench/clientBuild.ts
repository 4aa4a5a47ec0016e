/**
 * The built client for the browser measurement. By default it is built from the current source into the run's
 * temp folder (`vite build --outDir`), so the benchmark neither measures a stale dist/ nor overwrites the
 * dist/ another engineer may be using. BENCH_CLIENT=dist uses dist/client as it is; BENCH_CLIENT=skip skips.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { track } from './children.ts';
import { benchRunDir, REPO_ROOT } from './paths.ts';
import { source } from './source.ts';

export type ClientBuild = { ok: true; dir: string; buildMs: number | null } | { ok: false; reason: string };

const BUILD_TIMEOUT_MS = 240_000;

export async function prepareClient(mode: 'build' | 'dist' | 'skip'): Promise<ClientBuild> {
  if (mode === 'skip') return { ok: false, reason: 'skipped: BENCH_CLIENT=skip' };
  const dist = path.join(REPO_ROOT, 'dist/client');
  if (mode === 'dist') {
    return fs.existsSync(path.join(dist, 'index.html')) ? { ok: true, dir: dist, buildMs: null } : { ok: false, reason: 'skipped: client not built' };
  }
  const root = source().root;
  if (!fs.existsSync(path.join(root, 'vite.config.ts')) || !fs.existsSync(path.join(root, 'client/index.html'))) {
    return { ok: false, reason: 'skipped: client not built (no client source yet)' };
  }
  const outDir = path.join(benchRunDir(), 'client');
  const started = Date.now();
  const log = path.join(benchRunDir(), 'vite-build.log');
  const fd = fs.openSync(log, 'w');
  const child = track(
    spawn(process.execPath, [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', fd, fd],
    }),
  );
  fs.closeSync(fd);
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
    timer.unref();
    child.once('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  if (code !== 0 || !fs.existsSync(path.join(outDir, 'index.html'))) {
    const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-600) : '';
    return { ok: false, reason: `skipped: client not built (vite build exited ${code}): ${tail.trim().split('\n').slice(-3).join(' | ')}` };
  }
  return { ok: true, dir: outDir, buildMs: Date.now() - started };
}
