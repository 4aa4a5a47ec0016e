/**
 * The service worker, built by vite.config.ts into `/sw.js` with `self.__RD_PRECACHE` (the build's file
 * list and version) prepended. It keeps the app shell available offline; report content lives in
 * IndexedDB and syncs over the WebSocket, which a worker never sees.
 *
 * This file is compiled with the DOM library (the client's tsconfig), which has no worker event types, so
 * the few it needs are declared here.
 */
import { CACHE_PREFIX, cacheName, strategyFor } from './strategy.ts';
import { CACHE_EXPORT_ASSETS, EXPORT_CACHE } from './exportAssets.ts';

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  /** `exportAssets`: export's worker code and fonts, cached apart from the shell (exportAssets.ts). */
  __RD_PRECACHE: { version: string; files: string[]; exportAssets?: string[] };
  location: Location;
  registration: { active: unknown };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const sw = self as unknown as WorkerScope;
const { version, files, exportAssets = [] } = sw.__RD_PRECACHE;
const EXPORT_ASSETS = new Set(exportAssets);
const CACHE = cacheName(version);
const SHELL = '/index.html';
/** A page load waits this long for the network before it falls back to the cached shell (slow links). */
const NAVIGATION_TIMEOUT_MS = 4000;

sw.addEventListener('install', (event) => {
  // Every file must be cached before this version takes over, or an offline start could miss a chunk.
  // The first version takes over at once; a later one waits until the user accepts the update (or every
  // tab is closed), because an open page of the old build may still load its old chunks from the old cache.
  const firstInstall = !sw.registration.active;
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(files.map((f) => new Request(f, { cache: 'reload' }))))
      .then(() => (firstInstall ? sw.skipWaiting() : undefined)),
  );
});

/** The page asks a waiting version to take over (the user chose "Reload" on the update notice). */
const SKIP_WAITING = 'rightsdraft:skip-waiting';

sw.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING) void sw.skipWaiting();
  if (event.data === CACHE_EXPORT_ASSETS) (event as MessageEvent & ExtendableEvent).waitUntil(cacheExportAssets());
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => pruneExportAssets())
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  switch (strategyFor(request, sw.location.origin, EXPORT_ASSETS)) {
    case 'navigate':
      event.respondWith(navigate(request));
      break;
    case 'cache-first':
      event.respondWith(cacheFirst(request));
      break;
    case 'stale-while-revalidate':
      event.respondWith(staleWhileRevalidate(request, event));
      break;
    case 'export-asset':
      event.respondWith(exportAsset(request));
      break;
    case 'bypass':
      break;
  }
});

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

async function navigate(request: Request): Promise<Response> {
  try {
    const response = await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
    // Every app route is the same index.html; a good one refreshes the cached copy.
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      const copy = response.clone();
      void caches.open(CACHE).then((cache) => cache.put(SHELL, copy));
    }
    return response;
  } catch {
    const cached = await caches.match(SHELL, { cacheName: CACHE });
    return cached ?? Response.error();
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    void caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

async function staleWhileRevalidate(request: Request, event: ExtendableEvent): Promise<Response> {
  const refresh = fetch(request).then(async (response) => {
    if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
    return response;
  });
  // Called before the first await, while the event is still being dispatched.
  event.waitUntil(refresh.catch(() => undefined));
  const cached = await caches.match(request, { cacheName: CACHE });
  return cached ?? refresh;
}

/** Fetch export's files that are not cached yet (the page asks once a report is open; see exportAssets.ts). */
async function cacheExportAssets(): Promise<void> {
  const cache = await caches.open(EXPORT_CACHE);
  const missing: string[] = [];
  for (const file of exportAssets) if (!(await cache.match(file))) missing.push(file);
  if (missing.length > 0) await cache.addAll(missing);
}

/** Drop export files of older builds. */
async function pruneExportAssets(): Promise<void> {
  const cache = await caches.open(EXPORT_CACHE);
  const wanted = new Set(exportAssets.map((f) => new URL(f, sw.location.origin).href));
  await Promise.all((await cache.keys()).filter((r) => !wanted.has(r.url)).map((r) => cache.delete(r)));
}

async function exportAsset(request: Request): Promise<Response> {
  const cache = await caches.open(EXPORT_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}
