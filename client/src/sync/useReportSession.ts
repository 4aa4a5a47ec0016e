import { useEffect, useState, useSyncExternalStore } from 'react';
import { ReportSession, type PresenceUser, type SessionSnapshot } from './ReportSession.ts';
import { reportEncryption } from './encrypted/reportEncryption.ts';

/**
 * The session of the open report. It is created in an effect, never during render: React StrictMode mounts,
 * unmounts and mounts again in development, and the cleanup destroys the first session (provider, socket,
 * IndexedDB handle) before the second is made, so a report never has two providers writing one Y.Doc and
 * nothing leaks. A session made in useMemo or useState would be created twice and never destroyed.
 */
export function useReportSession(reportId: string, user: PresenceUser, accountId: string | undefined): ReportSession | null {
  const [session, setSession] = useState<ReportSession | null>(null);
  useEffect(() => {
    let created: ReportSession | null = null;
    let cancelled = false;
    // Plain and encrypted reports sync over different transports: learn which before the session is made.
    void reportEncryption(reportId).then((encrypted) => {
      if (cancelled) return;
      created = new ReportSession(reportId, user, { accountId, encrypted });
      created.start();
      setSession(created);
    });
    return () => {
      cancelled = true;
      created?.destroy();
      setSession(null);
    };
    // The user is applied by the effect below; a new colour must not reopen the report.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reportId, accountId]);
  useEffect(() => {
    session?.setUser(user);
  }, [session, user]);
  return session;
}

export function useSessionSnapshot(session: ReportSession): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}
