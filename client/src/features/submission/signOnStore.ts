/**
 * Sign-on of the open report, as the server last said (GET /api/reports/:id/sign-on), kept in memory for the
 * cover form, the checklist and the browser's export (which works offline from this copy). The report's own
 * organisation list is applied live on top (`withOwnList`), so adding a name offline shows at once.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { getCoverFields } from '../../../../shared/report/coverFields.ts';
import { withOwnList, type SignOnEntry, type SignOnResponse, type SignOnStatus } from '../../../../shared/report/signOn.ts';
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

/** The sign-on for export and checks: the last server answer with the report's own list as it is now; null if never read. */
export function currentSignOn(reportId: string, doc: Y.Doc): SignOnResponse | null {
  const known = last.get(reportId);
  return known ? withOwnList(known, getCoverFields(doc).organisations) : null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The last server answer for a report (re-read when the component mounts and whenever the device comes online). */
export function useLastSignOn(reportId: string | null, online: boolean): { signOn: SignOnResponse | null; reload: () => Promise<void> } {
  const signOn = useSyncExternalStore(subscribe, () => (reportId ? (last.get(reportId) ?? null) : null));
  const reload = useCallback(async () => {
    if (reportId) await refreshSignOn(reportId);
  }, [reportId]);
  useEffect(() => {
    if (!reportId || !online) return;
    reload().catch((err: unknown) => console.warn('Rightsdraft: sign-on could not be read', err));
  }, [reportId, online, reload]);
  return { signOn, reload };
}
