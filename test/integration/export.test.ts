/**
 * GET /api/reports/:id/export on both storages: every .docx is read by LibreOffice (as HTML: paragraphs, list
 * numbers, table cells and notes, never laid out, so no check depends on the fonts installed) and every PDF by
 * pdftotext, and the text that comes out is checked with white space collapsed. Role checks as for every read.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/api/types.ts';
import { api, connectClient, createReport, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { squash } from '../helpers/office.ts';
import { ARABIC_SENTENCE, CHINESE_SENTENCE, writeSampleReport } from '../helpers/sampleReport.ts';
import { STORAGE_KINDS } from '../helpers/server.ts';
import { useExportServer } from '../helpers/exportServer.ts';
import { listSections } from '../../shared/report/layout.ts';

async function download(baseUrl: string, path: string, as: TestUser | null) {
  const res = await fetch(baseUrl + path, { headers: as ? { cookie: as.cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe.each(STORAGE_KINDS)('Export on %s', (kind) => {
  const suite = useExportServer(kind);
  let viewer: TestUser;
  let stranger: TestUser;
  let reportId: string;

  beforeAll(async () => {
    viewer = await signUp(suite.server.url);
    stranger = await signUp(suite.server.url);
    const report = await createReport(suite.server.url, suite.owner, { title: 'Segregation of Roma children in schools', mechanism: 'CERD', stateUnderReview: 'Freedonia' });
    reportId = report.id;
    await api(suite.server.url, `/api/reports/${reportId}/members`, { as: suite.owner, body: { email: viewer.email, role: 'viewer' } });
    const client = connectClient(suite.server.wsUrl, reportId, suite.owner);
    await client.synced;
    writeSampleReport(client.doc);
    await waitFor(async () => (await api<{ sections: unknown[] }>(suite.server.url, `/api/reports/${reportId}/content`, { as: suite.owner })).body.sections.length === 3);
    expect(listSections(client.doc)).toHaveLength(3);
    client.destroy();
  });

  it('writes a Word file whose cover, numbered paragraphs, footnotes, tables and annexes LibreOffice reads back', async () => {
    const res = await download(suite.server.url, `/api/reports/${reportId}/export?format=docx`, viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toContain('filename="cerd-freedonia-segregation-of-roma-children-in-schools.docx"');
    const read = await suite.office.readDocx(res.bytes);
    const text = squash(read.text);
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
    expect(text).toMatch(/1\. Roma children are segregated ?1 in separate schools\./);
    expect(text).toMatch(/2\. The coalition visited forty schools/);
    expect(text).toMatch(/3\. Enrolment figures by year: ?2/);
    expect(text).toMatch(/4\. The State party should end segregation by 2026\. ?3/);
    expect(text).toContain(`5. ${ARABIC_SENTENCE}`);
    expect(text).toMatch(/6\. 政府应当确保/);
    // A right-to-left paragraph (its number stands at its right in Word) is marked so in the file.
    const documentXml = strFromU8(unzipSync(res.bytes)['word/document.xml']!);
    const arabicParagraph = [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes('تطالب'));
    expect(arabicParagraph).toMatch(/<w:bidi\/>/);
    // Footnotes (not endnotes), numbered in order across sections.
    expect(read.notes).toEqual([
      { kind: 'footnote', text: 'European Roma Rights Centre, school survey 2023.' },
      { kind: 'footnote', text: 'Ministry of Education statistics, table 4.' },
      { kind: 'footnote', text: 'See also the previous concluding observations.' },
    ]);
    expect(text).toMatch(/1 European Roma Rights Centre, school survey 2023\./);
    expect(text).toMatch(/2 Ministry of Education statistics, table 4\./);
    expect(text).toMatch(/3 See also the previous concluding observations\./);
    // Lists, quotes and tables, read cell by cell.
    for (const phrase of ['Northern region findings', 'We were told to sit at the back']) expect(text).toContain(phrase);
    const [figures, tagAnnex, matrix] = read.tables;
    expect(figures).toEqual([
      ['School year', 'Roma pupils enrolled'],
      ['2021-2022', '1,204'],
      ['2022-2023', '1,187'],
    ]);
    // The annexes: tags per section and the earlier-recommendations matrix.
    // Tags by kind, named as the taxonomy names them (never their ids), read cell by cell.
    expect(text).toContain('Annex: treaty articles, general recommendations, SDG targets and UPR themes addressed by each section');
    expect(tagAnnex![0]).toEqual(expect.arrayContaining(['Section', 'Treaty articles', 'General recommendations and comments', 'SDG goals and targets', 'UPR themes and groups', 'Earlier recommendations']));
    const annexCells = squash(tagAnnex!.flat().join(' | '));
    for (const label of ['ICERD article 5', 'CERD general recommendation No. 35 (2013)', 'SDG target 4.5', 'Migrants', 'CERD/C/FRE/CO/19']) expect(annexCells).toContain(label);
    expect(annexCells).not.toMatch(/ICERD:5|SDG:4\.5|CERD-GR:35|UPR-GROUP:migrants/);
    expect(text).toContain('Annex: implementation of earlier recommendations');
    expect(matrix).toEqual([
      ['Recommendation', 'Source', 'Assessment', 'Comment'],
      ['End the placement of Roma children in special schools', 'CERD/C/FRE/CO/19 para. 14 (CERD)', 'Not implemented', 'Forty segregated schools remain'],
    ]);
  });

  it('puts notes at the end as endnotes numbered 1, 2, 3 when asked, and leaves out the annex and the numbers', async () => {
    const res = await download(suite.server.url, `/api/reports/${reportId}/export?format=docx&notes=endnotes&annex=false&numberParagraphs=false`, suite.owner);
    expect(res.status).toBe(200);
    const read = await suite.office.readDocx(res.bytes);
    const text = squash(read.text);
    expect(read.notes.map((n) => n.kind)).toEqual(['endnote', 'endnote', 'endnote']);
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
    const res = await download(suite.server.url, `/api/reports/${reportId}/export?format=pdf`, viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('cerd-freedonia-segregation-of-roma-children-in-schools.pdf');
    const text = squash(await suite.office.pdfText(res.bytes));
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
    expect(squash(await suite.office.pdfText(res.bytes, 'layout'))).toMatch(/1\. Roma children are segregated ?1 in separate schools\./);
    expect(text).toMatch(/Notes 1\. European Roma Rights Centre, school survey 2023\. 2\. Ministry of Education statistics, table 4\./);
  });

  it('adds a DRAFT watermark on request', async () => {
    const res = await download(suite.server.url, `/api/reports/${reportId}/export?format=pdf&watermark=true&annex=false`, suite.owner);
    expect(squash(await suite.office.pdfText(res.bytes))).toMatch(/D ?R ?A ?F ?T/);
  });

  it('refuses unknown formats and options with 400 and says which', async () => {
    const format = await api<ApiErrorBody>(suite.server.url, `/api/reports/${reportId}/export?format=odt`, { as: suite.owner });
    expect(format.status).toBe(400);
    expect(format.body.error).toMatchObject({ code: 'invalid_format', field: 'format' });
    const notes = await api<ApiErrorBody>(suite.server.url, `/api/reports/${reportId}/export?format=docx&notes=sidenotes`, { as: suite.owner });
    expect(notes.status).toBe(400);
    expect(notes.body.error).toMatchObject({ code: 'invalid_option', field: 'notes' });
  });

  it('answers 404 to a stranger and for an unknown report, and 401 without a session', async () => {
    expect((await download(suite.server.url, `/api/reports/${reportId}/export?format=docx`, stranger)).status).toBe(404);
    expect((await download(suite.server.url, `/api/reports/${crypto.randomUUID()}/export?format=pdf`, suite.owner)).status).toBe(404);
    const anonymous = await api<ApiErrorBody>(suite.server.url, `/api/reports/${reportId}/export?format=docx`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthorized');
  });
});
