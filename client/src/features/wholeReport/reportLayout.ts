/**
 * How the report's sections are shown: one at a time ("section") or all of them as one scrolling document
 * ("whole"). Kept in the address (`?layout=whole`) so a reload, a shared link and the back button keep it.
 */
import { useCallback, useSyncExternalStore } from 'react';

export type ReportLayout = 'section' | 'whole';

export const LAYOUT_PARAM = 'layout';

export function parseLayout(search: string): ReportLayout {
  return new URLSearchParams(search).get(LAYOUT_PARAM) === 'whole' ? 'whole' : 'section';
}

/** The same address with the layout set: `section` is the default and leaves no parameter behind. */
export function withLayout(pathname: string, search: string, layout: ReportLayout): string {
  const params = new URLSearchParams(search);
  if (layout === 'whole') params.set(LAYOUT_PARAM, 'whole');
  else params.delete(LAYOUT_PARAM);
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function useReportLayout(): [ReportLayout, (layout: ReportLayout) => void] {
  const layout = useSyncExternalStore(subscribe, () => parseLayout(location.search));
  const setLayout = useCallback((next: ReportLayout) => {
    const target = withLayout(location.pathname, location.search, next);
    if (target === location.pathname + location.search) return;
    history.pushState(history.state, '', target);
    for (const l of listeners) l();
  }, []);
  return [layout, setLayout];
}
