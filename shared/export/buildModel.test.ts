import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addSection, getSectionBody, initReport } from '../report/layout.ts';
import { addOrganisation, setCoverFields } from '../report/coverFields.ts';
import { numberFootnotes, reportContent } from '../report/content.ts';
import { buildExportModel } from './buildModel.ts';
import { exportReport } from './exportReport.ts';
import { exportInputFromDoc } from './input.ts';
import { defaultExportOptions } from './options.ts';
import type { Block, ParagraphBlock } from './model.ts';

function el(name: string, children: (Y.XmlElement | Y.XmlText)[], attrs: Record<string, unknown> = {}): Y.XmlElement {
  const e = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v as string);
  e.insert(0, children);
  return e;
}
function txt(value: string, attrs?: Record<string, object>): Y.XmlText {
  const t = new Y.XmlText();
  t.insert(0, value, attrs);
  return t;
}

function report(): Y.Doc {
  const doc = new Y.Doc();
  initReport(doc, { title: 'T', mechanism: 'UPR', stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
  const a = addSection(doc, { title: 'A' });
  const b = addSection(doc, { title: 'B' });
  getSectionBody(doc, a)!.insert(0, [
    el('paragraph', [txt('First'), el('footnote', [txt('note one')])]),
    el('paragraph', []),
    el('bulletList', [el('listItem', [el('paragraph', [txt('in a list'), el('footnote', [txt('note two')])])])]),
    el('blockquote', [el('paragraph', [txt('quoted')])]),
    el('recommendation', [el('paragraph', [txt('Ratify the Optional Protocol')])]),
    el('recommendationBlock', [txt('Adopt a national action plan')]),
    el('callout', [txt('an unknown inline container')]),
  ]);
  getSectionBody(doc, b)!.insert(0, [
    el('paragraph', [txt('kept '), txt('bold ', { bold: {} }), txt('end')]),
    el('paragraph', [txt('Second'), el('footnote', [txt('note three')])]),
  ]);
  return doc;
}

const paragraphs = (blocks: Block[]): ParagraphBlock[] =>
  blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : b.kind === 'quote' || b.kind === 'recommendation' ? paragraphs(b.blocks) : []));
const plain = (p: ParagraphBlock) => p.inlines.map((i) => (i.kind === 'text' ? i.text : i.kind === 'note' ? `[${i.number}]` : '')).join('');

describe('buildExportModel', () => {
  it('numbers body paragraphs through the report, but not list items, quotes or empty paragraphs', () => {
    const model = buildExportModel(exportInputFromDoc(report()), defaultExportOptions('UPR'));
    const all = model.sections.flatMap((s) => paragraphs(s.blocks));
    expect(all.map((p) => [plain(p), p.number])).toEqual([
      ['First[1]', 1],
      ['quoted', undefined],
      ['Ratify the Optional Protocol', 2],
      ['Adopt a national action plan', 3],
      ['an unknown inline container', undefined],
      ['kept bold end', 4],
      ['Second[3]', 5],
    ]);
  });

  it('numbers notes in the same order as numberFootnotes, lists included', () => {
    const doc = report();
    const model = buildExportModel(exportInputFromDoc(doc), defaultExportOptions('UPR'));
    const expected = numberFootnotes(reportContent(doc).sections).map((n) => [n.number, n.text]);
    expect(model.notes.map((n) => [n.number, n.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('')])).toEqual(expected);
    expect(expected).toHaveLength(3);
  });

  it('sets recommendation blocks apart and renders unknown nodes rather than dropping them', () => {
    const model = buildExportModel(exportInputFromDoc(report()), defaultExportOptions('UPR'));
    const kinds = model.sections[0]!.blocks.map((b) => b.kind);
    expect(kinds).toEqual(['paragraph', 'list', 'quote', 'recommendation', 'recommendation', 'paragraph']);
  });

  it('shows on the cover only the fields the report has, and the word count against the limit', () => {
    const doc = report();
    let model = buildExportModel(exportInputFromDoc(doc), defaultExportOptions('UPR'));
    expect(model.cover.map((c) => c.label)).toEqual(['Mechanism', 'State under review']);
    addOrganisation(doc, 'One');
    addOrganisation(doc, 'Two');
    setCoverFields(doc, { confidentiality: 'confidential', wordLimit: 5630 });
    model = buildExportModel(exportInputFromDoc(doc), defaultExportOptions('UPR'));
    expect(model.cover.map((c) => c.label)).toEqual(['Mechanism', 'State under review', 'Submitting organisations', 'Publication']);
    expect(model.wordCountLine).toMatch(/^Word count: \d+ of a limit of 5,630 \(notes not counted\)$/);
  });

  it('reports progress from 0 to 1 in order', async () => {
    const seen: number[] = [];
    await exportReport(exportInputFromDoc(report()), { format: 'docx', options: defaultExportOptions('UPR'), onProgress: (p) => seen.push(p) });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((p, i) => i === 0 || p >= seen[i - 1]!)).toBe(true);
  });
});
