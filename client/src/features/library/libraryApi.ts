/** /api/library: entries, adoption records and uses in reports (issue 14). */
import type { LibraryEntry, LibraryEntryView, LibrarySubscription } from '../../../../shared/library/entry.ts';
import { request } from '../../api/http.ts';

export function fetchReadableEntries(): Promise<{ entries: LibraryEntry[] }> {
  return request('/api/library/entries');
}

export function fetchEntry(id: string): Promise<LibraryEntryView> {
  return request(`/api/library/entries/${encodeURIComponent(id)}`);
}

export function createEntry(body: Record<string, unknown>): Promise<LibraryEntry> {
  return request('/api/library/entries', { body });
}

export function updateEntry(id: string, body: Record<string, unknown>): Promise<LibraryEntry> {
  return request(`/api/library/entries/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deleteEntry(id: string): Promise<null> {
  return request(`/api/library/entries/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function addAdoption(id: string, body: Record<string, unknown>): Promise<LibraryEntry> {
  return request(`/api/library/entries/${encodeURIComponent(id)}/adoptions`, { body });
}

export function recordUse(id: string, reportId: string, version: number): Promise<{ version: number }> {
  return request(`/api/library/entries/${encodeURIComponent(id)}/uses`, { body: { reportId, version } });
}

export function fetchSubscriptions(): Promise<{ subscriptions: LibrarySubscription[] }> {
  return request('/api/library/subscriptions');
}

export function subscribe(url: string): Promise<LibrarySubscription> {
  return request('/api/library/subscriptions', { body: { url } });
}

export function unsubscribe(id: string): Promise<null> {
  return request(`/api/library/subscriptions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
