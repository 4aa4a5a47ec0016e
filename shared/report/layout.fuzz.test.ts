/**
 * Randomised convergence: several replicas edit, add, delete and reorder sections concurrently while their
 * updates are delivered in random order and with delays. They must end identical, and nothing may be lost
 * that nobody deleted. Failing seeds are printed so a run can be replayed with FUZZ_SEED=<seed>.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addSection,
  deleteSection,
  getSectionBody,
  initReport,
  listSections,
  moveSection,
  renameSection,
  setSectionStatus,
} from './layout.ts';
import { reportContent } from './content.ts';
import { seededRandom } from '../../test/helpers/random.ts';

/** Seeded randomness so a seed replays a run exactly. */
function rng(seed: number) {
  const next = seededRandom(seed);
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

interface Replica {
  doc: Y.Doc;
  /** Updates this replica produced that some peers have not received yet: [update, peers still to deliver to]. */
  outbox: { update: Uint8Array; to: Set<number> }[];
  /** Words this replica typed into a section it never deleted itself: they must survive unless someone deletes. */
  typed: { sectionId: string; word: string }[];
}

const STATUSES = ['drafting', 'in-review', 'final'] as const;

function insertParagraph(body: Y.XmlFragment, text: string, index: number): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  body.insert(Math.min(index, body.length), [p]);
}

function runScenario(seed: number, replicas = 4, steps = 300) {
  const r = rng(seed);
  const peers: Replica[] = [];
  for (let i = 0; i < replicas; i++) {
    const doc = new Y.Doc();
    const replica: Replica = { doc, outbox: [], typed: [] };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      const to = new Set<number>();
      for (let j = 0; j < replicas; j++) if (j !== i) to.add(j);
      replica.outbox.push({ update, to });
    });
    peers.push(replica);
  }
  initReport(peers[0]!.doc, { title: 'Fuzz', mechanism: 'CERD', stateUnderReview: 'X', editorSchemaVersion: 1 });
  const deletedSections = new Set<string>();

  const deliverSome = () => {
    // Deliver a random pending update to a random peer: arbitrary order and delay per link.
    const senders = peers.map((p, i) => [p, i] as const).filter(([p]) => p.outbox.length > 0);
    if (senders.length === 0) return;
    const [sender] = r.pick(senders);
    const item = sender.outbox[r.int(Math.min(sender.outbox.length, 3))]!;
    const to = r.pick([...item.to]);
    Y.applyUpdate(peers[to]!.doc, item.update, 'remote');
    item.to.delete(to);
    sender.outbox = sender.outbox.filter((u) => u.to.size > 0);
  };

  for (let step = 0; step < steps; step++) {
    const who = r.int(replicas);
    const replica = peers[who]!;
    const doc = replica.doc;
    const sections = listSections(doc);
    const op = r.int(10);
    if (op < 2 || sections.length === 0) {
      const after = sections.length > 0 && r.next() < 0.5 ? r.pick(sections).id : null;
      addSection(doc, { title: `S${step}`, after });
    } else if (op < 6) {
      const s = r.pick(sections);
      const word = `w${who}x${step}`;
      insertParagraph(getSectionBody(doc, s.id)!, word, r.int(4));
      replica.typed.push({ sectionId: s.id, word });
    } else if (op < 8) {
      moveSection(doc, r.pick(sections).id, r.int(sections.length + 1));
    } else if (op < 9) {
      const s = r.pick(sections);
      if (r.next() < 0.5) renameSection(doc, s.id, `R${step}`);
      else setSectionStatus(doc, s.id, r.pick([...STATUSES]));
    } else if (r.next() < 0.3) {
      const s = r.pick(sections);
      deleteSection(doc, s.id);
      deletedSections.add(s.id);
    }
    const deliveries = r.int(4);
    for (let d = 0; d < deliveries; d++) deliverSome();
  }
  // Network heals: everything is delivered.
  while (peers.some((p) => p.outbox.length > 0)) deliverSome();
  return { peers, deletedSections };
}

describe('Report layout under concurrent editing', () => {
  const base = Number(process.env.FUZZ_SEED ?? 20261123);
  const runs = process.env.FUZZ_SEED ? 1 : 40;

  it('converges on every replica and loses nothing nobody deleted', () => {
    for (let run = 0; run < runs; run++) {
      const seed = base + run;
      const { peers, deletedSections } = runScenario(seed);
      const reference = reportContent(peers[0]!.doc);
      for (const p of peers.slice(1)) {
        expect(reportContent(p.doc), `seed ${seed}: replicas differ`).toEqual(reference);
      }
      const ids = reference.sections.map((s) => s.id);
      expect(new Set(ids).size, `seed ${seed}: a section appears twice`).toBe(ids.length);
      for (const p of peers) {
        for (const { sectionId, word } of p.typed) {
          if (deletedSections.has(sectionId)) continue;
          const section = reference.sections.find((s) => s.id === sectionId);
          expect(section, `seed ${seed}: section ${sectionId} vanished without being deleted`).toBeDefined();
          expect(section!.text, `seed ${seed}: typed word ${word} lost`).toContain(word);
        }
      }
    }
  });

  it('keeps a section whose move and edit are concurrent', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const ids = ['A', 'B', 'C'].map((title) => addSection(a, { title }));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveSection(a, ids[0]!, 2);
    insertParagraph(getSectionBody(b, ids[0]!)!, 'typed while moved', 0);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const titles = listSections(a).map((s) => s.title);
    expect(titles).toEqual(['B', 'C', 'A']);
    expect(reportContent(b).sections.find((s) => s.id === ids[0])!.text).toBe('typed while moved');
  });

  it('never duplicates or drops a section that two people move at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const ids = ['A', 'B', 'C', 'D'].map((title) => addSection(a, { title }));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveSection(a, ids[1]!, 0);
    moveSection(b, ids[1]!, 3);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(listSections(a)).toEqual(listSections(b));
    expect(listSections(a).map((s) => s.title).sort()).toEqual(['A', 'B', 'C', 'D']);
  });

  it('orders sections that were appended at once by two people the same way everywhere', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addSection(a, { title: 'First' });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addSection(a, { title: 'From A' });
    addSection(b, { title: 'From B' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(listSections(a)).toEqual(listSections(b));
    // Moving a section between two that share a key must not throw and must keep every section once.
    const sorted = listSections(a);
    moveSection(a, sorted[0]!.id, 1);
    expect(listSections(a).map((s) => s.title).sort()).toEqual(['First', 'From A', 'From B']);
  });
});
