/** Where the benchmark lives and keeps its temporary files (one folder per run, removed at the end). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

let runDir: string | null = null;
/** One temp folder per benchmark run for logs, stats files and data folders; removed by `removeRunDir`. */
export function benchRunDir(): string {
  runDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'rightsdraft-bench-'));
  return runDir;
}

export function removeRunDir(): void {
  if (runDir) fs.rmSync(runDir, { recursive: true, force: true });
  runDir = null;
}

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(benchRunDir(), 'data-'));
}

