/**
 * The large report: `words` words in `sections` sections, built only through the layout module (addSection,
 * getSectionBody) as TipTap would store it: a heading and paragraphs of Y.XmlText per section, with some
 * bold runs. Deterministic (seeded), so every run measures the same document.
 */
import * as Y from 'yjs';
import { addSection, getSectionBody, listSections } from '../../shared/report/layout.ts';
import { seededRandom as random } from '../helpers/random.ts';

const VOCABULARY = (
  'the State party should ensure that all persons belonging to minorities enjoy equal access to education ' +
  'housing employment health care and justice without discrimination committee recommends adopting ' +
  'comprehensive legislation prohibiting racial discrimination in public and private spheres including ' +
  'effective remedies for victims indigenous peoples migrants refugees asylum seekers stateless persons ' +
  'data disaggregated by ethnicity gender age disability region concerns reports of police violence ' +
  'hate speech online offline prosecution sanctions training of law enforcement officials civil society'
).split(' ');

export interface BigReportStats {
  words: number;
  sections: number;
  paragraphs: number;
}

/** Build the report into a fresh Y.Doc. */
export function buildBigReport(words: number, sections: number, seed = 42): { doc: Y.Doc; stats: BigReportStats } {
  const rnd = random(seed);
  const doc = new Y.Doc();
  const word = () => VOCABULARY[Math.floor(rnd() * VOCABULARY.length)]!;
  let paragraphs = 0;
  let written = 0;
  for (let s = 0; s < sections; s++) {
    const sectionWords = Math.round(((s + 1) * words) / sections) - Math.round((s * words) / sections);
    const id = addSection(doc, { title: `Article ${s + 1}: ${word()} ${word()}` });
    const body = getSectionBody(doc, id)!;
    doc.transact(() => {
      const nodes: Y.XmlElement[] = [];
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 2 as unknown as string);
      heading.insert(0, [new Y.XmlText(`Concerns and recommendations ${s + 1}`)]);
      nodes.push(heading);
      let left = sectionWords;
      while (left > 0) {
        const n = Math.min(left, 60 + Math.floor(rnd() * 80));
        const text = new Y.XmlText();
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [text]);
        nodes.push(p);
        // Text is inserted after the paragraph joins the doc (XmlText needs a doc for formatted inserts).
        (p as unknown as { _n: number })._n = n;
        left -= n;
      }
      body.insert(0, nodes);
      for (const node of nodes.slice(1)) {
        const n = (node as unknown as { _n: number })._n;
        const text = node.get(0) as Y.XmlText;
        const all = Array.from({ length: n }, word);
        all[0] = all[0]!.charAt(0).toUpperCase() + all[0]!.slice(1);
        const boldFrom = rnd() < 0.3 ? Math.floor(rnd() * (n - 3)) : -1;
        if (boldFrom < 0) {
          text.insert(0, all.join(' ') + '.');
        } else {
          const before = all.slice(0, boldFrom).join(' ') + (boldFrom > 0 ? ' ' : '');
          const bold = all.slice(boldFrom, boldFrom + 3).join(' ');
          const after = ' ' + all.slice(boldFrom + 3).join(' ') + '.';
          text.insert(0, before);
          text.insert(before.length, bold, { bold: true });
          text.insert(before.length + bold.length, after);
        }
        paragraphs++;
        written += n;
      }
    });
  }
  return { doc, stats: { words: written, sections: listSections(doc).length, paragraphs } };
}
