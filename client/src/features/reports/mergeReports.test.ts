import { describe, expect, it } from 'vitest';
import type { ServerReport } from '../../api/reportsApi.ts';
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

const server = (id: string, over: Partial<ServerReport> = {}): ServerReport => ({
  id,
  role: 'editor',
  ownerUserId: 'u0',
  coalitionId: null,
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

  it('shows the role and coalition from the server, else as cached on this device', () => {
    const [fromServer] = mergeReports([local('a', { role: 'editor' })], [server('a', { role: 'viewer', coalitionId: 'c1' })]);
    expect(fromServer).toMatchObject({ role: 'viewer', coalitionId: 'c1' });
    const [offline] = mergeReports([local('a', { role: 'reviewer', coalitionId: 'c1' })], null);
    expect(offline).toMatchObject({ role: 'reviewer', coalitionId: 'c1' });
    expect(mergeReports([local('b', { pendingCreate: true })], null)[0]!.role).toBe('owner');
  });

  it('leaves out device copies of another account, and keeps those from before accounts', () => {
    const items = mergeReports([local('mine', { accountId: 'u1' }), local('theirs', { accountId: 'u2' }), local('old')], null, 'u1');
    expect(items.map((i) => i.id).sort()).toEqual(['mine', 'old']);
  });

  it('flags changes on this device that a reader can no longer send', () => {
    const [item] = mergeReports([local('a', { hasUnsyncedChanges: true, role: 'editor' })], [server('a', { role: 'viewer' })]);
    expect(item!.unsendable).toBe(true);
    expect(mergeReports([local('a', { hasUnsyncedChanges: true })], [server('a')])[0]!.unsendable).toBe(false);
  });

  it('keeps a device copy deleted after the server list was asked for as deleted, and not one the list was asked for since', () => {
    const deleted = local('a', { deletedOnServer: true, deletedOnServerAt: '2026-01-01T10:00:00.000Z' });
    expect(mergeReports([deleted], [server('a')], undefined, '2026-01-01T09:59:00.000Z')[0]!.deletedOnServer).toBe(true);
    expect(mergeReports([deleted], [server('a')], undefined, '2026-01-01T10:01:00.000Z')[0]!.deletedOnServer).toBe(false);
    expect(mergeReports([deleted], [], undefined, '2026-01-01T10:01:00.000Z')[0]!.deletedOnServer).toBe(true);
  });

  it("keeps the device copy's deadline offline, and the server's once its changes are synced", () => {
    const mine = { date: '2027-01-20', time: '12:00', zone: 'Europe/Zurich', at: '2027-01-20T11:00:00.000Z' };
    const theirs = { ...mine, date: '2027-01-27', at: '2027-01-27T11:00:00.000Z' };
    expect(mergeReports([local('a', { deadline: mine })], null)[0]!.deadline).toEqual(mine);
    expect(mergeReports([local('a', { deadline: mine })], [server('a', { deadline: theirs })])[0]!.deadline).toEqual(theirs);
    expect(mergeReports([local('a', { deadline: mine, hasUnsyncedChanges: true })], [server('a', { deadline: theirs })])[0]!.deadline).toEqual(mine);
  });
});
