/** Registers `/sw.js` in production builds (the dev server serves modules the worker would not know). */
import { useToastStore } from '../stores/toastStore.ts';

/** Must match SKIP_WAITING in serviceWorker.ts (a separate bundle, so the constant cannot be imported). */
const SKIP_WAITING = 'rightsdraft:skip-waiting';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then((registration) => {
        if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
        registration.addEventListener('updatefound', () => {
          const worker = registration.installing;
          worker?.addEventListener('statechange', () => {
            // Installed while another version controls the page: a new build is ready.
            if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
          });
        });
      })
      .catch((err: unknown) => console.warn('Rightsdraft: offline support is unavailable', err));
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

function offerUpdate(worker: ServiceWorker): void {
  useToastStore.getState().show(
    {
      message: 'A new version of Rightsdraft is ready.',
      action: {
        label: 'Reload',
        run: () => {
          navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
          worker.postMessage(SKIP_WAITING);
        },
      },
    },
    60_000,
  );
}

/** Resolves when a service worker controls this page, i.e. the app shell will open without a network. */
export function whenOfflineReady(): Promise<void> {
  if (!('serviceWorker' in navigator)) return new Promise(() => undefined);
  if (navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise((resolve) => {
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
  });
}
