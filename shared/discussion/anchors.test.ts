/**
 * Anchors follow their text through random concurrent edits by other replicas (delivered in random order, as
 * offline edits are), detach when their text is deleted, and suggestions apply or are flagged as stale.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addSection, getSectionBody } from '../report/layout.ts';
import { anchorAt, linearize, resolveAnchor } from './anchors.ts';
import { createSuggestion, createThread, getSuggestion, listThreads, threadsNeedingAttention } from './layout.ts';
import { applySuggestion, suggestionState } from './suggestions.ts';
import { seededRandom } from '../../test/helpers/random.ts';

function section(doc: Y.Doc, paragraphs: string[]): string {
  const id = addSection(doc, { title: 'S', id: 'sec' });
  const body = getSectionBody(doc, id)!;
  body.insert(0, paragraphs.map((text) => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    return p;
  }));
  return id;
}

const PHRASE = 'systematic segregation';

describe('Anchors', () => {
  it('follow their phrase through random concurrent edits outside it (fuzz)', () => {
    const base = Number(process.env.FUZZ_SEED ?? 7);
    for (let run = 0; run < 60; run++) {
      const seed = base + run;
      const rand = seededRandom(seed);
      const origin = new Y.Doc();
      section(origin, ['Roma families report ' + PHRASE + ' in schools of the capital.', 'Second paragraph with more text.']);
      const replicas = [0, 1, 2].map(() => {
        const d = new Y.Doc();
        Y.applyUpdate(d, Y.encodeStateAsUpdate(origin));
        return d;
      });
      const body0 = getSectionBody(replicas[0]!, 'sec')!;
      const at = linearize(body0).text.indexOf(PHRASE);
      const anchor = anchorAt(body0, at, at + PHRASE.length);
      const pending: { to: number; update: Uint8Array }[] = [];
      replicas.forEach((d, i) =>
        d.on('update', (u: Uint8Array, o: unknown) => {
          if (o !== 'remote') for (let j = 0; j < 3; j++) if (j !== i) pending.push({ to: j, update: u });
        }),
      );
      for (let step = 0; step < 40; step++) {
        const d = replicas[Math.floor(rand() * 3)]!;
        const body = getSectionBody(d, 'sec')!;
        const r = resolveAnchor(d, body, anchor);
        const lin = linearize(body);
        const run = lin.runs[Math.floor(rand() * lin.runs.length)]!;
        const len = run.text.length;
        // Edit anywhere except inside the phrase itself.
        const pos = Math.floor(rand() * (len + 1));
        const global = run.at + pos;
        const inside = global > r.start && global < r.end;
        if (!inside) {
          if (rand() < 0.6 || len === 0) run.text.insert(pos, rand() < 0.5 ? 'new words ' : 'x');
          else {
            const delLen = Math.min(3, len - pos);
            const g1 = run.at + pos;
            if (delLen > 0 && (g1 + delLen <= r.start || g1 >= r.end)) run.text.delete(pos, delLen);
          }
        }
        // Random partial delivery.
        for (let k = Math.floor(rand() * 3); k > 0 && pending.length > 0; k--) {
          const item = pending.splice(Math.floor(rand() * pending.length), 1)[0]!;
          Y.applyUpdate(replicas[item.to]!, item.update, 'remote');
        }
      }
      while (pending.length > 0) {
        const item = pending.shift()!;
        Y.applyUpdate(replicas[item.to]!, item.update, 'remote');
      }
      for (const d of replicas) {
        const r = resolveAnchor(d, getSectionBody(d, 'sec')!, anchor);
        expect(r.text, `seed ${seed}`).toBe(PHRASE);
        expect(r.detached).toBe(false);
      }
    }
  });

  it('detaches a thread whose text is deleted, keeping the thread and its quote', () => {
    const doc = new Y.Doc();
    const discussion = new Y.Doc();
    section(doc, ['Before ' + PHRASE + ' after.']);
    const body = getSectionBody(doc, 'sec')!;
    const start = linearize(body).text.indexOf(PHRASE);
    const anchor = anchorAt(body, start, start + PHRASE.length);
    createThread(discussion, { id: 'u1', name: 'Rania' }, { sectionId: 'sec', anchor, quote: PHRASE, body: 'Source?' });
    ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(start, PHRASE.length);
    const [thread] = listThreads(discussion);
    expect(thread!.quote).toBe(PHRASE);
    expect(resolveAnchor(doc, body, thread!.anchor)).toMatchObject({ detached: true, text: '' });
  });

  it('lists threads that mention someone until they reply', async () => {
    const discussion = new Y.Doc();
    const { reply } = await import('./layout.ts');
    const anchor = { start: new Uint8Array(), end: new Uint8Array() };
    const t = createThread(discussion, { id: 'a', name: 'A' }, { sectionId: 's', anchor, quote: 'q', body: '@Bea please check', mentions: ['b'] });
    expect(threadsNeedingAttention(discussion, 'b').map((x) => x.id)).toEqual([t]);
    reply(discussion, t, { id: 'b', name: 'Bea' }, 'Checked.');
    expect(threadsNeedingAttention(discussion, 'b')).toEqual([]);
  });
});

describe('Suggestions', () => {
  it('apply a replacement as an ordinary change, and flag one whose text changed meanwhile', () => {
    const content = new Y.Doc();
    const discussion = new Y.Doc();
    section(content, ['The State should consider adopting a law.']);
    const body = getSectionBody(content, 'sec')!;
    const from = linearize(body).text.indexOf('should consider adopting');
    const original = 'should consider adopting';
    const id = createSuggestion(discussion, { id: 'r', name: 'Reviewer' }, {
      sectionId: 'sec',
      anchor: anchorAt(body, from, from + original.length),
      originalText: original,
      insertText: 'must adopt',
    });
    // A concurrent edit elsewhere does not disturb it.
    ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'In 2024, ');
    expect(applySuggestion(content, getSuggestion(discussion, id)!, 'accept')).toBe(true);
    expect(linearize(body).text).toBe('In 2024, The State must adopt a law.');

    const other = createSuggestion(discussion, { id: 'r', name: 'Reviewer' }, {
      sectionId: 'sec',
      anchor: anchorAt(body, linearize(body).text.indexOf('a law'), linearize(body).text.indexOf('a law') + 5),
      originalText: 'a law',
      insertText: 'an anti-discrimination law',
    });
    // Someone edits the very words the suggestion is about: it becomes stale and is not applied silently.
    const t = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    t.insert(linearize(body).text.indexOf('law'), 'comprehensive ');
    const s = getSuggestion(discussion, other)!;
    expect(suggestionState(content, s)).toMatchObject({ stale: true, currentText: 'a comprehensive law' });
    expect(applySuggestion(content, s, 'accept')).toBe(false);
    expect(applySuggestion(content, s, 'accept', true)).toBe(true);
    expect(linearize(body).text).toBe('In 2024, The State must adopt an anti-discrimination law.');
  });
});
