/**
 * One word count: the app's (reportWords), the content API's (reportContent), the checks' and the exported
 * cover's agree, annex sections left out where the limit says so; annex sections are exported after the body,
 * as annexes, without continuing the body's paragraph numbers.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docOf, footnote, paragraph, writeBody } from '../../test/helpers/yjsContent.ts';
import type { Mechanism } from '../api/mechanisms.ts';
import { reportContent } from '../report/content.ts';
import { addSection, getSectionBody, initReport } from '../report/layout.ts';
import { buildExportModel } from '../export/buildModel.ts';
import { exportInputFromDoc } from '../export/input.ts';
import { defaultExportOptions } from '../export/options.ts';
import { runChecks } from './checks.ts';
import { reportWords } from './reportWords.ts';

/** An annex first in the outline (5 words), then a body section of 14 words and a 7-word footnote. */
function fixture(mechanism: Mechanism): Y.Doc {
  const doc = new Y.Doc();
  initReport(doc, { title: 'T', mechanism, stateUnderReview: 'Freedonia', editorSchemaVersion: 3 });
  const annex = addSection(doc, { title: 'Matrix', annex: true });
  const body = addSection(doc, { title: 'Housing' });
  writeBody(getSectionBody(doc, body)!, docOf(
    paragraph('Roma families were evicted from ', footnote('See ERRC report of 12 May 2024.'), 'their homes in 2023.'),
    paragraph('No alternative housing was offered.'),
  ));
  writeBody(getSectionBody(doc, annex)!, docOf(paragraph('Matrix of previous recommendations assessed.')));
  return doc;
}

describe('one word count', () => {
  for (const [mechanism, expected] of [['UPR', 14], ['CCPR', 14 + 7], ['CERD', 14]] as const) {
    it(`gives the same count in the app, the API, the checks and the cover (${mechanism})`, () => {
      const doc = fixture(mechanism);
      expect(reportWords(doc).counted).toBe(expected);
      expect(reportContent(doc).wordCount).toBe(expected);
      expect(runChecks(doc).words.counted).toBe(expected);
      const model = buildExportModel(exportInputFromDoc(doc), defaultExportOptions(mechanism));
      expect(model.wordCountLine).toMatch(new RegExp(`^Word count: ${expected}\\b`));
    });
  }

  it('exports annex sections after the body as numbered annexes, their paragraphs not numbered with the body', () => {
    const model = buildExportModel(exportInputFromDoc(fixture('UPR')), defaultExportOptions('UPR'));
    expect(model.sections.map((s) => s.title)).toEqual(['Housing', 'Annex 1: Matrix']);
    const numbers = model.sections.map((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.number ?? null] : [])));
    expect(numbers).toEqual([[1, 2], [null]]);
    expect(model.wordCountLine).toBe('Word count: 14 of a limit of 2,815 (notes and annexes not counted)');
  });
});
