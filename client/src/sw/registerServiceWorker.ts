/** Registers `/sw.js` in production builds; the dev server serves modules the worker would not know. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((err: unknown) => {
      console.warn('Rightsdraft: offline support is unavailable', err);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** Resolves when a service worker controls this page, i.e. the app shell will open without a network. */
export function whenOfflineReady(): Promise<void> {
  if (!('serviceWorker' in navigator)) return new Promise(() => undefined);
  if (navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise((resolve) => {
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
  });
}
