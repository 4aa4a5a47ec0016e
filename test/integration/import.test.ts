/**
 * POST /api/reports/import on both storages: our own export comes back as the same sections, text and footnotes;
 * a .docx that LibreOffice wrote imports with its headings, footnotes, links, lists and table; an import into a
 * coalition is checked like POST /api/reports; bad files, bombs and oversized uploads are refused with a clear error.
 */
import fs from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, ReportContentResponse, ReportSummary } from '../../shared/api/types.ts';
import type { PmNode } from '../../shared/report/content.ts';
import { api, connectClient, createReport, getContent, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createOffice, type Office } from '../helpers/office.ts';
import { MERGED_TABLE, writeMergedTable, writeSampleReport } from '../helpers/sampleReport.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';

const FIXTURE = new URL('../fixtures/womens-rights.fodt', import.meta.url);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface ImportAnswer extends ReportSummary {
  sections: number;
  skipped: { images: number; which?: string[] };
}

async function upload(baseUrl: string, as: TestUser | null, file: Uint8Array | null, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ title: 'Imported report', mechanism: 'CEDAW', stateUnderReview: 'Freedonia', ...fields })) form.set(k, v);
  if (file) form.set('file', new Blob([new Uint8Array(file)], { type: DOCX_TYPE }), 'report.docx');
  const res = await fetch(`${baseUrl}/api/reports/import`, { method: 'POST', body: form, headers: as ? { cookie: as.cookie } : {} });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as ImportAnswer & ApiErrorBody };
}

/** What a round trip must keep: titles, body text, notes and the ProseMirror content. */
function sectionsOf(content: ReportContentResponse) {
  return content.sections.map((s) => ({ title: s.title, text: s.text, notes: s.notes, content: s.content }));
}

/** A table's cells as "text colspan×rowspan" per row (header cells marked with #). */
function cellGrid(table: PmNode | undefined): string[][] {
  const text = (n: PmNode): string => n.text ?? (n.content ?? []).map(text).join('');
  return (table?.content ?? []).map((row) =>
    (row.content ?? []).map((cell) => `${cell.type === 'tableHeader' ? '#' : ''}${text(cell)} ${String(cell.attrs?.colspan)}×${String(cell.attrs?.rowspan)}`),
  );
}

