import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { listSections, observeOutline, type SectionInfo } from '../../../../shared/report/layout.ts';

/** The sections in display order, re-read when the outline (not the text inside a section) changes. */
export function useOutline(doc: Y.Doc): SectionInfo[] {
  const cache = useRef<{ doc: Y.Doc; sections: SectionInfo[] } | null>(null);
  const subscribe = useCallback(
    (listener: () => void) =>
      observeOutline(doc, () => {
        cache.current = null;
        listener();
      }),
    [doc],
  );
  const getSnapshot = useCallback(() => {
    if (!cache.current || cache.current.doc !== doc) cache.current = { doc, sections: listSections(doc) };
    return cache.current.sections;
  }, [doc]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
