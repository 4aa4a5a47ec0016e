import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * A small value read from the doc (cover fields, metadata), re-read after each update and kept as the same
 * object while its JSON is unchanged, so typing in a section does not re-render forms. For values that are
 * expensive to compute use docDerived.ts instead.
 */
export function useDocValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const cache = useRef<{ doc: Y.Doc; key: string; value: T } | null>(null);
  const readRef = useRef(read);
  readRef.current = read;
  const subscribe = useCallback(
    (listener: () => void) => {
      doc.on('update', listener);
      return () => doc.off('update', listener);
    },
    [doc],
  );
  const getSnapshot = useCallback(() => {
    const value = readRef.current(doc);
    const key = JSON.stringify(value);
    if (cache.current?.doc === doc && cache.current.key === key) return cache.current.value;
    cache.current = { doc, key, value };
    return value;
  }, [doc]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
