/**
 * Sync one report nobody has open: used for reports made or edited offline, so their content reaches the
 * server when the network returns even if the user never opens them again. Loaded on demand (it pulls in
 * Yjs and the sync code).
 */
import { CloseCodes, TERMINAL_CLOSE_CODES } from '../../../../shared/protocol/closeCodes.ts';
import { isReader } from '../../auth/permissions.ts';
import { ReportSession } from '../../sync/ReportSession.ts';

const BACKGROUND_USER = { name: 'Rightsdraft', color: '#5c6878' };

/** Resolves true once the server confirmed every change this device had, false on timeout or a refusal. */
export async function syncInBackground(reportId: string, accountId: string, timeoutMs = 60_000): Promise<boolean> {
  const session = new ReportSession(reportId, BACKGROUND_USER, { foreground: false, accountId });
  session.start();
  try {
    return await new Promise<boolean>((resolve) => {
      let unsubscribe = () => {};
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        unsubscribe();
        resolve(ok);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      const check = () => {
        const f = session.getSnapshot().facts;
        if (f.handshakeDone && f.unsyncedChanges === 0) finish(true);
        else if (!f.online || isReader(f.role)) finish(false);
        else if (f.closeCode !== null && (TERMINAL_CLOSE_CODES.has(f.closeCode) || f.closeCode === CloseCodes.ReadOnly.code) && !f.pendingCreate) {
          finish(false);
        }
      };
      unsubscribe = session.subscribe(check);
      check();
    });
  } finally {
    session.destroy();
  }
}
