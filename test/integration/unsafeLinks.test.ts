/**
 * Links outside http, https and mailto never leave the server as links: a stock y-websocket client writes
 * `javascript:`, `file:` and UNC links straight into a section body (no editor to refuse them), and the content
 * API, the Word file's relationships and the PDF's link annotations hold none of them; their text is still
 * there, as plain text. A Word file with such hyperlinks imports them as plain text. Both storages.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportContentResponse } from '../../shared/api/types.ts';
import type { PmNode } from '../../shared/report/content.ts';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, getContent, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createOffice, squash, type Office } from '../helpers/office.ts';
import { pdfLinks, relationshipTargets } from '../helpers/exportedLinks.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';
import { docOf, paragraph, writeBody } from '../helpers/yjsContent.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Link text -> the address a client put under it. Every one of these must come out as plain text. */
const UNSAFE: Record<string, string> = {
  'script link': 'javascript:alert(1)',
  'mixed case script link': 'JaVaScRiPt:alert(2)',
  'tabbed script link': 'java\tscript:alert(3)',
  'file share link': 'file://server/share',
  'backslash share link': '\\\\attacker\\share',
  'slash share link': '//attacker/share',
  'data link': 'data:text/html,<script>alert(4)</script>',
  'relative link': '/api/auth/me',
};
const SAFE_HREF = 'https://example.org/safe';
const NOTE_HREF = 'file://notes-server/share';

const link = (text: string, href: string): PmNode => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] });

/** Every link mark's href in a ProseMirror tree. */
function hrefsIn(node: PmNode): string[] {
  const own = (node.marks ?? []).filter((m) => m.type === 'link').map((m) => String(m.attrs?.href));
  return [...own, ...(node.content ?? []).flatMap(hrefsIn)];
}

