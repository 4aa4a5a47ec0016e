/**
 * `npm run build:server`: compiles the server to plain JavaScript in dist/server, so `npm start` runs
 * `node dist/server/index.js` with no TypeScript compiler in the process (faster to start, less memory).
 * esbuild bundles the server's and the shared code's modules (resolving their `./x.ts` specifiers) into one
 * file per entry, and leaves the npm packages as imports from node_modules. Types are not checked here:
 * `npm run typecheck` does that.
 *
 * dist/server/
 *   index.js          the server (server/src/index.ts)
 *   officeWorker.js   the office worker threads' entry (export, Word import)
 *   bootWorker.mjs    the worker threads' boot script (server/src/workers/bootWorker.mjs)
 *   *-HASH.js         chunks: code loaded on first use, and code both entries share
 *   fonts/            the PDF fonts (shared/export/fonts)
 * server/src/runtimeLayout.ts finds these from the compiled location.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist/server');

fs.rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { index: 'server/src/index.ts', officeWorker: 'server/src/workers/officeWorker.ts' },
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // Code loaded with import() (the Word import's writer) goes to a chunk of its own, so the main thread loads
  // it, and the libraries it imports, only when first used; code both entries share goes to chunks too.
  splitting: true,
  // Chunks sit beside the entries: server/src/runtimeLayout.ts finds files relative to whichever holds it.
  chunkNames: '[name]-[hash]',
  sourcemap: 'linked',
  logLevel: 'warning',
});
fs.copyFileSync(path.join(root, 'server/src/workers/bootWorker.mjs'), path.join(out, 'bootWorker.mjs'));
fs.cpSync(path.join(root, 'shared/export/fonts'), path.join(out, 'fonts'), { recursive: true });
process.stdout.write(`server built into ${path.relative(root, out)}\n`);
