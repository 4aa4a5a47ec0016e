import { describe, expect, it } from 'vitest';
import type { LocalReport } from '../db/LocalDb.ts';
import { reportOfLocalDoc } from '../sync/localDoc.ts';
import { removeStashesOf, reportsWithStashes, saveStash, setStashing, stashKey } from '../sync/unsavedStash.ts';
import { MemoryStorage } from '../testSupport/MemoryStorage.ts';
import { planRemoval, unsentReports } from './deviceCopies.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const ORPHAN = '44444444-4444-4444-8444-444444444444';

function entry(id: string, fields: Partial<LocalReport> = {}): LocalReport {
  return {
    id,
    title: 'Report ' + id.slice(0, 1),
    mechanism: 'CAT',
    stateUnderReview: '',
    createdAt: '2026-01-01T00:00:00Z',
    pendingCreate: false,
    hasUnsyncedChanges: false,
    unsyncedChangeCount: 0,
    lastSyncedAt: null,
    lastOpenedAt: '2026-01-01T00:00:00Z',
    ...fields,
  };
}

describe('planRemoval', () => {
  const reports = [entry(A, { accountId: 'amina' }), entry(B), entry(C, { accountId: 'bruno' })];
  const databases = [
    'rightsdraft',
    `rightsdraft:${A}`,
    `rightsdraft:${A}/discussion`,
    `rightsdraft:${B}`,
    `rightsdraft:${C}`,
    `rightsdraft:${C}/discussion`,
    `rightsdraft:${ORPHAN}`,
    'some-other-app',
  ];

  it('takes the account’s reports and those made before accounts, with both documents of each, and orphans', () => {
    const plan = planRemoval(reports, databases, 'amina');
    expect(plan.catalogueIds).toEqual([A, B]);
    expect(plan.databases).toEqual([`rightsdraft:${A}`, `rightsdraft:${A}/discussion`, `rightsdraft:${B}`, `rightsdraft:${ORPHAN}`]);
    expect([...plan.reportIds].sort()).toEqual([A, B, ORPHAN]);
  });

  it('leaves another account’s copies on the device, and the catalogue database itself', () => {
    const plan = planRemoval(reports, databases, 'amina');
    expect(plan.databases.some((name) => name.includes(C))).toBe(false);
    expect(plan.databases).not.toContain('rightsdraft');
  });
});

describe('unsentReports', () => {
  it('names the account’s reports made here and not uploaded, with changes waiting, or with a copy left in localStorage', () => {
    const reports = [
      entry(A, { accountId: 'amina', hasUnsyncedChanges: true, unsyncedChangeCount: 2, title: 'Prison conditions' }),
      entry(B, { pendingCreate: true, title: '  ' }),
      entry(C, { accountId: 'bruno', hasUnsyncedChanges: true }),
      entry(ORPHAN, { accountId: 'amina', title: 'Evictions' }),
    ];
    expect(unsentReports(reports, 'amina', new Set([ORPHAN]))).toEqual([
      { id: A, title: 'Prison conditions' },
      { id: B, title: 'Untitled report' },
      { id: ORPHAN, title: 'Evictions' },
    ]);
    expect(unsentReports(reports, 'amina', new Set())).toHaveLength(2);
    // Comments written here and not yet confirmed count too.
    const commented = [entry(ORPHAN, { accountId: 'amina', title: 'Evictions', discussionUnsyncedCount: 1 })];
    expect(unsentReports(commented, 'amina', new Set())).toEqual([{ id: ORPHAN, title: 'Evictions' }]);
  });
});

describe('stashes of removed reports', () => {
  it('finds and removes the copies of given reports only, and keeps none while copies are being removed', () => {
    const storage = new MemoryStorage();
    saveStash(storage, stashKey(A, 17), new Uint8Array([1]));
    saveStash(storage, stashKey(A, 18), new Uint8Array([2]));
    saveStash(storage, stashKey(C, 19), new Uint8Array([3]));
    storage.setItem('rightsdraft.color', '#1f5fa8');
    expect([...reportsWithStashes(storage)].sort()).toEqual([A, C]);
    removeStashesOf(storage, new Set([A]));
    expect(storage.keys()).toEqual(['rightsdraft.color', stashKey(C, 19)]);

    setStashing(false);
    try {
      expect(saveStash(storage, stashKey(B, 20), new Uint8Array([4]))).toBe(false);
      expect(reportsWithStashes(storage).has(B)).toBe(false);
    } finally {
      setStashing(true);
    }
  });
});

describe('reportOfLocalDoc', () => {
  it('reads the report of a content or discussion database and ignores others', () => {
    expect(reportOfLocalDoc(`rightsdraft:${A}`)).toBe(A);
    expect(reportOfLocalDoc(`rightsdraft:${A}/discussion`)).toBe(A);
    expect(reportOfLocalDoc('rightsdraft')).toBeNull();
    expect(reportOfLocalDoc('rightsdraft:')).toBeNull();
    expect(reportOfLocalDoc('other')).toBeNull();
  });
});
