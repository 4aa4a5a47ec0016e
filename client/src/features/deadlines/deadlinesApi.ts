/** The deadline and calendar calls of the API. */
import type { Deadline } from '../../../../shared/deadlines/deadline.ts';
import { request } from '../../api/http.ts';

export interface DeadlineEntry {
  key: string;
  kind: 'report' | 'followup';
  id: string;
  title: string;
  detail: string;
  deadline: Deadline;
}

export async function fetchDeadlines(): Promise<DeadlineEntry[]> {
  return (await request<{ deadlines: DeadlineEntry[] }>('/api/deadlines')).deadlines;
}

export interface CalendarAddress {
  /** Shown only when made (the server keeps a hash); null afterwards. */
  url: string | null;
  createdAt: string | null;
  warning?: string;
}

export function fetchCalendar(): Promise<CalendarAddress> {
  return request<CalendarAddress>('/api/calendar');
}

export function regenerateCalendar(): Promise<CalendarAddress> {
  return request<CalendarAddress>('/api/calendar/regenerate', { method: 'POST', body: {} });
}
