/**
 * Builds the client from `client/` into `dist/client`, which the server serves. The `serviceWorker` plugin
 * below emits `/sw.js` with the list of built files to precache, so the app opens with no network.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { isExportAsset } from './client/src/sw/exportAssets.ts';

const root = path.resolve(import.meta.dirname, 'client');
const publicDir = path.join(root, 'public');
const SW_FILE = 'sw.js';
const FIRST_SCREEN_FILE = 'first-screen.js';

/** Files under `dir`, as URL paths relative to it ("icon.svg", "a/b.txt"). */
function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix + entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), rel + '/') : [rel];
  });
}

/**
 * Emits the service worker (client/src/sw/serviceWorker.ts) as `/sw.js`, a chunk of its own, and prepends
 * the precache manifest: every built file and public file, and a version hash of their names and of
 * index.html. Hashed file names change with their content, so a new build gives a new version, and the
 * worker then replaces its cache.
 */
function serviceWorker(): Plugin {
  return {
    name: 'rightsdraft:service-worker',
    apply: 'build',
    enforce: 'post',
    buildStart() {
      this.emitFile({ type: 'chunk', id: path.join(root, 'src/sw/serviceWorker.ts'), fileName: SW_FILE });
    },
    generateBundle(_options, bundle) {
      const sw = bundle[SW_FILE];
      if (!sw || sw.type !== 'chunk') throw new Error('service worker chunk missing from the bundle');
      const built = Object.keys(bundle).filter((f) => f !== SW_FILE && !f.endsWith('.map'));
      const all = [...new Set([...built, ...listFiles(publicDir)])].sort();
      // Export's worker and fonts (6 MB) are cached on demand, apart from the shell: client/src/sw/exportAssets.ts.
      // The first-screen script is an asset too, but part of the shell: a page opened offline draws it at once.
      const deferred = all.filter((f) => f !== FIRST_SCREEN_FILE && isExportAsset(f, bundle[f]?.type ?? 'public'));
      const files = all.filter((f) => !deferred.includes(f));
      const hash = createHash('sha256');
      for (const f of files) hash.update(f + '\n');
      const html = bundle['index.html'];
      if (html && html.type === 'asset') hash.update(html.source);
      hash.update(sw.code);
      // Files whose name does not change with their content.
      const firstScreen = bundle[FIRST_SCREEN_FILE];
      if (firstScreen && firstScreen.type === 'asset') hash.update(firstScreen.source);
      for (const f of deferred) hash.update(f + '\n');
      const manifest = { version: hash.digest('hex').slice(0, 16), files: files.map((f) => '/' + f), exportAssets: deferred.map((f) => '/' + f) };
      sw.code = `self.__RD_PRECACHE = ${JSON.stringify(manifest)};\n${sw.code}`;
    },
  };
}

/** client/src/firstScreen/paintFirstScreen.ts as one self-contained classic script (no imports), minified. */
async function firstScreenSource(): Promise<string> {
  const out = await esbuild({
    entryPoints: [path.join(root, 'src/firstScreen/paintFirstScreen.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    write: false,
  });
  return out.outputFiles[0]!.text;
}

/**
 * Emits `/first-screen.js`, which index.html loads as a plain script before the app: a few kB that draw a report's
 * first screen from the device while the app's scripts load (issue 15). Vite would fold a module script of
 * index.html into the app's own entry, so it is built apart, with esbuild; served the same way by `npx vite`.
 */
function firstScreenScript(): Plugin {
  return {
    name: 'rightsdraft:first-screen',
    async buildStart() {
      if (this.meta.watchMode) return;
      this.emitFile({ type: 'asset', fileName: FIRST_SCREEN_FILE, source: await firstScreenSource() });
    },
    configureServer(server) {
      server.middlewares.use(`/${FIRST_SCREEN_FILE}`, (_req, res, next) => {
        firstScreenSource().then((code) => {
          res.setHeader('content-type', 'text/javascript');
          res.end(code);
        }, next);
      });
    },
  };
}

export default defineConfig({
  root,
  publicDir,
  plugins: [react(), firstScreenScript(), serviceWorker()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/client'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The polyfill would be the only code in index.html; every supported browser has modulepreload.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 900,
  },
  // Module workers, so the export worker loads pdfmake only when a PDF is asked for.
  worker: { format: 'es' },
  server: {
    // `npx vite` for UI work: the API and sync go to a server started with `npm run dev`.
    proxy: {
      '/api': 'http://127.0.0.1:8787',
      '/sync': { target: 'ws://127.0.0.1:8787', ws: true },
    },
  },
});
