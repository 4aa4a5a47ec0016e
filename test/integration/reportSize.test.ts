/**
 * A report's stored size has a limit (REPORT_MAX_BYTES): its documents' rows and its versions. A change that would
 * take it past the limit is refused (close code 4507): not applied, not relayed, not stored; a named version that
 * would is refused with 413. On SQLite and PostgreSQL, with stock y-websocket clients.
 */
import { describe, expect, it } from 'vitest';
import { CloseCodes } from '../../shared/protocol/closeCodes.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { addSection, getSectionBody, listSections } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, getContent, signUp, waitFor } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer } from '../helpers/server.ts';
import { useOneNode } from '../helpers/oneNode.ts';
import { distinctWords, typeParagraph } from '../helpers/typing.ts';

const LIMIT = 256 * 1024;
/** Text that does not compress away in a Yjs update. */
const text = distinctWords;

describe.each(STORAGE_KINDS)('Report size limit on %s', (kind) => {
  const node = useOneNode(kind, { reportMaxBytes: LIMIT });
  const { connect, sharedReport } = node;
  const storedBytes = async (id: string) => {
    const { documents, versions } = await node.server.storage.reportStoredBytes(id, [roomName(id), roomName(id, 'discussion')]);
    return documents + versions;
  };

  it('refuses a paste that would take the report past its limit: closed with 4507, never relayed or stored', async () => {
    const id = await sharedReport();
    const ownerClient = connect(id, node.owner);
    const editorClient = connect(id, node.editor);
    await Promise.all([ownerClient.synced, editorClient.synced]);
    const section = addSection(editorClient.doc, { title: 'Testimonies' });
    typeParagraph(editorClient.doc, section, text(100, 'keep'));
    await waitFor(() => getSectionBody(ownerClient.doc, section)?.toString().includes('keep') ?? false, 10_000, 'the first paste to arrive');

    const closed = editorClient.nextClose();
    typeParagraph(editorClient.doc, section, text(200, 'huge'));
    expect(await closed).toBe(CloseCodes.ReportFull.code);
    editorClient.destroy();

    // The owner, connected all along, never receives it; the server never stored it.
    typeParagraph(ownerClient.doc, section, 'Still writing.');
    await waitFor(async () => (await getContent(node.server.url, node.owner, id)).sections[0]!.text.includes('Still writing.'));
    const content = await getContent(node.server.url, node.owner, id);
    expect(content.sections[0]!.text).not.toContain('huge');
    expect(getSectionBody(ownerClient.doc, section)!.toString()).not.toContain('huge');
    expect(await storedBytes(id)).toBeLessThan(LIMIT);
    expect(node.server.lines.some((l) => l.includes('the report is at its size limit'))).toBe(true);
  });

  it('refuses the same change again when the client reconnects and resends it', async () => {
    const id = await sharedReport();
    const first = connect(id, node.editor);
    await first.synced;
    const closed = first.nextClose();
    const annex = addSection(first.doc, { title: 'Annex' });
    typeParagraph(first.doc, annex, text(300, 'big'));
    expect(await closed).toBe(CloseCodes.ReportFull.code);
    first.provider.disconnect();
    // The same device copy connects again: its sync reply carries the refused change.
    const again = connectClient(node.server.wsUrl, id, node.editor, first.doc);
    node.track(again);
    expect(await again.nextClose()).toBe(CloseCodes.ReportFull.code);
    again.provider.disconnect();
    // The section itself (a small change of its own) was stored; the text never was.
    expect((await getContent(node.server.url, node.owner, id)).sections.map((s) => s.text)).toEqual(['']);
  });

  it('counts versions: a named version that would take the report past its limit is refused with 413', async () => {
    const id = await sharedReport();
    const c = connect(id, node.editor);
    await c.synced;
    typeParagraph(c.doc, addSection(c.doc, { title: 'Findings' }), text(100, 'v'));
    await waitFor(async () => (await getContent(node.server.url, node.owner, id)).sections.length === 1);
    const save = (name: string) => api<{ error?: { code: string; message: string } }>(node.server.url, `/api/reports/${id}/versions`, { as: node.owner, body: { name } });
    expect((await save('First')).status).toBe(201);
    const refused = await save('Second');
    expect(refused.status).toBe(413);
    expect(refused.body.error?.code).toBe('report_full');
    expect(refused.body.error?.message).toMatch(/storage limit/);
    expect((await api<{ versions: unknown[] }>(node.server.url, `/api/reports/${id}/versions`, { as: node.owner })).body.versions).toHaveLength(1);
    expect(await storedBytes(id)).toBeLessThanOrEqual(LIMIT);
  });

  it('after the limit is lowered below what a report holds: refuses more text, accepts deleting, and gives the room back', async () => {
    const own = await createTestStorage(kind);
    let first: TestServer | null = await startTestServer(own, { reportMaxBytes: LIMIT });
    let second: TestServer | null = null;
    try {
      const olga = await signUp(first.url, { name: 'Olga' });
      const report = await createReport(first.url, olga);
      const c = connectClient(first.wsUrl, report.id, olga);
      await c.synced;
      const keep = addSection(c.doc, { title: 'Keep' });
      typeParagraph(c.doc, keep, 'Short text.');
      const big = addSection(c.doc, { title: 'Pasted by mistake' });
      typeParagraph(c.doc, big, text(150, 'paste'));
      await waitFor(async () => (await getContent(first!.url, olga, report.id)).sections.length === 2);
      c.destroy();
      await first.close();
      first = null;

      // The administrator lowers the limit to 64 KiB; the report holds about 150 KiB.
      second = await startTestServer(own, { reportMaxBytes: 64 * 1024 });
      const used = async () => {
        const r = await second!.storage.reportStoredBytes(report.id, [roomName(report.id), roomName(report.id, 'discussion')]);
        return r.documents + r.versions;
      };
      expect(await used()).toBeGreaterThan(64 * 1024);
      const d = connectClient(second.wsUrl, report.id, olga);
      node.track(d);
      await d.synced;
      const closed = d.nextClose();
      typeParagraph(d.doc, keep, 'One more sentence.');
      expect(await closed).toBe(CloseCodes.ReportFull.code);
      d.provider.disconnect();
      // Deleting the pasted text is accepted, and compaction gives the room back.
      const e = connectClient(second.wsUrl, report.id, olga);
      node.track(e);
      await e.synced;
      const body = getSectionBody(e.doc, big)!;
      body.delete(0, body.length);
      await waitFor(async () => (await used()) < 64 * 1024, 10_000, 'the stored size to fall under the limit');
      typeParagraph(e.doc, keep, 'Writing again.');
      await waitFor(async () => (await getContent(second!.url, olga, report.id)).sections[0]!.text.includes('Writing again.'));
    } finally {
      await first?.close();
      await second?.close();
      await own.destroy();
    }
  });

  it('accepts deletions at the limit, so people can make room', async () => {
    const id = await sharedReport();
    const c = connect(id, node.editor);
    await c.synced;
    const keep = addSection(c.doc, { title: 'Keep' });
    typeParagraph(c.doc, keep, 'Short text.');
    const big = addSection(c.doc, { title: 'Pasted by mistake' });
    typeParagraph(c.doc, big, text(110, 'paste'));
    await waitFor(async () => (await getContent(node.server.url, node.owner, id)).sections.length === 2);
    // A named version of it fills the report: more text is refused...
    expect((await api(node.server.url, `/api/reports/${id}/versions`, { as: node.owner, body: { name: 'Before cleanup' } })).status).toBe(201);
    const closed = c.nextClose();
    typeParagraph(c.doc, keep, text(60, 'more'));
    expect(await closed).toBe(CloseCodes.ReportFull.code);
    c.destroy();
    // ...but someone removing the pasted section is heard, and stored.
    const d = connect(id, node.owner);
    await d.synced;
    const watcher = connect(id, node.editor);
    await watcher.synced;
    d.doc.transact(() => getSectionBody(d.doc, big)!.delete(0, getSectionBody(d.doc, big)!.length));
    await waitFor(() => !(getSectionBody(watcher.doc, big)?.toString().includes('paste') ?? true), 10_000, 'the deletion to be relayed');
    expect(listSections(watcher.doc)).toHaveLength(2);
  });
});
