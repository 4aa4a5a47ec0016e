import { useSyncExternalStore } from 'react';

/** A phone's width: the report header keeps its main actions and puts the rest in its "Report actions" menu. */
const QUERY = '(max-width: 640px)';

function subscribe(listener: () => void): () => void {
  const mql = window.matchMedia(QUERY);
  mql.addEventListener('change', listener);
  return () => mql.removeEventListener('change', listener);
}

export function useCompactHeader(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}