describe.each(STORAGE_KINDS)('Import on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let office: Office;
  let owner: TestUser;
  let stranger: TestUser;
  let exported: Uint8Array;
  let original: ReportContentResponse;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage, { maxImportBytes: 512 * 1024, maxImportUncompressedBytes: 2 * 1024 * 1024, maxImportEntries: 100 });
    office = createOffice();
    owner = await signUp(server.url);
    stranger = await signUp(server.url);
    const report = await createReport(server.url, owner, { title: 'Segregation of Roma children', mechanism: 'CERD', stateUnderReview: 'Freedonia' });
    const client = connectClient(server.wsUrl, report.id, owner);
    await client.synced;
    writeSampleReport(client.doc);
    await waitFor(async () => (await getContent(server.url, owner, report.id)).sections.length === 3);
    client.destroy();
    original = await getContent(server.url, owner, report.id);
    const res = await fetch(`${server.url}/api/reports/${report.id}/export?format=docx&notes=endnotes`, { headers: { cookie: owner.cookie } });
    exported = new Uint8Array(await res.arrayBuffer());
  });
  /** A new account that joined the coalition by an invitation with this default report role. */
  async function joinCoalition(coalitionId: string, role: string): Promise<TestUser> {
    const invite = await api<{ token: string }>(server.url, `/api/coalitions/${coalitionId}/invitations`, { as: owner, body: { role } });
    const user = await signUp(server.url);
    expect((await api(server.url, `/api/invitations/${invite.body.token}/accept`, { as: user, method: 'POST' })).status).toBe(200);
    return user;
  }

  afterAll(async () => {
    office?.dispose();
    await server?.close();
    await storage?.destroy();
  });

  it('gives back the same sections, text and footnotes from an exported report (import of export)', async () => {
    const res = await upload(server.url, owner, exported, { title: 'Round trip', mechanism: 'CERD' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Round trip', mechanism: 'CERD', stateUnderReview: 'Freedonia', role: 'owner', sections: 3, skipped: { images: 0 } });
    const imported = await getContent(server.url, owner, res.body.id);
    expect(sectionsOf(imported)).toEqual(sectionsOf(original));
    expect(imported.sections.flatMap((s) => s.notes)).toEqual([
      'European Roma Rights Centre, school survey 2023.',
      'Ministry of Education statistics, table 4.',
      'See also the previous concluding observations.',
    ]);
    // The importer owns the new report; nobody else sees it.
    expect((await api(server.url, `/api/reports/${res.body.id}`, { as: stranger })).status).toBe(404);
  });

  it('gives back the same sections and text from an export that LibreOffice saved again (its styles renamed)', async () => {
    // LibreOffice writes our styles back with ids made from their names (RDCover becomes CoverLine): the cover,
    // the annexes and the paragraph numbers must still be recognised, not imported as text and lists.
    const resaved = await office.convert(exported, 'docx', 'docx');
    const res = await upload(server.url, owner, resaved, { title: 'Edited in LibreOffice', mechanism: 'CERD' });
    expect(res.status).toBe(201);
    const imported = await getContent(server.url, owner, res.body.id);
    expect(imported.sections.map((s) => s.title)).toEqual(original.sections.map((s) => s.title));
    expect(imported.sections.map((s) => s.text)).toEqual(original.sections.map((s) => s.text));
    expect(imported.sections.flatMap((s) => s.notes)).toEqual(original.sections.flatMap((s) => s.notes));
  });

  it('imports a .docx written by LibreOffice with headings, footnotes, links, a list and a table', async () => {
    const docx = await office.convert(new Uint8Array(fs.readFileSync(FIXTURE)), 'fodt', 'docx');
    const res = await upload(server.url, owner, docx);
    expect(res.status).toBe(201);
    const content = await getContent(server.url, owner, res.body.id);
    expect(content.sections.map((s) => s.title)).toEqual(['Women in employment', 'Violence against women']);
    const [employment, violence] = content.sections;
    expect(employment!.text).toBe('Women earn a fifth less than men. See the full report.\nWages by sector\nSector\nGap\nAgriculture\n31%\nUnpaid care work\nPension gap');
    expect(employment!.notes).toEqual(['Labour force survey 2022, table 3.']);
    expect(violence!.notes).toEqual(['Shelter network annual report.']);
    const blocks = employment!.content.content!.map((b) => b.type);
    expect(blocks).toEqual(['paragraph', 'heading', 'table', 'bulletList']);
    const paragraph = JSON.stringify(employment!.content.content![0]);
    expect(paragraph).toContain('"href":"https://example.org/report"');
    expect(paragraph).toContain('"href":"https://example.org/lfs"');
    expect(paragraph).toContain('{"type":"text","text":"a fifth less","marks":[{"type":"bold"}]}');
    expect(employment!.content.content![2]!.content![0]!.content![0]!.type).toBe('tableHeader');
  });

  it('imports into a coalition whose members see the report with their default role', async () => {
    const coalition = await api<{ id: string }>(server.url, '/api/coalitions', { as: owner, body: { name: 'CEDAW shadow coalition' } });
    const editor = await joinCoalition(coalition.body.id, 'editor');
    const reviewer = await joinCoalition(coalition.body.id, 'reviewer');
    // An editor by default may import into the coalition; the report is theirs and the coalition's.
    const res = await upload(server.url, editor, exported, { coalitionId: coalition.body.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ coalitionId: coalition.body.id, role: 'owner', sections: 3 });
    const listed = await api<{ reports: (ReportSummary & { role: string })[] }>(server.url, '/api/reports', { as: reviewer });
    expect(listed.body.reports.find((r) => r.id === res.body.id)?.role).toBe('reviewer');
    expect(sectionsOf(await getContent(server.url, reviewer, res.body.id))).toEqual(sectionsOf(original));
    expect((await api(server.url, `/api/reports/${res.body.id}`, { as: stranger })).status).toBe(404);
  });

  it('refuses a coalition the importer is not a member of, and a member whose default role is viewer', async () => {
    const coalition = await api<{ id: string }>(server.url, '/api/coalitions', { as: owner, body: { name: 'UPR coalition' } });
    const before = await api<{ reports: ReportSummary[] }>(server.url, '/api/reports', { as: stranger });
    const outsider = await upload(server.url, stranger, exported, { coalitionId: coalition.body.id });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error).toMatchObject({ code: 'unknown_coalition', field: 'coalitionId' });
    const after = await api<{ reports: ReportSummary[] }>(server.url, '/api/reports', { as: stranger });
    expect(after.body.reports).toEqual(before.body.reports);

    const viewer = await joinCoalition(coalition.body.id, 'viewer');
    const refused = await upload(server.url, viewer, exported, { coalitionId: coalition.body.id });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await api<{ reports: ReportSummary[] }>(server.url, '/api/reports', { as: viewer })).body.reports).toEqual([]);
  });

  it('keeps merged table cells through our export, LibreOffice saving it again, and import', async () => {
    const report = await createReport(server.url, owner, { title: 'Cases', mechanism: 'CEDAW' });
    const client = connectClient(server.wsUrl, report.id, owner);
    await client.synced;
    writeMergedTable(client.doc);
    await waitFor(async () => (await getContent(server.url, owner, report.id)).sections.length === 1);
    client.destroy();
    const res = await fetch(`${server.url}/api/reports/${report.id}/export?format=docx&annex=false`, { headers: { cookie: owner.cookie } });
    const ours = new Uint8Array(await res.arrayBuffer());
    // LibreOffice writes vertical merges its own way (a bare <w:vMerge/> continues).
    const resaved = await office.convert(ours, 'docx', 'docx');
    for (const file of [ours, resaved]) {
      const imported = await upload(server.url, owner, file);
      expect(imported.status).toBe(201);
      const section = (await getContent(server.url, owner, imported.body.id)).sections.find((s) => s.title === 'Cases by region');
      expect(cellGrid(section!.content.content!.find((n) => n.type === 'table'))).toEqual(cellGrid(MERGED_TABLE));
    }
  });

  it('says how many images it left out', async () => {
    const drawing = '<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/></wp:inline></w:drawing></w:r>';
    const document =
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">' +
      `<w:body><w:p><w:r><w:t>Shelters by region</w:t></w:r>${drawing}</w:p><w:p>${drawing}</w:p></w:body></w:document>`;
    const res = await upload(server.url, owner, zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(document) }));
    expect(res.status).toBe(201);
    expect(res.body.skipped).toEqual({ images: 2, which: ['a shape or drawing', 'a shape or drawing'] });
    expect((await getContent(server.url, owner, res.body.id)).sections[0]!.text).toBe('Shelters by region');
  });

  it('splits at a chosen heading level', async () => {
    const res = await upload(server.url, owner, exported, { headingLevel: '2' });
    expect(res.status).toBe(201);
    const content = await getContent(server.url, owner, res.body.id);
    expect(content.sections.map((s) => s.title)).toEqual(['Introduction', 'Background of the survey', 'Access to education', 'Testimonies in other languages']);
  });

  const bad: [string, () => Uint8Array, number, string][] = [
    ['a file that is not a zip', () => strToU8('This is a plain text file, not a Word document.'), 400, 'not_a_zip'],
    ['a zip that is not a document', () => zipSync({ 'notes.txt': strToU8('hello'), 'data/list.csv': strToU8('a,b') }), 400, 'not_a_document'],
    [
      'a document whose XML is broken',
      () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document><w:body><w:p></w:document') }),
      400,
      'invalid_xml',
    ],
    [
      'a zip bomb (3 MB of text compressed to a few kB)',
      () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(3 * 1024 * 1024).fill(32) }, { level: 9 }),
      413,
      'too_large',
    ],
    [
      'an archive with thousands of entries',
      () => zipSync(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`junk/${i}.txt`, strToU8('x')]))),
      413,
      'too_many_entries',
    ],
    ['a file over the size limit', () => new Uint8Array(600 * 1024).fill(65), 413, 'payload_too_large'],
  ];
  it.each(bad)('refuses %s with a clear error', async (_what, make, status, code) => {
    const res = await upload(server.url, owner, make());
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.length).toBeGreaterThan(15);
  });

  it('asks for a session, a file and valid report fields', async () => {
    expect((await upload(server.url, null, exported)).status).toBe(401);
    const noFile = await upload(server.url, owner, null);
    expect(noFile.status).toBe(400);
    expect(noFile.body.error).toMatchObject({ code: 'missing_file', field: 'file' });
    const mechanism = await upload(server.url, owner, exported, { mechanism: 'ICJ' });
    expect(mechanism.status).toBe(400);
    expect(mechanism.body.error.code).toBe('unknown_mechanism');
    const level = await upload(server.url, owner, exported, { headingLevel: 'seven' });
    expect(level.status).toBe(400);
    expect(level.body.error.field).toBe('headingLevel');
    const json = await api<ApiErrorBody>(server.url, '/api/reports/import', { as: owner, body: { title: 'x' } });
    expect(json.status).toBe(415);
  });
});