/** A minimal Word document: one paragraph per [text, target] pair, each a hyperlink to its target. */
function docxWithHyperlinks(links: [string, string][]): Uint8Array {
  const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/\t/g, '&#9;');
  const rels = links
    .map(([, target], i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${xmlAttr(target)}" TargetMode="External"/>`)
    .join('');
  const paragraphs = links.map(([text], i) => `<w:p><w:hyperlink r:id="rId${i + 1}"><w:r><w:t>${text}</w:t></w:r></w:hyperlink></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
        `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${paragraphs}</w:body></w:document>`,
    ),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
  });
}

describe.each(STORAGE_KINDS)('Unsafe links on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let office: Office;
  let owner: TestUser;
  let reportId: string;

  const download = async (query: string) => {
    const res = await fetch(`${server.url}/api/reports/${reportId}/export?${query}`, { headers: { cookie: owner.cookie } });
    expect(res.status).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  };

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    office = createOffice();
    owner = await signUp(server.url);
    reportId = (await createReport(server.url, owner, { title: 'Links in a report', mechanism: 'CERD', stateUnderReview: 'Freedonia' })).id;
    const client = connectClient(server.wsUrl, reportId, owner);
    await client.synced;
    const sectionId = addSection(client.doc, { title: 'Sources' });
    const pieces: PmNode[] = [];
    for (const [text, href] of Object.entries(UNSAFE)) pieces.push({ type: 'text', text: 'See the ' }, link(text, href), { type: 'text', text: '. ' });
    writeBody(
      getSectionBody(client.doc, sectionId)!,
      docOf(paragraph(...pieces), paragraph('The ', link('safe survey', SAFE_HREF), ' stays a link.')),
    );
    // A link inside a footnote, written the same way.
    const body = getSectionBody(client.doc, sectionId)!;
    writeBody(body, docOf(paragraph('Noted', { type: 'footnote', content: [link('note share link', NOTE_HREF)] }, '.')));
    await waitFor(async () => (await getContent(server.url, owner, reportId)).sections[0]?.text.includes('Noted') === true);
    client.destroy();
  });
  afterAll(async () => {
    office?.dispose();
    await server?.close();
    await storage?.destroy();
  });

  it('the content API and a version\'s content give the text of unsafe links without the links', async () => {
    const content: ReportContentResponse = await getContent(server.url, owner, reportId);
    const section = content.sections[0]!;
    expect(hrefsIn(section.content)).toEqual([SAFE_HREF]);
    for (const text of Object.keys(UNSAFE)) expect(section.text).toContain(`See the ${text}.`);
    expect(section.notes).toContain('note share link');
    // A version's content is read the same way.
    const version = await api<{ id: string }>(server.url, `/api/reports/${reportId}/versions`, { as: owner, body: { name: 'With links' } });
    expect(version.status).toBe(201);
    const then = await api<ReportContentResponse>(server.url, `/api/reports/${reportId}/versions/${version.body.id}/content`, { as: owner });
    expect(then.status).toBe(200);
    expect(then.body.sections.flatMap((s) => hrefsIn(s.content))).toEqual([SAFE_HREF]);
  });

  it('the Word file has no relationship to an unsafe target and keeps the text', async () => {
    const docx = await download('format=docx');
    const targets = relationshipTargets(docx);
    expect(targets).toContain(SAFE_HREF);
    for (const href of [...Object.values(UNSAFE), NOTE_HREF]) expect(targets).not.toContain(href);
    expect(targets.filter((t) => t !== SAFE_HREF)).toEqual([]);
    const rels = strFromU8(unzipSync(docx)['word/_rels/document.xml.rels']!);
    for (const needle of ['javascript', 'JaVaScRiPt', 'file:', 'attacker', 'data:']) expect(rels).not.toContain(needle);
    const text = squash(await office.docxText(docx));
    for (const words of Object.keys(UNSAFE)) expect(text).toContain(`See the ${words}.`);
    expect(text).toContain('note share link');
  });

  it('the Word file with endnotes carries no unsafe target either', async () => {
    const targets = relationshipTargets(await download('format=docx&notes=endnotes'));
    expect(targets.filter((t) => t !== SAFE_HREF)).toEqual([]);
  });

  it('the PDF has no link annotation to an unsafe target and keeps the text', async () => {
    const pdf = await download('format=pdf');
    const { annotations, uris, uriEntries } = await pdfLinks(pdf);
    // Links to the notes are internal (no address); every link with an address goes to the safe one.
    expect(new Set(annotations.filter((a) => a !== ''))).toEqual(new Set([SAFE_HREF]));
    expect(uris.length).toBeGreaterThan(0);
    expect(uriEntries).toBe(uris.length);
    expect(new Set(uris)).toEqual(new Set([SAFE_HREF]));
    const text = squash(await office.pdfText(pdf));
    for (const words of Object.keys(UNSAFE)) expect(text).toContain(`See the ${words}.`);
    expect(text).toContain('note share link');
  });

  it('a Word file with unsafe hyperlinks imports them as plain text', async () => {
    const links: [string, string][] = [
      ['script hyperlink', 'javascript:alert(1)'],
      ['tabbed script hyperlink', 'java\tscript:alert(1)'],
      ['file hyperlink', 'file://server/share'],
      ['backslash web hyperlink', 'http:\\\\attacker\\share'],
      ['hostless web hyperlink', 'https:attacker/share'],
      ['safe hyperlink', SAFE_HREF],
    ];
    const form = new FormData();
    for (const [k, v] of Object.entries({ title: 'Imported links', mechanism: 'CERD', stateUnderReview: 'Freedonia' })) form.set(k, v);
    form.set('file', new Blob([new Uint8Array(docxWithHyperlinks(links))], { type: DOCX_TYPE }), 'links.docx');
    const res = await fetch(`${server.url}/api/reports/import`, { method: 'POST', body: form, headers: { cookie: owner.cookie } });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const content = await getContent(server.url, owner, id);
    const all = content.sections.map((s) => s.content);
    expect(all.flatMap(hrefsIn)).toEqual([SAFE_HREF]);
    const text = content.sections.map((s) => s.text).join('\n');
    for (const [words] of links) expect(text).toContain(words);
  });
});
