/**
 * Which caching strategy the service worker uses for a request. Pure, so it is unit-tested without a worker.
 */
export type Strategy =
  /** Not handled by the worker at all: the browser goes to the network as if there were no worker. */
  | 'bypass'
  /** An app route (a page load): network first, the cached index.html when the network fails. */
  | 'navigate'
  /** Content-hashed build output: a file under a name never changes, so the cache wins. */
  | 'cache-first'
  /** Other files of the app shell (icon, manifest): the cache, refreshed from the network. */
  | 'stale-while-revalidate'
  /** Export's worker code and fonts: their own cache first, filled on first use (see exportAssets.ts). */
  | 'export-asset';

export interface RequestLike {
  url: string;
  method: string;
  mode: string;
}

/** Paths the worker must never answer from a cache: live data and the sync socket. */
const NEVER_CACHED = ['/api/', '/sync/', '/healthz'];

/** `exportAssets`: the paths of export's files (the build's `fonts` and worker output; see exportAssets.ts). */
export function strategyFor(request: RequestLike, origin: string, exportAssets: ReadonlySet<string> = new Set()): Strategy {
  if (request.method !== 'GET') return 'bypass';
  const url = new URL(request.url);
  if (url.origin !== origin) return 'bypass';
  if (NEVER_CACHED.some((p) => url.pathname.startsWith(p) || url.pathname === p.replace(/\/$/, ''))) return 'bypass';
  if (request.mode === 'navigate') return 'navigate';
  if (exportAssets.has(url.pathname)) return 'export-asset';
  if (url.pathname.startsWith('/assets/')) return 'cache-first';
  if (url.pathname === '/sw.js') return 'bypass';
  return 'stale-while-revalidate';
}

/** Cache names carry the build version, so an old build's files are dropped when a new worker activates. */
export const CACHE_PREFIX = 'rightsdraft-shell-';

export function cacheName(version: string): string {
  return CACHE_PREFIX + version;
}
