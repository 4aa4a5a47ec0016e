/**
 * Names of the Yjs documents a report has, as they appear in sync URLs (`/sync/<room>`) and in storage.
 * Only these two functions build or parse them.
 */
export type DocumentKind = 'content' | 'discussion';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isReportId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** `<reportId>` for the content document, `<reportId>/discussion` for comments and suggestions. */
export function roomName(reportId: string, kind: DocumentKind = 'content'): string {
  return kind === 'content' ? reportId : `${reportId}/discussion`;
}

export function parseRoomName(room: string): { reportId: string; kind: DocumentKind } | null {
  const [reportId, suffix, ...rest] = room.split('/');
  if (!isReportId(reportId) || rest.length > 0) return null;
  if (suffix === undefined) return { reportId, kind: 'content' };
  if (suffix === 'discussion') return { reportId, kind: 'discussion' };
  return null;
}
