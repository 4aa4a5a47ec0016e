import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../testSupport/MemoryStorage.ts';
import { FIRST_SCREEN_LIMITS, FIRST_SCREEN_PREFIX, cachedAccountId, forgetFirstScreens, keepFirstScreen, readFirstScreen, sectionToShow } from './firstScreenStore.ts';

const REPORT = '11111111-1111-4111-8111-111111111111';
const AMINA = 'a0000000-0000-4000-8000-000000000001';
const BRUNO = 'b0000000-0000-4000-8000-000000000002';

function keep(storage: Storage, fields: { reportId?: string; accountId?: string; sectionId: string; text: string; now?: number }) {
  keepFirstScreen(
    storage,
    fields.reportId ?? REPORT,
    {
      accountId: fields.accountId ?? AMINA,
      title: 'Housing and evictions',
      language: 'en',
      firstSectionId: 'intro',
      sectionId: fields.sectionId,
      section: { title: `Section ${fields.sectionId}`, blocks: [{ k: 'p', x: fields.text }] },
      ui: { lang: 'fr', dir: 'ltr', opening: 'Ouverture du rapport…' },
    },
    fields.now ?? 1,
  );
}

describe('the first screen kept on the device', () => {
  it('keeps the section shown, for the account that saw it, and draws the remembered section else the first', () => {
    const storage = new MemoryStorage();
    keep(storage, { sectionId: 'intro', text: 'Roma families were evicted.' });
    keep(storage, { sectionId: 'housing', text: 'Shelters are full.' });
    const snapshot = readFirstScreen(storage, REPORT)!;
    expect(snapshot.accountId).toBe(AMINA);
    expect(snapshot.ui?.opening).toBe('Ouverture du rapport…');
    expect(sectionToShow(snapshot, null)?.blocks).toEqual([{ k: 'p', x: 'Roma families were evicted.' }]);
    expect(sectionToShow(snapshot, 'housing')?.blocks).toEqual([{ k: 'p', x: 'Shelters are full.' }]);
    expect(sectionToShow(snapshot, 'never-seen')).toBeNull();
  });

  it('keeps the first section and the newest others only', () => {
    const storage = new MemoryStorage();
    for (const id of ['intro', 'a', 'b', 'c', 'd']) keep(storage, { sectionId: id, text: id });
    const ids = Object.keys(readFirstScreen(storage, REPORT)!.sections).sort();
    expect(ids).toEqual(['c', 'd', 'intro']);
    expect(ids.length).toBe(FIRST_SCREEN_LIMITS.sections);
  });

  it('starts afresh when another account keeps the same report, so nobody sees what another account saw', () => {
    const storage = new MemoryStorage();
    keep(storage, { sectionId: 'housing', text: 'What Amina saw' });
    keep(storage, { accountId: BRUNO, sectionId: 'intro', text: 'What Bruno sees' });
    const snapshot = readFirstScreen(storage, REPORT)!;
    expect(snapshot.accountId).toBe(BRUNO);
    expect(JSON.stringify(snapshot)).not.toContain('What Amina saw');
  });

  it('reads nothing from a malformed or foreign entry', () => {
    const storage = new MemoryStorage();
    storage.setItem(FIRST_SCREEN_PREFIX + REPORT, '{not json');
    expect(readFirstScreen(storage, REPORT)).toBeNull();
    storage.setItem(FIRST_SCREEN_PREFIX + REPORT, JSON.stringify({ v: 1, accountId: AMINA, title: 'x', sections: { s: { title: 't', blocks: [{ k: 'script', x: 'alert(1)' }] } } }));
    expect(readFirstScreen(storage, REPORT)).toBeNull();
    storage.setItem(FIRST_SCREEN_PREFIX + REPORT, JSON.stringify({ v: 2, accountId: AMINA, title: 'x', sections: {} }));
    expect(readFirstScreen(storage, REPORT)).toBeNull();
  });

  it('knows the account signed in on the device from its cached account', () => {
    const storage = new MemoryStorage();
    expect(cachedAccountId(storage)).toBeNull();
    storage.setItem('rightsdraft.account', JSON.stringify({ id: AMINA, name: 'Amina' }));
    expect(cachedAccountId(storage)).toBe(AMINA);
    storage.setItem('rightsdraft.account', 'garbage');
    expect(cachedAccountId(storage)).toBeNull();
  });

  it('keeps the newest reports only, and a full storage loses the first screen, not the page', () => {
    const storage = new MemoryStorage();
    const ids = Array.from({ length: FIRST_SCREEN_LIMITS.reports + 3 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    ids.forEach((reportId, i) => keep(storage, { reportId, sectionId: 'intro', text: `report ${i}`, now: 1000 + i }));
    const kept = ids.filter((id) => readFirstScreen(storage, id));
    expect(kept).toEqual(ids.slice(3));

    const full = new MemoryStorage(200);
    expect(() => keep(full, { sectionId: 'intro', text: 'x'.repeat(500) })).not.toThrow();
    expect(readFirstScreen(full, REPORT)).toBeNull();
  });

  it('forgets the named reports, or all of them (signing out), and nothing else', () => {
    const storage = new MemoryStorage();
    const other = '22222222-2222-4222-8222-222222222222';
    keep(storage, { sectionId: 'intro', text: 'one' });
    keep(storage, { reportId: other, sectionId: 'intro', text: 'two' });
    storage.setItem('rightsdraft.language', 'fr');
    forgetFirstScreens(storage, [REPORT]);
    expect(readFirstScreen(storage, REPORT)).toBeNull();
    expect(readFirstScreen(storage, other)).not.toBeNull();
    forgetFirstScreens(storage);
    expect(storage.keys()).toEqual(['rightsdraft.language']);
  });
});
