/**
 * "Include open suggestions as if accepted": the server's export applies the discussion's open suggestions to a
 * copy of the text (accepted) or leaves them out (rejected), and the report itself is not changed. Read back from
 * the .docx with LibreOffice, on both storages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { anchorAt, linearize } from '../../shared/discussion/anchors.ts';
import { createSuggestion, listSuggestions } from '../../shared/discussion/layout.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { connectClient, createReport, getContent, waitFor } from '../helpers/clients.ts';
import { squash } from '../helpers/office.ts';
import { STORAGE_KINDS } from '../helpers/server.ts';
import { useExportServer } from '../helpers/exportServer.ts';
import { typeParagraph } from '../helpers/typing.ts';

describe.each(STORAGE_KINDS)('Open suggestions in the server export on %s', (kind) => {
  const suite = useExportServer(kind);
  let reportId: string;

  beforeAll(async () => {
    reportId = (await createReport(suite.server.url, suite.owner, { title: 'Housing', mechanism: 'CERD', stateUnderReview: 'Freedonia' })).id;
    const content = connectClient(suite.server.wsUrl, reportId, suite.owner);
    await content.synced;
    const s = addSection(content.doc, { title: 'Evictions' });
    typeParagraph(content.doc, s, 'Alpha Bravo Charlie.');
    const discussion = connectClient(suite.server.wsUrl, roomName(reportId, 'discussion'), suite.owner);
    await discussion.synced;
    const body = getSectionBody(content.doc, s)!;
    expect(linearize(body).text).toBe('Alpha Bravo Charlie.');
    const me = { id: suite.owner.id, name: suite.owner.name };
    // Insert "Xylophone " before "Charlie"; delete "Bravo ".
    createSuggestion(discussion.doc, me, { sectionId: s, anchor: anchorAt(body, 12, 12), originalText: '', insertText: 'Xylophone ' });
    createSuggestion(discussion.doc, me, { sectionId: s, anchor: anchorAt(body, 6, 12), originalText: 'Bravo ', insertText: '' });
    await waitFor(async () => (await getContent(suite.server.url, suite.owner, reportId)).sections[0]?.text === 'Alpha Bravo Charlie.');
    // Both suggestions stored before export reads them: a second client sees them.
    const check = connectClient(suite.server.wsUrl, roomName(reportId, 'discussion'), suite.owner);
    await check.synced;
    await waitFor(() => listSuggestions(check.doc).length === 2);
    check.destroy();
    content.destroy();
    discussion.destroy();
  });

  async function exported(suggestions: 'accepted' | 'rejected'): Promise<string> {
    const res = await fetch(`${suite.server.url}/api/reports/${reportId}/export?format=docx&annex=false&suggestions=${suggestions}`, { headers: { cookie: suite.owner.cookie } });
    expect(res.status).toBe(200);
    return squash(await suite.office.docxText(new Uint8Array(await res.arrayBuffer())));
  }

  it('exports open suggestions as accepted: the insertion made, the deletion done', async () => {
    const text = await exported('accepted');
    expect(text).toContain('Alpha Xylophone Charlie.');
    expect(text).not.toContain('Bravo');
  });

  it('exports them as rejected: the text as written', async () => {
    const text = await exported('rejected');
    expect(text).toContain('Alpha Bravo Charlie.');
    expect(text).not.toContain('Xylophone');
  });

  it('leaves the report itself unchanged', async () => {
    await exported('accepted');
    expect((await getContent(suite.server.url, suite.owner, reportId)).sections[0]!.text).toBe('Alpha Bravo Charlie.');
  });
});
