/**
 * An access change as another node publishes it (JSON inside the sealed envelope), read back only when it has
 * the shape of one: whatever else arrives is dropped, never half-applied.
 */
import { isReportId } from '../../../shared/protocol/rooms.ts';
import type { AccessEvent } from '../sync/SyncServer.ts';

const isText = (v: unknown, max = 1000): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

export function parseAccessEvent(data: Uint8Array): AccessEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const e = value as Record<string, unknown>;
  switch (e.type) {
    case 'recheck':
      if (!isText(e.userId) || (e.reportId !== undefined && !isReportId(e.reportId))) return null;
      return e.reportId === undefined ? { type: 'recheck', userId: e.userId } : { type: 'recheck', userId: e.userId, reportId: e.reportId as string };
    case 'credential':
      return isText(e.credential) ? { type: 'credential', credential: e.credential } : null;
    case 'report':
      // A WebSocket close code an application may use, and a reason that fits a close frame.
      if (!isReportId(e.reportId) || !Number.isInteger(e.code) || (e.code as number) < 4000 || (e.code as number) > 4999) return null;
      if (typeof e.reason !== 'string' || Buffer.byteLength(e.reason) > 123) return null;
      return { type: 'report', reportId: e.reportId, code: e.code as number, reason: e.reason };
    default:
      return null;
  }
}
