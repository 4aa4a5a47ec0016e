/**
 * Sign-on of the open report, as the server last said (GET /api/reports/:id/sign-on), kept in memory for the
 * cover form, the checklist and the browser's export (which works offline from this copy). The report's own
 * organisation list is applied live on top (`withOwnList`), so adding a name offline shows at once.
 *
 * An end-to-end encrypted report has no sign-on on the server (the route answers 409 `encrypted_report`, and
 * confirmations would name its organisations in the clear): it is never asked, and the cover names the report's
 * own list as it is (`encryptedSignOn`).
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { getCoverFields } from '../../../../shared/report/coverFields.ts';
import { signOnList, withOwnList, type SignOnEntry, type SignOnResponse, type SignOnStatus } from '../../../../shared/report/signOn.ts';
import { request } from '../../api/http.ts';

const last = new Map<string, SignOnResponse>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

const path = (reportId: string) => `/api/reports/${encodeURIComponent(reportId)}/sign-on`;

export async function refreshSignOn(reportId: string): Promise<void> {
  last.set(reportId, await request<SignOnResponse>(path(reportId)));
  notify();
}

export async function changeSignOn(reportId: string, organisation: string, status: SignOnStatus): Promise<SignOnEntry> {
  const entry = await request<SignOnEntry>(path(reportId), { method: 'PATCH', body: { organisation, status } });
  await refreshSignOn(reportId);
  return entry;
}

/** An encrypted report's sign-on, made on this device: its own list, nothing to confirm (no server keeps it). */
export function encryptedSignOn(own: string[]): SignOnResponse {
  return signOnList(own, null, []);
}

/** The sign-on for export and checks: the last server answer with the report's own list as it is now; null if never read. */
export function currentSignOn(reportId: string, doc: Y.Doc, encrypted = false): SignOnResponse | null {
  if (encrypted) return encryptedSignOn(getCoverFields(doc).organisations);
  const known = last.get(reportId);
  return known ? withOwnList(known, getCoverFields(doc).organisations) : null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The last server answer for a report (re-read when the component mounts and whenever the device comes online);
 * never asked for an encrypted report.
 */
export function useLastSignOn(reportId: string | null, online: boolean, encrypted = false): { signOn: SignOnResponse | null; reload: () => Promise<void> } {
  const signOn = useSyncExternalStore(subscribe, () => (reportId ? (last.get(reportId) ?? null) : null));
  const reload = useCallback(async () => {
    if (reportId) await refreshSignOn(reportId);
  }, [reportId]);
  useEffect(() => {
    if (!reportId || !online || encrypted) return;
    reload().catch((err: unknown) => console.warn('Rightsdraft: sign-on could not be read', err));
  }, [reportId, online, encrypted, reload]);
  return { signOn, reload };
}
