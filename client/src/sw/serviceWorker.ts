/**
 * The service worker, built by vite.config.ts into `/sw.js` with `self.__RD_PRECACHE` (the build's file
 * list and version) prepended. It keeps the app shell available offline; report content lives in
 * IndexedDB and syncs over the WebSocket, which a worker never sees.
 *
 * This file is compiled with the DOM library (the client's tsconfig), which has no worker event types, so
 * the few it needs are declared here.
 */
import { CACHE_PREFIX, cacheName, strategyFor } from './strategy.ts';

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  __RD_PRECACHE: { version: string; files: string[] };
  location: Location;
  registration: { active: unknown };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const sw = self as unknown as WorkerScope;
const { version, files } = sw.__RD_PRECACHE;
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
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  switch (strategyFor(request, sw.location.origin)) {
    case 'navigate':
      event.respondWith(navigate(request));
      break;
    case 'cache-first':
      event.respondWith(cacheFirst(request));
      break;
    case 'stale-while-revalidate':
      event.respondWith(staleWhileRevalidate(request, event));
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
