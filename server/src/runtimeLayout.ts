/**
 * Where the server finds its worker entries and fonts at run time. The server runs in two layouts:
 * - from source (`npm run dev`, tests): this file is server/src/runtimeLayout.ts, workers are TypeScript
 *   files loaded through tsx, and the fonts are read from shared/export/fonts;
 * - compiled (`npm start`): esbuild bundles this file into dist/server/index.js and
 *   dist/server/officeWorker.js (see server/build.mjs), which sit side by side with bootWorker.mjs and a copy
 *   of the fonts in dist/server/fonts, so no TypeScript compiler is loaded and dist/server is self-contained
 *   apart from node_modules.
 */
import { fileURLToPath } from 'node:url';

const here = import.meta.url;

/**
 * True when running the bundle in dist/server rather than the TypeScript source. The path, not the whole URL:
 * tsx in a worker thread adds a query (`?tsx-namespace=...`) to the URLs of the modules it loads.
 */
export const COMPILED = !new URL(here).pathname.endsWith('.ts');

/** The worker threads' boot script: it loads the entry (through tsx only for a `.ts` entry). */
export const WORKER_BOOT = new URL(COMPILED ? './bootWorker.mjs' : './workers/bootWorker.mjs', here);

/** A worker thread's entry, by the name of its file in server/src/workers without the extension. */
export function workerEntry(name: string): URL {
  return new URL(COMPILED ? `./${name}.js` : `./workers/${name}.ts`, here);
}

/** The PDF fonts (shared/export/fonts), read by the office worker threads. */
export const FONT_DIR = fileURLToPath(new URL(COMPILED ? './fonts/' : '../../shared/export/fonts/', here));
