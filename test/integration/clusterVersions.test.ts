/**
 * Automatic versions on two server nodes (one PostgreSQL database, Redis): a large deletion arriving at node B while
 * the owner works on node A leaves one version holding what was deleted (taken by B, not once per node), and the
 * periodic version is taken once whichever nodes people edit on.
 */
import { describe, expect, it } from 'vitest';
import type { ReportContentResponse } from '../../shared/api/types.ts';
import { addSection, deleteSection, getSectionBody, listSections } from '../../shared/report/layout.ts';
import { api, waitFor } from '../helpers/clients.ts';
import { useTwoNodes } from '../helpers/twoNodes.ts';
import { typeParagraph } from '../helpers/typing.ts';


interface Version {
  id: string;
  kind: string;
  name: string;
}

const words = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');

describe('Automatic versions on two nodes', () => {
  const clock = { offset: 0 };
  const nodes = useTwoNodes({}, { now: () => Date.now() + clock.offset });
  const { connect } = nodes;
  const sharedReport = () => nodes.sharedReport(nodes.a);
  const versionsOf = async (id: string) => (await api<{ versions: Version[] }>(nodes.a.url, `/api/reports/${id}/versions`, { as: nodes.owner })).body.versions;

  it('keeps one version holding the sections when an editor on node B deletes them while the owner is on node A', async () => {
    const id = await sharedReport();
    const onA = connect(nodes.a, id, nodes.owner);
    const onB = connect(nodes.b, id, nodes.editor);
    await Promise.all([onA.synced, onB.synced]);
    for (let i = 0; i < 19; i++) typeParagraph(onA.doc, addSection(onA.doc, { title: `Article ${i + 1}` }), words(40, `w${i}x`));
    await waitFor(() => listSections(onB.doc).length === 19, 10_000, 'node B to have the sections');
    onB.doc.transact(() => {
      for (const s of listSections(onB.doc)) deleteSection(onB.doc, s.id);
    });
    await waitFor(() => listSections(onA.doc).length === 0, 10_000, 'the deletion to reach node A');
    // Node A relays only what node B stored, and B stored the deletion after the version.
    const versions = await versionsOf(id);
    expect(versions.map((v) => v.kind)).toEqual(['before-deletion']);
    const kept = await api<ReportContentResponse>(nodes.b.url, `/api/reports/${id}/versions/${versions[0]!.id}/content`, { as: nodes.owner });
    expect(kept.body.sections).toHaveLength(19);
    expect(kept.body.sections[0]!.text).toContain('w0x39');
  });

  it('takes the periodic version once when people edit on both nodes', async () => {
    const id = await sharedReport();
    const onA = connect(nodes.a, id, nodes.owner);
    const onB = connect(nodes.b, id, nodes.editor);
    await Promise.all([onA.synced, onB.synced]);
    const s = addSection(onA.doc, { title: 'Housing' });
    typeParagraph(onA.doc, s, 'From node A.');
    typeParagraph(onB.doc, addSection(onB.doc, { title: 'Health' }), 'From node B.');
    // Each node has stored or relayed both first edits (so both count editing from before the clock moves).
    await waitFor(() => listSections(onA.doc).length === 2 && listSections(onB.doc).length === 2, 10_000, 'both edits on both nodes');
    clock.offset += 31 * 60_000;
    typeParagraph(onA.doc, s, 'Half an hour later on A.');
    typeParagraph(onB.doc, s, 'Half an hour later on B.');
    await waitFor(async () => (await versionsOf(id)).some((v) => v.kind === 'periodic'), 10_000, 'a periodic version');
    // Further edits on both nodes, relayed both ways, add no second one.
    typeParagraph(onA.doc, s, 'Again on A.');
    typeParagraph(onB.doc, s, 'Again on B.');
    await waitFor(() => {
      const both = [onA, onB].map((c) => getSectionBody(c.doc, s)!.toString());
      return both.every((t) => t.includes('Again on A.') && t.includes('Again on B.'));
    }, 10_000, 'the last edits on both nodes');
    expect((await versionsOf(id)).filter((v) => v.kind === 'periodic')).toHaveLength(1);
  });
});
