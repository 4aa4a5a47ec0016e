/**
 * The library (issue 14) through the API on both storages: entries are written, searched with the taxonomy's
 * ranking, kept from people outside a private coalition (404), published for readers without an account in the
 * feed (with conditional requests), exported as a bundle and imported elsewhere with their origin and licence.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LibraryEntry, LibraryEntryView } from '../../shared/library/entry.ts';
import type { LibraryFeed } from '../../shared/library/feed.ts';
import { api, createReport, signUp, type TestUser } from '../helpers/clients.ts';
import { useOneNode } from '../helpers/oneNode.ts';
import { STORAGE_KINDS } from '../helpers/server.ts';

interface Results {
  results: (LibraryEntry & { score: number })[];
}

describe.each(STORAGE_KINDS)('Library on %s', (kind) => {
  const node = useOneNode(kind);
  let stranger: TestUser;
  let manager: TestUser;
  let coalitionId: string;

  beforeAll(async () => {
    stranger = await signUp(node.server.url, { name: 'Stella' });
    manager = await signUp(node.server.url, { name: 'Mona' });
    const coalition = await api<{ id: string }>(node.server.url, '/api/coalitions', { as: node.owner, body: { name: 'Housing Rights Coalition' } });
    coalitionId = coalition.body.id;
    // The owner made the coalition (manager); the editor joins as a plain member, Mona as a manager.
    const members = node.server.storage.coalitions;
    await members.addMember({ coalitionId, userId: node.editor.id, manager: false, reportRole: 'editor', joinedAt: new Date().toISOString() });
    await members.addMember({ coalitionId, userId: manager.id, manager: true, reportRole: 'editor', joinedAt: new Date().toISOString() });
  });

  const create = (as: TestUser, body: Record<string, unknown>) => api<LibraryEntry>(node.server.url, '/api/library/entries', { as, body });
  const search = (query: string, as: TestUser | null) => api<Results>(node.server.url, `/api/library/search?${query}`, { as });

  it('creates an entry from plain text with the defaults, and reads it back', async () => {
    const res = await create(node.editor, {
      title: 'Model ordinance on equal access to housing',
      kind: 'ordinance',
      level: 'city',
      text: 'The city shall not discriminate.\n\nIt shall publish its allocation rules.',
      tags: ['CEDAW:14', 'SDG:11.1'],
      visibility: 'instance',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 1, licence: 'CC BY 4.0', language: 'en', writer: { name: 'Edwin' }, coalitionId: null });
    expect(res.body.content.content).toHaveLength(2);
    const read = await api<LibraryEntryView>(node.server.url, `/api/library/entries/${res.body.id}`, { as: stranger });
    expect(read.status).toBe(200);
    expect(read.body.text).toBe('The city shall not discriminate.\nIt shall publish its allocation rules.');
    expect(read.body.canEdit).toBe(false);
  });

  it('refuses unknown tags, bad kinds, disallowed links and content nodes with 400 naming the field', async () => {
    const base = { title: 'T', kind: 'ordinance', level: 'city', text: 'x', visibility: 'instance' };
    const bad = [
      [{ ...base, tags: ['NOT:A:TAG'] }, 'tags'],
      [{ ...base, kind: 'law' }, 'kind'],
      [{ ...base, level: 'galaxy' }, 'level'],
      [{ ...base, visibility: 'coalition' }, 'coalitionId'],
      [{ ...base, text: undefined, content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] } }, 'content'],
      [{ ...base, text: undefined, content: { type: 'doc', content: [{ type: 'image', attrs: { src: 'http://x' } }] } }, 'content'],
      [{ ...base, title: 'x'.repeat(301) }, 'title'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await create(node.editor, body as Record<string, unknown>);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect((res.body as unknown as { error: { field?: string } }).error).toMatchObject({ code: expect.any(String) });
    }
  });

  it('keeps a coalition-private entry from anyone outside the coalition: 404 on read, change, search', async () => {
    const res = await create(node.editor, {
      title: 'Draft resolution on segregated schooling',
      kind: 'model-resolution',
      level: 'city',
      text: 'The council resolves to end segregated schooling of Roma children.',
      tags: ['ICERD:5'],
      visibility: 'coalition',
      coalitionId,
    });
    expect(res.status).toBe(201);
    const id = res.body.id;
    expect((await api(node.server.url, `/api/library/entries/${id}`, { as: stranger })).status).toBe(404);
    expect((await api(node.server.url, `/api/library/entries/${id}`, { as: null })).status).toBe(404);
    expect((await api(node.server.url, `/api/library/entries/${id}`, { as: stranger, method: 'PATCH', body: { title: 'Mine' } })).status).toBe(404);
    expect((await api(node.server.url, `/api/library/entries/${id}/adoptions`, { as: stranger, body: { place: 'X', date: '2026-01-01', status: 'adopted' } })).status).toBe(404);
    expect((await search('q=segregated', stranger)).body.results).toEqual([]);
    expect((await search('q=segregated', node.editor)).body.results.map((r) => r.id)).toEqual([id]);
    // A coalition manager may change it (the version goes up); a plain member who did not write it may not.
    const byManager = await api<LibraryEntry>(node.server.url, `/api/library/entries/${id}`, { as: manager, method: 'PATCH', body: { title: 'Resolution on desegregating schools' } });
    expect(byManager.status).toBe(200);
    expect(byManager.body.version).toBe(2);
    const other = await create(manager, { title: 'Mona’s note', kind: 'policy-practice', level: 'city', text: 'x', visibility: 'coalition', coalitionId });
    expect((await api(node.server.url, `/api/library/entries/${other.body.id}`, { as: node.editor, method: 'PATCH', body: { title: 'Edwin’s' } })).status).toBe(403);
    // An id that never existed answers the same 404.
    expect((await api(node.server.url, '/api/library/entries/00000000-0000-4000-8000-000000000000', { as: stranger })).status).toBe(404);
  });

  it('records adoptions with their status and link, and searches by words, kind, tag and status ranked like the taxonomy', async () => {
    const title = await create(node.owner, {
      title: 'Municipal declaration: a human rights city',
      kind: 'proclamation',
      level: 'city',
      text: 'The city commits to the Universal Declaration.',
      tags: ['SDG:16'],
      visibility: 'instance',
    });
    const inText = await create(node.owner, {
      title: 'Follow-up mechanism',
      kind: 'policy-practice',
      level: 'county',
      text: 'A standing body reports on the human rights city commitments each year.',
      tags: ['SDG:16.7'],
      visibility: 'instance',
    });
    const adoption = await api<LibraryEntry>(node.server.url, `/api/library/entries/${inText.body.id}/adoptions`, {
      as: node.owner,
      body: { place: 'Graz', body: 'City council', date: '2025-03-14', status: 'implemented', link: 'https://example.org/graz', followUp: 'A yearly public hearing.' },
    });
    expect(adoption.status).toBe(201);
    expect(adoption.body.adoptions).toEqual([expect.objectContaining({ place: 'Graz', status: 'implemented', link: 'https://example.org/graz' })]);
    const refusedLink = await api(node.server.url, `/api/library/entries/${inText.body.id}/adoptions`, {
      as: node.owner,
      body: { place: 'X', date: '2025-03-14', status: 'adopted', link: 'file:///etc/passwd' },
    });
    expect(refusedLink.status).toBe(400);

    const hits = (await search('q=human%20rights%20city', node.editor)).body.results.map((r) => r.id);
    expect(hits.slice(0, 2)).toEqual([title.body.id, inText.body.id]); // the title's words count more than the text's
    expect((await search('kind=policy-practice&q=human', node.editor)).body.results.map((r) => r.id)).toEqual([inText.body.id]);
    expect((await search('status=implemented', node.editor)).body.results.map((r) => r.id)).toEqual([inText.body.id]);
    const bySdg = (await search('tag=SDG:16', node.editor)).body.results.map((r) => r.id);
    expect(bySdg).toEqual(expect.arrayContaining([title.body.id, inText.body.id]));
    expect((await search('q=graz', node.editor)).body.results.map((r) => r.id)).toEqual([inText.body.id]);
    expect((await search('kind=law', node.editor)).status).toBe(400);
    expect((await search('tag=NOPE', node.editor)).status).toBe(400);
  });

  it('publishes: the feed and search answer without an account, with ETag and Last-Modified; withdrawing changes the feed', async () => {
    const entry = await create(node.owner, {
      title: 'Local CEDAW ordinance',
      kind: 'ordinance',
      level: 'city',
      text: 'The city applies CEDAW in its own services.',
      tags: ['CEDAW:2'],
      visibility: 'published',
    });
    const feed = await api<LibraryFeed>(node.server.url, '/library/feed.json', { as: null });
    expect(feed.status).toBe(200);
    expect(feed.body).toMatchObject({ format: 'rightsdraft-library-feed', version: 1, instance: node.server.url });
    expect(feed.body.entries.map((e) => e.id)).toEqual([entry.body.id]);
    expect(feed.body.entries[0]).toMatchObject({ licence: 'CC BY 4.0', title: 'Local CEDAW ordinance', version: 1 });
    const etag = feed.headers.get('etag')!;
    const lastModified = feed.headers.get('last-modified')!;
    expect(etag).toBeTruthy();
    expect((await fetch(`${node.server.url}/library/feed.json`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${node.server.url}/library/feed.json`, { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    expect((await search('q=cedaw', null)).body.results.map((r) => r.id)).toEqual([entry.body.id]);
    expect((await api(node.server.url, `/api/library/entries/${entry.body.id}`, { as: null })).status).toBe(200);

    await new Promise((r) => setTimeout(r, 1100)); // Last-Modified has one-second resolution
    expect((await api(node.server.url, `/api/library/entries/${entry.body.id}`, { as: node.owner, method: 'PATCH', body: { visibility: 'instance' } })).status).toBe(200);
    const after = await fetch(`${node.server.url}/library/feed.json`, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(((await after.json()) as LibraryFeed).entries).toEqual([]);
    expect((await fetch(`${node.server.url}/library/feed.json`, { headers: { 'if-modified-since': lastModified } })).status).toBe(200);
    expect((await api(node.server.url, `/api/library/entries/${entry.body.id}`, { as: null })).status).toBe(404);
  });

  it('exports a bundle of readable entries and imports it with origin and licence kept; an invalid bundle is a 400', async () => {
    const a = await create(node.owner, { title: 'Bundle A', kind: 'recommendation', level: 'national', text: 'Ratify the Optional Protocol.', licence: 'CC BY-SA 4.0', visibility: 'instance' });
    await api(node.server.url, `/api/library/entries/${a.body.id}/adoptions`, { as: node.owner, body: { place: 'Utrecht', date: '2024-05-01', status: 'adopted' } });
    const hidden = await create(node.editor, { title: 'Hidden', kind: 'recommendation', level: 'city', text: 'x', visibility: 'coalition', coalitionId });
    const exported = await api<LibraryFeed>(node.server.url, `/api/library/export?ids=${a.body.id},${hidden.body.id}`, { as: stranger });
    expect(exported.status).toBe(200);
    expect(exported.body.entries.map((e) => e.title)).toEqual(['Bundle A']);

    const imported = await api<{ imported: LibraryEntry[] }>(node.server.url, '/api/library/import', { as: stranger, body: { bundle: exported.body, visibility: 'instance' } });
    expect(imported.status).toBe(201);
    const copy = imported.body.imported[0]!;
    expect(copy).toMatchObject({ title: 'Bundle A', licence: 'CC BY-SA 4.0', origin: { instance: node.server.url, entryId: a.body.id, version: 1 }, writer: { id: stranger.id } });
    expect(copy.id).not.toBe(a.body.id);
    expect(copy.adoptions.map((x) => x.place)).toEqual(['Utrecht']);
    const invalid = await api(node.server.url, '/api/library/import', { as: stranger, body: { bundle: { format: 'other' } } });
    expect(invalid.status).toBe(400);
    const badTag = await api(node.server.url, '/api/library/import', { as: stranger, body: { bundle: { ...exported.body, entries: [{ ...exported.body.entries[0], tags: ['BAD'] }] } } });
    expect(badTag.status).toBe(400);
  });

  it('lists the reports that used an entry to those who may open them', async () => {
    const entry = await create(node.owner, { title: 'Used model', kind: 'model-resolution', level: 'city', text: 'Model text.', visibility: 'instance' });
    const report = await createReport(node.server.url, node.owner, { title: 'Freedonia shadow report' });
    expect((await api(node.server.url, `/api/library/entries/${entry.body.id}/uses`, { as: stranger, body: { reportId: report.id } })).status).toBe(404);
    const used = await api<{ version: number }>(node.server.url, `/api/library/entries/${entry.body.id}/uses`, { as: node.owner, body: { reportId: report.id } });
    expect(used.body).toEqual({ version: 1 });
    const ownerView = await api<LibraryEntryView>(node.server.url, `/api/library/entries/${entry.body.id}`, { as: node.owner });
    expect(ownerView.body.usedIn).toEqual([{ reportId: report.id, title: 'Freedonia shadow report', version: 1 }]);
    const strangerView = await api<LibraryEntryView>(node.server.url, `/api/library/entries/${entry.body.id}`, { as: stranger });
    expect(strangerView.body.usedIn).toEqual([]);
    // A device that inserted an older copy says which version it took; a version that does not exist is not believed.
    await api(node.server.url, `/api/library/entries/${entry.body.id}`, { as: node.owner, method: 'PATCH', body: { text: 'Model text, version two.' } });
    expect((await api(node.server.url, `/api/library/entries/${entry.body.id}/uses`, { as: node.owner, body: { reportId: report.id, version: 1 } })).body).toEqual({ version: 1 });
    expect((await api(node.server.url, `/api/library/entries/${entry.body.id}/uses`, { as: node.owner, body: { reportId: report.id, version: 9 } })).body).toEqual({ version: 2 });
    expect((await api(node.server.url, `/api/library/entries/${entry.body.id}/uses`, { as: node.owner, body: { reportId: report.id, version: 'x' } })).status).toBe(400);
  });

  it('puts the entries a person wrote in their data export, and keeps them without their name when the account is deleted', async () => {
    const leaver = await signUp(node.server.url, { name: 'Lea Leaving' });
    const entry = await create(leaver, { title: 'Lea’s model', kind: 'recommendation', level: 'city', text: 'Text by Lea.', visibility: 'instance' });
    const exported = await api<{ libraryEntriesWritten: { id: string; text: string }[] }>(node.server.url, '/api/auth/me/export', { as: leaver });
    expect(exported.body.libraryEntriesWritten).toEqual([expect.objectContaining({ id: entry.body.id, text: 'Text by Lea.' })]);
    const deleted = await api(node.server.url, '/api/auth/me', { as: leaver, method: 'DELETE', body: { password: leaver.password } });
    expect(deleted.status).toBe(204);
    const kept = await api<LibraryEntryView>(node.server.url, `/api/library/entries/${entry.body.id}`, { as: node.owner });
    expect(kept.body.writer).toBeNull();
    expect(JSON.stringify(kept.body)).not.toContain('Lea Leaving');
  });
});
