/**
 * The storage contract for deadlines and follow-up (migration 14), on every adapter: the catalogue's session and
 * deadline, calendar feed tokens, reminder claims, tracked recommendations and their log.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { FollowUpItem } from '../../shared/followup/types.ts';
import type { Storage, UserRecord } from '../../server/src/storage/Storage.ts';
import { createTestStorage, STORAGE_KINDS, type TestStorage } from '../helpers/server.ts';

describe.each(STORAGE_KINDS)('Deadline and follow-up storage on %s', (kind) => {
  let ts: TestStorage;
  let storage: Storage;
  let user: UserRecord;
  let other: UserRecord;
  const now = new Date().toISOString();

  const item = (fields: Partial<FollowUpItem>): FollowUpItem => ({
    id: crypto.randomUUID(), coalitionId: null, ownerUserId: user.id, state: 'Freedonia', mechanism: 'CERD', documentSymbol: 'CERD/C/FRE/CO/10-12',
    paragraph: '21', topic: '', text: 'Recommendation', followUpDue: null, createdByName: 'U', createdAt: now, ...fields,
  });

  beforeAll(async () => {
    ts = await createTestStorage(kind);
    storage = ts.open();
    await storage.migrate();
    user = (await storage.accounts.createUser({ id: crypto.randomUUID(), email: 'u@example.org', name: 'U', createdAt: now }, 'h'))!;
    other = (await storage.accounts.createUser({ id: crypto.randomUUID(), email: 'o@example.org', name: 'O', createdAt: now }, 'h'))!;
  });
  afterAll(async () => {
    await storage.close();
    await ts.destroy();
  });

  it('[DL1] keeps a report’s session and deadline in the catalogue, and clears them', async () => {
    const id = crypto.randomUUID();
    const doc = new Y.Doc();
    await storage.createReport({ id, title: 'R', mechanism: 'UPR', stateUnderReview: 'Freedonia', createdAt: now, updatedAt: now, ownerUserId: user.id, coalitionId: null }, id, Y.encodeStateAsUpdate(doc));
    expect(await storage.getReport(id)).toMatchObject({ session: '', deadline: null });
    await storage.setReportSchedule(id, { session: '48th session', deadline: { date: '2027-01-20', time: '12:00', zone: 'Europe/Zurich', at: '2027-01-20T11:00:00.000Z' } });
    expect((await storage.getReports([id]))[0]).toMatchObject({ session: '48th session', deadline: { date: '2027-01-20', time: '12:00', zone: 'Europe/Zurich', at: '2027-01-20T11:00:00.000Z' } });
    await storage.setReportSchedule(id, { session: '', deadline: null });
    expect(await storage.getReport(id)).toMatchObject({ session: '', deadline: null });
  });

  it('[DL2] keeps one calendar feed per person by its hash; a replacement forgets the old hash', async () => {
    expect(await storage.calendars.created(user.id)).toBe(null);
    expect(await storage.calendars.createIfAbsent(user.id, 'hash-1', now)).toBe(true);
    expect(await storage.calendars.createIfAbsent(user.id, 'hash-2', now)).toBe(false);
    expect(await storage.calendars.userFor('hash-1')).toBe(user.id);
    await storage.calendars.replace(user.id, 'hash-3', now);
    expect(await storage.calendars.userFor('hash-1')).toBe(null);
    expect(await storage.calendars.userFor('hash-3')).toBe(user.id);
    await storage.calendars.remove(user.id);
    expect(await storage.calendars.userFor('hash-3')).toBe(null);
  });

  it('[DL3] lets exactly one of many simultaneous claims of a reminder win, and a release frees it', async () => {
    const claim = { userId: user.id, item: 'report:x', kind: 'week', deadlineAt: '2027-01-20T11:00:00.000Z', sentAt: now };
    const results = await Promise.all(Array.from({ length: 6 }, () => storage.reminders.claim(claim)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await storage.reminders.claim({ ...claim, kind: 'day' })).toBe(true);
    expect(await storage.reminders.claim({ ...claim, deadlineAt: '2027-01-27T11:00:00.000Z' })).toBe(true);
    await storage.reminders.release(claim);
    expect(await storage.reminders.claim(claim)).toBe(true);
  });

  it('[FU1] stores tracked recommendations by coalition or owner, edits, logs and deletes them', async () => {
    const coalitionId = crypto.randomUUID();
    await storage.coalitions.create({ id: coalitionId, name: 'C', createdBy: other.id, createdAt: now, organisations: [] }, { userId: other.id, joinedAt: now });
    const own = item({ paragraph: '21', followUpDue: '2023-08-30' });
    const shared = item({ coalitionId, ownerUserId: other.id, paragraph: '35' });
    const othersOwn = item({ ownerUserId: other.id, paragraph: '40' });
    await storage.followUp.createItems([own, shared, othersOwn]);
    expect((await storage.followUp.listItems({ coalitionIds: [], ownerUserId: user.id })).map((i) => i.id)).toEqual([own.id]);
    expect((await storage.followUp.listItems({ coalitionIds: [coalitionId], ownerUserId: user.id })).map((i) => i.id).sort()).toEqual([own.id, shared.id].sort());
    expect(await storage.followUp.countItems({ coalitionId, ownerUserId: user.id })).toBe(1);
    expect(await storage.followUp.countItems({ coalitionId: null, ownerUserId: other.id })).toBe(1);
    await storage.followUp.updateItem(own.id, { followUpDue: null, topic: 'Profiling' });
    expect(await storage.followUp.getItem(own.id)).toMatchObject({ followUpDue: null, topic: 'Profiling', text: 'Recommendation' });
    const entry = { id: crypto.randomUUID(), itemId: own.id, place: 'Springfield', status: 'in progress' as const, note: 'n', evidenceUrl: null, observedOn: '2024-05-02', authorId: user.id, authorName: 'U', createdAt: now };
    await storage.followUp.addLog(entry);
    await storage.followUp.addLog({ ...entry, id: crypto.randomUUID(), observedOn: '2024-01-02', status: 'no action' });
    expect((await storage.followUp.log([own.id, shared.id])).map((e) => e.observedOn)).toEqual(['2024-01-02', '2024-05-02']);
    expect(await storage.followUp.countLog(own.id)).toBe(2);
    expect(await storage.followUp.deleteItem(own.id)).toBe(true);
    expect(await storage.followUp.getItem(own.id)).toBe(null);
    expect(await storage.followUp.log([own.id])).toEqual([]);
    expect(await storage.followUp.deleteItem(own.id)).toBe(false);
  });

  it('[FU2] deleting an account deletes its calendar feed, reminders and personal tracker, not its coalition’s', async () => {
    const leaver = (await storage.accounts.createUser({ id: crypto.randomUUID(), email: 'leaver@example.org', name: 'L', createdAt: now }, 'h'))!;
    const coalitionId = crypto.randomUUID();
    await storage.coalitions.create({ id: coalitionId, name: 'C2', createdBy: leaver.id, createdAt: now, organisations: [] }, { userId: leaver.id, joinedAt: now });
    const personal = item({ ownerUserId: leaver.id });
    const shared = item({ ownerUserId: leaver.id, coalitionId });
    await storage.followUp.createItems([personal, shared]);
    await storage.followUp.addLog({ id: crypto.randomUUID(), itemId: personal.id, place: '', status: 'implemented', note: 'private note', evidenceUrl: null, observedOn: '2024-01-01', authorId: leaver.id, authorName: 'L', createdAt: now });
    await storage.calendars.createIfAbsent(leaver.id, 'leaver-hash', now);
    await storage.reminders.claim({ userId: leaver.id, item: 'report:y', kind: 'day', deadlineAt: now, sentAt: now });
    await storage.accounts.deleteUser(leaver.id, []);
    expect(await storage.calendars.userFor('leaver-hash')).toBe(null);
    expect(await storage.followUp.getItem(personal.id)).toBe(null);
    expect(await storage.followUp.log([personal.id])).toEqual([]);
    expect(await storage.followUp.getItem(shared.id)).not.toBe(null);
    expect(await storage.reminders.claim({ userId: leaver.id, item: 'report:y', kind: 'day', deadlineAt: now, sentAt: now })).toBe(true);
  });
});
