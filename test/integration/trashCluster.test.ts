/**
 * The trash on two nodes (one PostgreSQL database, Redis between them): a report put in the trash on node A
 * closes its connections on node B with 4410 and answers 404 there; restored on node B, it opens again on both
 * with everything written before, including what node B held in memory when it was trashed.
 */
import { describe, expect, it } from 'vitest';
import { addSection, listSections } from '../../shared/report/layout.ts';
import { api, createReport, getContent, waitFor } from '../helpers/clients.ts';
import { useTwoNodes } from '../helpers/twoNodes.ts';
import { typeParagraph } from '../helpers/typing.ts';


describe('The trash on two server nodes', () => {
  const nodes = useTwoNodes();

  it('closes the connections on the other node with 4410, and restores the report there whole', async () => {
    const report = await createReport(nodes.a.url, nodes.owner, { title: 'Prisons' });
    await api(nodes.a.url, `/api/reports/${report.id}/members`, { as: nodes.owner, body: { email: nodes.editor.email, role: 'editor' } });
    const onB = nodes.connect(nodes.b, report.id, nodes.editor);
    await onB.synced;
    const section = addSection(onB.doc, { title: 'Overcrowding' });
    typeParagraph(onB.doc, section, 'Written on node B before the deletion.');
    await waitFor(async () => (await getContent(nodes.a.url, nodes.owner, report.id)).sections[0]?.text.includes('node B') ?? false);

    const closed = onB.nextClose();
    expect((await api(nodes.a.url, `/api/reports/${report.id}`, { as: nodes.owner, method: 'DELETE' })).status).toBe(200);
    expect(await closed).toBe(4410);
    onB.destroy();
    for (const server of [nodes.a, nodes.b]) {
      expect((await api(server.url, `/api/reports/${report.id}`, { as: nodes.editor })).status).toBe(404);
      expect((await api(server.url, `/api/reports/${report.id}/content`, { as: nodes.owner })).status).toBe(404);
    }

    expect((await api(nodes.b.url, `/api/reports/${report.id}/undelete`, { as: nodes.owner, method: 'POST' })).status).toBe(200);
    for (const server of [nodes.a, nodes.b]) {
      expect((await getContent(server.url, nodes.editor, report.id)).sections[0]?.text).toContain('Written on node B before the deletion.');
    }
    const again = nodes.connect(nodes.b, report.id, nodes.editor);
    await again.synced;
    expect(listSections(again.doc).map((s) => s.title)).toEqual(['Overcrowding']);
  });
});
