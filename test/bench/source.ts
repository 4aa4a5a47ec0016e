/**
 * Which code is measured. Other engineers edit this checkout while the benchmark runs, so by default the server
 * and client are taken from the last commit (`git archive HEAD` into the run's temp folder, sharing this
 * checkout's node_modules): a half-saved file elsewhere cannot break or skew a 20-minute run, and the result
 * names the exact commit. BENCH_SOURCE=worktree measures the working tree as it is instead.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { benchRunDir, REPO_ROOT } from './paths.ts';

export interface Source {
  /** Folder holding server/, shared/, client/ and vite.config.ts of the measured code. */
  root: string;
  commit: string;
  /** 'head' (a clean copy of the commit) or 'worktree' (with uncommitted changes, if any). */
  mode: 'head' | 'worktree';
  /** Whether server/, shared/ or client/ had uncommitted changes in the working tree at the start. */
  worktreeDirty: boolean;
}

let current: Source = { root: REPO_ROOT, commit: 'unknown', mode: 'worktree', worktreeDirty: false };

export function source(): Source {
  return current;
}

const git = (...args: string[]) => execFileSync('git', ['-C', REPO_ROOT, ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 }).trim();

export function prepareSource(mode: 'head' | 'worktree'): Source {
  const commit = git('rev-parse', '--short=12', 'HEAD');
  const worktreeDirty = git('status', '--porcelain', '--', 'server', 'shared', 'client', 'vite.config.ts', 'package.json').length > 0;
  if (mode === 'worktree') {
    current = { root: REPO_ROOT, commit, mode, worktreeDirty };
    return current;
  }
  const root = path.join(benchRunDir(), `src-${commit}`);
  fs.mkdirSync(root, { recursive: true });
  const tar = path.join(benchRunDir(), 'src.tar');
  git('archive', '--format=tar', '-o', tar, 'HEAD', '--', 'server', 'shared', 'client', 'vite.config.ts', 'package.json', 'tsconfig.base.json');
  execFileSync('tar', ['-xf', tar, '-C', root]);
  fs.rmSync(tar);
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'));
  current = { root, commit, mode, worktreeDirty };
  return current;
}
