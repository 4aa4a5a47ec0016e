/** The page's side of the export cache (see sw/exportAssets.ts): ask the service worker to fill it, check fonts in it. */

/**
 * Copies of EXPORT_CACHE and CACHE_EXPORT_ASSETS in sw/exportAssets.ts: importing that module here would make the
 * build share it as a chunk, which the service worker (a classic script) cannot import. fontCache.test.ts checks
 * that they match.
 */
export const EXPORT_CACHE = 'rightsdraft-export';
export const CACHE_EXPORT_ASSETS = 'rightsdraft:cache-export-assets';

/** Ask the service worker, if there is one, to fetch and keep export's worker and fonts. Quiet when it cannot. */
export async function requestExportCaching(): Promise<void> {
  if (!('serviceWorker' in navigator) || !navigator.onLine) return;
  // `ready` never settles without a registration (the dev server has none).
  if (!(await navigator.serviceWorker.getRegistration())) return;
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage(CACHE_EXPORT_ASSETS);
}

/** Whether every font is in the cache, so a PDF can be made with no network. */
export async function fontsOnDevice(urls: string[]): Promise<boolean> {
  if (typeof caches === 'undefined') return false;
  try {
    const cache = await caches.open(EXPORT_CACHE);
    for (const url of urls) if (!(await cache.match(url))) return false;
    return true;
  } catch {
    return false;
  }
}
