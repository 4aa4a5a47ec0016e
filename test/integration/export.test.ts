/**
 * GET /api/reports/:id/export on both storages: every .docx is laid out by LibreOffice and every PDF read by
 * pdftotext, and the text that comes out is checked. Role checks as for every read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/api/types.ts';
import { api, connectClient, createReport, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createOffice, squash, type Office } from '../helpers/office.ts';
import { ARABIC_SENTENCE, CHINESE_SENTENCE, writeSampleReport } from '../helpers/sampleReport.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';
import { listSections } from '../../shared/report/layout.ts';

async function download(baseUrl: string, path: string, as: TestUser | null) {
  const res = await fetch(baseUrl + path, { headers: as ? { cookie: as.cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe.each(STORAGE_KINDS)('Export on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let office: Office;
  let owner: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let reportId: string;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    office = createOffice();
    owner = await signUp(server.url);
    viewer = await signUp(server.url);
    stranger = await signUp(server.url);
    const report = await createReport(server.url, owner, { title: 'Segregation of Roma children in schools', mechanism: 'CERD', stateUnderReview: 'Freedonia' });
    reportId = report.id;
    await api(server.url, `/api/reports/${reportId}/members`, { as: owner, body: { email: viewer.email, role: 'viewer' } });
    const client = connectClient(server.wsUrl, reportId, owner);
    await client.synced;
    writeSampleReport(client.doc);
    await waitFor(async () => (await api<{ sections: unknown[] }>(server.url, `/api/reports/${reportId}/content`, { as: owner })).body.sections.length === 3);
    expect(listSections(client.doc)).toHaveLength(3);
    client.destroy();
  });
  afterAll(async () => {
    office?.dispose();
    await server?.close();
    await storage?.destroy();
  });

  it('writes a Word file whose cover, numbered paragraphs, footnotes, table and annexes LibreOffice reads back', async () => {
    const res = await download(server.url, `/api/reports/${reportId}/export?format=docx`, viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toContain('filename="cerd-freedonia-segregation-of-roma-children-in-schools.docx"');
    const pdf = await office.convert(res.bytes, 'docx', 'pdf');
    const text = squash(await office.pdfText(pdf));
    const lines = squash(await office.pdfText(pdf, 'layout'));
    // Cover page: every field the report has.
    for (const phrase of [
      'Segregation of Roma children in schools',
      'Committee on the Elimination of Racial Discrimination',
      'Session: 110th session (2024)',
      'State under review: Freedonia',
      'Submission type: Joint submission',
      'Roma Rights Centre',
      'Equal Schools Network',
      'Contact: coalition@example.org',
      'Public: this submission may be published.',
      'of a limit of 10,700',
    ]) expect(text).toContain(phrase);
    // Sections as headings in order, paragraphs numbered through the report.
    const order = ['Introduction', 'Access to education', 'Testimonies in other languages'].map((t) => text.indexOf(t));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(lines).toMatch(/1\. Roma children are segregated ?1 in separate schools\./);
    expect(lines).toMatch(/2\. The coalition visited forty schools/);
    expect(lines).toMatch(/3\. Enrolment figures by year: ?2/);
    expect(lines).toMatch(/4\. The State party should end segregation by 2026\. ?3/);
    // A right-to-left paragraph's number stands at its right; pdftotext writes it as ".5" in the Arabic line.
    expect(lines).toMatch(/تطالب منظمات .{0,80}(\.5|5\.)/);
    expect(lines).toMatch(/6\. 政府应当确保/);
    // Footnotes at the page foot, numbered in order across sections.
    expect(text).toMatch(/1 European Roma Rights Centre, school survey 2023\./);
    expect(text).toMatch(/2 Ministry of Education statistics, table 4\./);
    expect(text).toMatch(/3 See also the previous concluding observations\./);
    // Lists, quotes and table cells.
    for (const phrase of ['Northern region findings', 'We were told to sit at the back', 'School year', 'Roma pupils enrolled', '2022-2023', '1,187']) {
      expect(text).toContain(phrase);
    }
    // The annexes: tags per section and the earlier-recommendations matrix.
    // Tags by kind, named as the taxonomy names them (never their ids); read as plain text, so narrow table
    // columns wrapping words do not matter.
    const plainText = squash(new TextDecoder().decode(await office.convert(res.bytes, 'docx', 'txt:Text')));
    expect(plainText).toMatch(/Annex: treaty articles, general recommendations, SDG targets and UPR themes addressed by each section/);
    for (const column of ['Treaty articles', 'General recommendations and comments', 'SDG goals and targets', 'UPR themes and groups', 'Earlier recommendations']) {
      expect(plainText).toContain(column);
    }
    for (const label of ['ICERD article 5', 'CERD general recommendation No. 35 (2013)', 'SDG target 4.5', 'Migrants', 'CERD/C/FRE/CO/19']) expect(plainText).toContain(label);
    expect(plainText).not.toMatch(/ICERD:5|SDG:4\.5|CERD-GR:35|UPR-GROUP:migrants/);
    expect(plainText).toContain('Annex: implementation of earlier recommendations');
    expect(plainText).toContain('End the placement of Roma children in special schools');
    expect(plainText).toContain('Not implemented');
  });

  it('puts notes at the end as endnotes numbered 1, 2, 3 when asked, and leaves out the annex and the numbers', async () => {
    const res = await download(server.url, `/api/reports/${reportId}/export?format=docx&notes=endnotes&annex=false&numberParagraphs=false`, owner);
    expect(res.status).toBe(200);
    const text = squash(await office.docxText(res.bytes, 'layout'));
    const lastSection = text.indexOf('Права человека для всех.');
    const firstNote = text.indexOf('European Roma Rights Centre, school survey 2023.');
    expect(lastSection).toBeGreaterThan(0);
    expect(firstNote).toBeGreaterThan(lastSection);
    expect(text).toMatch(/1 European Roma Rights Centre/);
    expect(text).toMatch(/3 See also the previous concluding observations/);
    expect(text).not.toContain('Annex:');
    expect(text).not.toMatch(/1\. Roma children/);
  });

  it('writes a PDF with readable Latin, Cyrillic, Arabic and Chinese text, numbered notes and the annex', async () => {
    const res = await download(server.url, `/api/reports/${reportId}/export?format=pdf`, viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('cerd-freedonia-segregation-of-roma-children-in-schools.pdf');
    const text = squash(await office.pdfText(res.bytes));
    for (const phrase of [
      'Segregation of Roma children in schools',
      'State under review: Freedonia',
      'Equal Schools Network',
      'Access to education',
      'Roma pupils enrolled',
      'Права человека для всех.',
      'European Roma Rights Centre, school survey 2023.',
      'End the placement of',
      'Not implemented',
      ARABIC_SENTENCE,
      CHINESE_SENTENCE,
    ]) expect(text).toContain(phrase);
    expect(squash(await office.pdfText(res.bytes, 'layout'))).toMatch(/1\. Roma children are segregated ?1 in separate schools\./);
    expect(text).toMatch(/Notes 1\. European Roma Rights Centre, school survey 2023\. 2\. Ministry of Education statistics, table 4\./);
  });

  it('adds a DRAFT watermark on request', async () => {
    const res = await download(server.url, `/api/reports/${reportId}/export?format=pdf&watermark=true&annex=false`, owner);
    expect(squash(await office.pdfText(res.bytes))).toMatch(/D ?R ?A ?F ?T/);
  });

  it('refuses unknown formats and options with 400 and says which', async () => {
    const format = await api<ApiErrorBody>(server.url, `/api/reports/${reportId}/export?format=odt`, { as: owner });
    expect(format.status).toBe(400);
    expect(format.body.error).toMatchObject({ code: 'invalid_format', field: 'format' });
    const notes = await api<ApiErrorBody>(server.url, `/api/reports/${reportId}/export?format=docx&notes=sidenotes`, { as: owner });
    expect(notes.status).toBe(400);
    expect(notes.body.error).toMatchObject({ code: 'invalid_option', field: 'notes' });
  });

  it('answers 404 to a stranger and for an unknown report, and 401 without a session', async () => {
    expect((await download(server.url, `/api/reports/${reportId}/export?format=docx`, stranger)).status).toBe(404);
    expect((await download(server.url, `/api/reports/${crypto.randomUUID()}/export?format=pdf`, owner)).status).toBe(404);
    const anonymous = await api<ApiErrorBody>(server.url, `/api/reports/${reportId}/export?format=docx`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthorized');
  });
});
