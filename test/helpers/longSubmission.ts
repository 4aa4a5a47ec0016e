/**
 * A long submission for export benchmarks and load tests: by default 100,000 words in 60 sections with 500
 * footnotes, and a table, a list and an Arabic paragraph per section, written through the layout module.
 * Deterministic, so every run measures the same document.
 */
import * as Y from 'yjs';
import { addSection, getSectionBody, setSectionTag } from '../../shared/report/layout.ts';
import { addOrganisation, setCoverFields } from '../../shared/report/coverFields.ts';

const VOCABULARY = (
  'the State party should ensure that all women and girls enjoy equal access to education housing employment ' +
  'health care and justice without discrimination committee recommends adopting comprehensive legislation on ' +
  'gender based violence effective remedies for victims rural women migrants refugees data disaggregated by sex'
).split(' ');
const ARABIC = 'تطالب منظمات حقوق المرأة بحماية فعلية من العنف المنزلي ومن التمييز في العمل والتعليم والصحة';

export interface LongSubmissionSize {
  words: number;
  sections: number;
  notes: number;
}

/** The size issue 6 benchmarks export with. */
export const LONG_SUBMISSION: LongSubmissionSize = { words: 100_000, sections: 60, notes: 500 };

function text(value: string, attrs?: Record<string, object>): Y.XmlText {
  const t = new Y.XmlText();
  t.insert(0, value, attrs);
  return t;
}

function element(name: string, children: (Y.XmlElement | Y.XmlText)[], attrs: Record<string, unknown> = {}): Y.XmlElement {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as string);
  el.insert(0, children);
  return el;
}

/**
 * Write the long submission into `doc` (a report already made: initReport, or one the server created): cover
 * fields, two organisations and the sections. Returns the words written, notes included.
 */
export function writeLongSubmission(doc: Y.Doc, size: LongSubmissionSize = LONG_SUBMISSION): number {
  setCoverFields(doc, { session: '89th session', confidentiality: 'public', wordLimit: 110_000 });
  addOrganisation(doc, 'Coalition A');
  addOrganisation(doc, 'Coalition B');
  let seed = 7;
  const word = () => VOCABULARY[(seed = (seed * 1103515245 + 12345) % 2147483648) % VOCABULARY.length]!;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const notesPerSection = Math.ceil(size.notes / size.sections);
  let notes = 0;
  let count = 0;
  for (let s = 0; s < size.sections; s++) {
    const id = addSection(doc, { title: `Section ${s + 1}: ${words(4)}` });
    setSectionTag(doc, id, `CEDAW:${(s % 16) + 1}`, true);
    setSectionTag(doc, id, `SDG:5.${(s % 6) + 1}`, true);
    const blocks: Y.XmlElement[] = [element('heading', [text(words(5))], { level: 2 })];
    count += 5 + 4;
    const budget = Math.floor(size.words / size.sections) - 40;
    let used = 0;
    let p = 0;
    while (used < budget) {
      const n = Math.min(70, budget - used);
      const children: (Y.XmlElement | Y.XmlText)[] = [text(`${words(Math.max(1, n - 3))} `), text(words(3), { bold: {} })];
      if (p % 2 === 0 && notes < size.notes && p / 2 < notesPerSection) {
        children.push(element('footnote', [text(`Source ${notes + 1}: ${words(6)}.`)]));
        notes++;
        count += 8;
      }
      blocks.push(element('paragraph', children));
      used += n;
      p++;
    }
    count += used;
    const cell = (type: string, v: string) => element(type, [element('paragraph', [text(v)])], { colspan: 1, rowspan: 1 });
    blocks.push(
      element('table', [
        element('tableRow', [cell('tableHeader', 'Indicator'), cell('tableHeader', 'Value')]),
        element('tableRow', [cell('tableCell', words(3)), cell('tableCell', String(s * 7))]),
      ]),
      element('bulletList', [element('listItem', [element('paragraph', [text(words(8))])]), element('listItem', [element('paragraph', [text(words(8))])])]),
      element('paragraph', [text(ARABIC)]),
    );
    count += 4 + 3 + 16 + ARABIC.split(' ').length;
    getSectionBody(doc, id)!.insert(0, blocks);
  }
  return count;
}

