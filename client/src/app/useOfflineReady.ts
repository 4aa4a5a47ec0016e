import { useEffect, useState } from 'react';
import { whenOfflineReady } from '../sw/registerServiceWorker.ts';

/** True once the service worker controls the page: the app will open on this device without a network. */
export function useOfflineReady(): boolean {
  const [ready, setReady] = useState(() => 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null);
  useEffect(() => {
    let live = true;
    void whenOfflineReady().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
