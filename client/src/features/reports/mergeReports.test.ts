import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../../../shared/api/types.ts';
import type { LocalReport } from '../../db/LocalDb.ts';
import { mergeReports } from './mergeReports.ts';

const local = (id: string, over: Partial<LocalReport> = {}): LocalReport => ({
  id,
  title: 'Local ' + id,
  mechanism: 'CERD',
  stateUnderReview: 'Freedonia',
  createdAt: '2025-01-01T00:00:00.000Z',
  pendingCreate: false,
  hasUnsyncedChanges: false,
  unsyncedChangeCount: 0,
  lastSyncedAt: null,
  lastOpenedAt: '2025-01-02T00:00:00.000Z',
  ...over,
});

const server = (id: string, over: Partial<ReportSummary> = {}): ReportSummary => ({
  id,
  title: 'Server ' + id,
  mechanism: 'UPR',
  stateUnderReview: 'Sylvania',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...over,
});

describe('mergeReports', () => {
  it('lists each report once, marking where it is', () => {
    const items = mergeReports([local('a'), local('b', { pendingCreate: true })], [server('a'), server('c')]);
    const place = Object.fromEntries(items.map((i) => [i.id, i.place]));
    expect(place).toEqual({ a: 'both', b: 'device-only', c: 'server-only' });
  });

  it('keeps device reports when the server list is unavailable', () => {
    const items = mergeReports([local('a'), local('b', { pendingCreate: true })], null);
    expect(items.map((i) => [i.id, i.place])).toEqual([
      ['a', 'device'],
      ['b', 'device-only'],
    ]);
  });

  it('shows the server title unless this device has edits waiting to sync', () => {
    expect(mergeReports([local('a')], [server('a')])[0]!.title).toBe('Server a');
    expect(mergeReports([local('a', { hasUnsyncedChanges: true })], [server('a')])[0]!.title).toBe('Local a');
  });

  it('puts the most recent activity first', () => {
    const items = mergeReports(
      [local('old', { lastOpenedAt: '2025-01-01T00:00:00.000Z' })],
      [server('new', { updatedAt: '2025-03-01T00:00:00.000Z' })],
    );
    expect(items.map((i) => i.id)).toEqual(['new', 'old']);
  });
});
