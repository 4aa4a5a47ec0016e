import { useCallback, useEffect, useState } from 'react';
import type { ReportSummary } from '../../../../shared/api/types.ts';
import { fetchServerReports } from '../../api/reportsApi.ts';

export type ServerList = { state: 'loading' } | { state: 'ok'; reports: ReportSummary[] } | { state: 'unreachable' };

/** The server's report list, fetched on open, when the browser comes online, and on `refresh()`. */
export function useServerReports(): { list: ServerList; refresh: () => void } {
  const [list, setList] = useState<ServerList>({ state: 'loading' });
  const refresh = useCallback(() => {
    fetchServerReports().then(
      (reports) => setList({ state: 'ok', reports }),
      () => setList({ state: 'unreachable' }),
    );
  }, []);
  useEffect(() => {
    refresh();
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, [refresh]);
  return { list, refresh };
}
