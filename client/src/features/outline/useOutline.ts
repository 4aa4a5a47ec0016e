import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { listSections, observeOutline, type SectionInfo } from '../../../../shared/report/layout.ts';

function signature(sections: SectionInfo[]): string {
  return JSON.stringify(sections.map((s) => [s.id, s.title, s.order, s.status, s.tags]));
}

/**
 * The sections in display order. The snapshot is re-read on every check, not only after an outline
 * event: the device copy can load between the first render and the subscription, and an event-only cache
 * would then show an empty outline until the next change. The previous array is kept while nothing differs,
 * so React does not re-render for text typed inside a section.
 */
export function useOutline(doc: Y.Doc): SectionInfo[] {
  const cache = useRef<{ doc: Y.Doc; key: string; sections: SectionInfo[] } | null>(null);
  const subscribe = useCallback((listener: () => void) => observeOutline(doc, listener), [doc]);
  const getSnapshot = useCallback(() => {
    const sections = listSections(doc);
    const key = signature(sections);
    if (cache.current && cache.current.doc === doc && cache.current.key === key) return cache.current.sections;
    cache.current = { doc, key, sections };
    return sections;
  }, [doc]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
