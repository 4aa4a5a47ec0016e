import { useCallback, useEffect, useState } from 'react';
import { ApiError, fetchServerReports, type ServerReport } from '../../api/reportsApi.ts';

/** `signed-out`: the server refused the session (the page says so elsewhere); the device's reports are shown. */
export type ServerList =
  | { state: 'loading' }
  /** `askedAt`: when the request was made (ISO); the list holds what the server had then or later. */
  | { state: 'ok'; reports: ServerReport[]; askedAt: string }
  | { state: 'unreachable' } | { state: 'signed-out' };

/** Re-read the list this often while the page is visible: a report someone shared appears without a reload. */
const REFRESH_MS = 10_000;

/** The server's list of reports the user may read, fetched on mount, when online, periodically while visible, and on `refresh()`. */
export function useServerReports(): { list: ServerList; refresh: () => void } {
  const [list, setList] = useState<ServerList>({ state: 'loading' });
  const refresh = useCallback(() => {
    const askedAt = new Date().toISOString();
    fetchServerReports().then(
      (reports) => setList({ state: 'ok', reports, askedAt }),
      (err: unknown) => setList({ state: err instanceof ApiError && err.status === 401 ? 'signed-out' : 'unreachable' }),
    );
  }, []);
  useEffect(() => {
    refresh();
    const handleVisible = () => document.visibilityState === 'visible' && refresh();
    const timer = setInterval(() => document.visibilityState === 'visible' && navigator.onLine && refresh(), REFRESH_MS);
    window.addEventListener('online', refresh);
    document.addEventListener('visibilitychange', handleVisible);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', refresh);
      document.removeEventListener('visibilitychange', handleVisible);
    };
  }, [refresh]);
  return { list, refresh };
}
