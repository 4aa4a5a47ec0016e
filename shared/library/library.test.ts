import { describe, expect, it } from 'vitest';
import { checkContent, textToContent } from './content.ts';
import type { LibraryEntry } from './entry.ts';
import { readFeed, buildFeed } from './feed.ts';
import { searchLibrary } from './search.ts';
import { validateAdoption, validateEntryChange, validateNewEntry } from './validate.ts';

function entry(id: string, title: string, text: string, fields: Partial<LibraryEntry> = {}): LibraryEntry {
  return {
    id, title, text, content: textToContent(text), kind: 'ordinance', level: 'city', tags: [], language: 'en', source: '', licence: 'CC BY 4.0',
    visibility: 'instance', coalitionId: null, version: 1, writer: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    origin: null, subscriptionId: null, adoptions: [], ...fields,
  };
}

describe('Library content', () => {
  it('keeps the allowed structures and refuses the rest', () => {
    const ok = checkContent({ type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'T', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: ' https://example.org ', target: '_blank' } }] }] }] });
    expect(ok).toEqual({ ok: true, content: { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'T', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://example.org' } }] }] }] } });
    for (const bad of [
      { type: 'doc', content: [{ type: 'table' }] },
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'paragraph' }] }] },
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] },
      { type: 'doc', content: [] },
      { type: 'paragraph' },
    ]) {
      expect(checkContent(bad).ok, JSON.stringify(bad)).toBe(false);
    }
    let deep: unknown = { type: 'paragraph' };
    for (let i = 0; i < 20; i++) deep = { type: 'blockquote', content: [deep] };
    expect(checkContent({ type: 'doc', content: [deep] }).ok).toBe(false);
  });
});

describe('Library validation', () => {
  it('fills the defaults of a new entry and refuses what is not allowed', () => {
    const v = validateNewEntry({ title: ' T ', kind: 'ordinance', level: 'national', text: 'a\nb', visibility: 'instance' });
    expect(v.ok && v.value).toMatchObject({ title: 'T', licence: 'CC BY 4.0', language: 'en', tags: [], coalitionId: null, text: 'a\nb' });
    expect(validateNewEntry({ title: 'T', kind: 'ordinance', level: 'city', text: 'x', visibility: 'instance', language: 'English' }).ok).toBe(false);
    expect(validateEntryChange({}).ok).toBe(false);
    expect(validateEntryChange({ coalitionId: null })).toEqual({ ok: true, value: { coalitionId: null } });
    expect(validateAdoption({ place: 'Lund', date: '2025-13-01', status: 'adopted' }).ok).toBe(false);
    expect(validateAdoption({ place: 'Lund', date: '2025-12-01', status: 'adopted', link: 'https://example.org' }).ok).toBe(true);
  });
});

describe('searchLibrary', () => {
  const entries = [
    entry('a', 'Housing ordinance', 'Equal access to housing for all residents.', { tags: ['CEDAW:14'], adoptions: [{ id: 'x', place: 'Utrecht', body: '', date: '2024-01-01', status: 'adopted', link: null, followUp: '', recordedAt: '' }] }),
    entry('b', 'Schools resolution', 'Mentions housing once.', { kind: 'model-resolution', tags: ['ICERD:5(e)(v)'] }),
    entry('c', 'Reparación colectiva', 'Texto en español.', { language: 'es' }),
  ];
  it('ranks title words above text words, folds accents and filters by kind, tag (with its parts) and status', () => {
    expect(searchLibrary(entries, { q: 'housing' }).map((h) => h.entry.id)).toEqual(['a', 'b']);
    expect(searchLibrary(entries, { q: 'reparacion' }).map((h) => h.entry.id)).toEqual(['c']);
    expect(searchLibrary(entries, { q: 'utrecht' }).map((h) => h.entry.id)).toEqual(['a']);
    expect(searchLibrary(entries, { kind: 'model-resolution' }).map((h) => h.entry.id)).toEqual(['b']);
    expect(searchLibrary(entries, { tag: 'ICERD:5' }).map((h) => h.entry.id)).toEqual(['b']);
    expect(searchLibrary(entries, { status: 'adopted' }).map((h) => h.entry.id)).toEqual(['a']);
  });
});

describe('The feed', () => {
  it('reads back what it writes, and refuses another format or version', () => {
    const feed = buildFeed('https://a.example', [entry('a', 'T', 'x', { tags: ['SDG:5'] })], '2026-01-01T00:00:00.000Z');
    const read = readFeed(JSON.parse(JSON.stringify(feed)));
    expect(read.ok && read.feed.entries[0]).toMatchObject({ id: 'a', title: 'T', tags: ['SDG:5'], licence: 'CC BY 4.0', version: 1 });
    expect(readFeed({ ...feed, version: 2 }).ok).toBe(false);
    expect(readFeed({ ...feed, format: 'x' }).ok).toBe(false);
    expect(readFeed({ ...feed, entries: [feed.entries[0], feed.entries[0]] }).ok).toBe(false);
  });
});
