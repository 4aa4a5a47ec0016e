/**
 * The server's export with open suggestions beyond the text: as accepted, a suggested new paragraph is in the
 * file, a paragraph and a table row suggested for deletion are not, a suggested footnote is; as rejected, the text
 * as written. Read back from the .docx with LibreOffice, on both storages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { anchorAt, linearize } from '../../shared/discussion/anchors.ts';
import { createSuggestion, listSuggestions } from '../../shared/discussion/layout.ts';
import type { SuggestionChange } from '../../shared/discussion/structure.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import type { PmNode } from '../../shared/report/content.ts';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { connectClient, createReport, getContent, waitFor } from '../helpers/clients.ts';
import { squash } from '../helpers/office.ts';
import { STORAGE_KINDS } from '../helpers/server.ts';
import { useExportServer } from '../helpers/exportServer.ts';
import { docOf, paragraph, writeBody } from '../helpers/yjsContent.ts';

const row = (...cells: string[]): PmNode => ({ type: 'tableRow', content: cells.map((t) => ({ type: 'tableCell', content: [paragraph(t)] })) });

describe.each(STORAGE_KINDS)('Open suggestions beyond the text in the server export on %s', (kind) => {
  const suite = useExportServer(kind);
  let reportId: string;

  beforeAll(async () => {
    reportId = (await createReport(suite.server.url, suite.owner, { title: 'Housing', mechanism: 'CERD', stateUnderReview: 'Freedonia' })).id;
    const content = connectClient(suite.server.wsUrl, reportId, suite.owner);
    await content.synced;
    const s = addSection(content.doc, { title: 'Evictions' });
    const body = getSectionBody(content.doc, s)!;
    writeBody(body, docOf(paragraph('Rents doubled.'), paragraph('Quokka paragraph.'), { type: 'table', content: [row('Year', 'Cases'), row('1999', '7'), row('2024', '9')] }));
    const discussion = connectClient(suite.server.wsUrl, roomName(reportId, 'discussion'), suite.owner);
    await discussion.synced;
    const me = { id: suite.owner.id, name: suite.owner.name };
    const text = linearize(body).text;
    const at = (needle: string) => text.indexOf(needle);
    const suggest = (start: number, end: number, change: SuggestionChange, insertText = '') =>
      createSuggestion(discussion.doc, me, { sectionId: s, anchor: anchorAt(body, start, end), originalText: text.slice(start, end), insertText, change });
    const endOfRents = at('Rents doubled.') + 'Rents doubled.'.length;
    suggest(endOfRents, endOfRents, { kind: 'insertBlock', block: 'paragraph' }, 'Wallaby wages did not.');
    suggest(endOfRents, endOfRents, { kind: 'footnote' }, 'Numbat statistics office.');
    suggest(at('Quokka'), at('Quokka') + 'Quokka paragraph.'.length, { kind: 'deleteBlock', block: 'paragraph' });
    suggest(at('1999'), at('1999') + '1999\n7'.length, { kind: 'deleteBlock', block: 'tableRow' });
    await waitFor(async () => (await getContent(suite.server.url, suite.owner, reportId)).sections[0]?.text.includes('Quokka') === true);
    const check = connectClient(suite.server.wsUrl, roomName(reportId, 'discussion'), suite.owner);
    await check.synced;
    await waitFor(() => listSuggestions(check.doc).length === 4);
    check.destroy();
    content.destroy();
    discussion.destroy();
  });

  async function exported(suggestions: 'accepted' | 'rejected'): Promise<string> {
    const res = await fetch(`${suite.server.url}/api/reports/${reportId}/export?format=docx&annex=false&suggestions=${suggestions}`, { headers: { cookie: suite.owner.cookie } });
    expect(res.status).toBe(200);
    return squash(await suite.office.docxText(new Uint8Array(await res.arrayBuffer())));
  }

  it('exports them as accepted: the new paragraph and footnote in, the paragraph and row out', async () => {
    const text = await exported('accepted');
    expect(text).toContain('Wallaby wages did not.');
    expect(text).toContain('Numbat statistics office.');
    expect(text).not.toContain('Quokka');
    expect(text).not.toContain('1999');
    expect(text).toContain('2024');
  });

  it('exports them as rejected: the text as written, and the report itself unchanged', async () => {
    const text = await exported('rejected');
    expect(text).toContain('Quokka paragraph.');
    expect(text).toContain('1999');
    expect(text).not.toContain('Wallaby');
    expect(text).not.toContain('Numbat');
    expect((await getContent(suite.server.url, suite.owner, reportId)).sections[0]!.text).toContain('Quokka paragraph.');
  });
});
