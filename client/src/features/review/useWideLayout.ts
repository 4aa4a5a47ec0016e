import { useSyncExternalStore } from 'react';

/** Wide enough for comments in a margin beside the text; narrower screens list them in a panel. */
const QUERY = '(min-width: 1100px)';

function subscribe(listener: () => void): () => void {
  const mql = window.matchMedia(QUERY);
  mql.addEventListener('change', listener);
  return () => mql.removeEventListener('change', listener);
}

export function useWideLayout(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}
