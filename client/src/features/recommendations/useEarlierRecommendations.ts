import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { listEarlierRecommendations, observeEarlierRecommendations, type EarlierRecommendation } from '../../../../shared/report/earlierRecommendations.ts';

/** The report's earlier recommendations, live; the same array while nothing in them changes. */
export function useEarlierRecommendations(doc: Y.Doc): EarlierRecommendation[] {
  const cache = useRef<{ doc: Y.Doc; key: string; list: EarlierRecommendation[] } | null>(null);
  const subscribe = useCallback((listener: () => void) => observeEarlierRecommendations(doc, listener), [doc]);
  const getSnapshot = useCallback(() => {
    const list = listEarlierRecommendations(doc);
    const key = JSON.stringify(list);
    if (cache.current?.doc === doc && cache.current.key === key) return cache.current.list;
    cache.current = { doc, key, list };
    return list;
  }, [doc]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
