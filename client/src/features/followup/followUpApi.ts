/** The follow-up tracker's API calls. */
import type { FollowUpItemWithLog, FollowUpLogEntry, FollowUpStatus } from '../../../../shared/followup/types.ts';
import type { PasteFormat } from '../../../../shared/followup/importPaste.ts';
import { request } from '../../api/http.ts';

export type TrackedItem = FollowUpItemWithLog & { right: 'read' | 'write' };

export async function fetchTracker(): Promise<TrackedItem[]> {
  return (await request<{ items: TrackedItem[] }>('/api/follow-up')).items;
}

export async function importRecommendations(body: {
  coalitionId: string | null;
  state: string;
  format: PasteFormat;
  text: string;
  adoptedOn: string | null;
}): Promise<number> {
  return (await request<{ items: unknown[] }>('/api/follow-up/import', { body })).items.length;
}

export function addLogEntry(itemId: string, body: { place: string; status: FollowUpStatus; note: string; evidenceUrl: string | null; observedOn: string }): Promise<FollowUpLogEntry> {
  return request<FollowUpLogEntry>(`/api/follow-up/${encodeURIComponent(itemId)}/log`, { body });
}

export async function deleteTracked(itemId: string): Promise<void> {
  await request(`/api/follow-up/${encodeURIComponent(itemId)}`, { method: 'DELETE' });
}
