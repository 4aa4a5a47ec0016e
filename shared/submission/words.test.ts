import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docOf, footnote, paragraph, writeBody } from '../../test/helpers/yjsContent.ts';
import type { Mechanism } from '../api/mechanisms.ts';
import { setCoverFields } from '../report/coverFields.ts';
import { addSection, getSectionBody, initReport, setSectionWordBudget } from '../report/layout.ts';
import { contentWords } from '../report/submissionWords.ts';
import { reportWords } from './reportWords.ts';
import { WORD_LIMITS, wordLimitFor } from './wordLimits.ts';
import { wordStatus } from './wordStatus.ts';

/** A report with a body section (14 words and a 7-word footnote) and an annex of 5 words. */
function fixture(mechanism: Mechanism): { doc: Y.Doc; body: string; annex: string } {
  const doc = new Y.Doc();
  initReport(doc, { title: 'T', mechanism, stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
  const body = addSection(doc, { title: 'Housing' });
  const annex = addSection(doc, { title: 'Annex: matrix', annex: true });
  writeBody(getSectionBody(doc, body)!, docOf(
    paragraph('Roma families were evicted from ', footnote('See ERRC report of 12 May 2024.'), 'their homes in 2023.'),
    paragraph('No alternative housing was offered.'),
  ));
  writeBody(getSectionBody(doc, annex)!, docOf(paragraph('Matrix of previous recommendations assessed.')));
  return { doc, body, annex };
}

describe('Submission word counts', () => {
  it('counts footnotes apart from the body text', () => {
    const { doc, body } = fixture('UPR');
    const words = reportWords(doc).sections.find((s) => s.id === body)!;
    expect(words).toMatchObject({ body: 14, footnotes: 7, counted: 14, annex: false });
  });

  it('leaves footnotes and annexes out of a UPR submission, as OHCHR does', () => {
    const words = reportWords(fixture('UPR').doc);
    expect(words.total).toBe(14 + 7 + 5);
    expect(words.counted).toBe(14);
    expect(words.limit).toMatchObject({ words: 2815, from: 'table', notCounted: ['footnotes', 'annexes'] });
    expect(words.status).toEqual({ state: 'within', words: 14, limit: 2815, remaining: 2801 });
  });

  it('counts footnotes for the Human Rights Committee, whose rule does not leave them out', () => {
    const words = reportWords(fixture('CCPR').doc);
    expect(words.counted).toBe(21);
    expect(words.limit.words).toBe(10_000);
  });

  it('uses the joint limit once the submission is joint, and the report’s own limit over the table', () => {
    const { doc } = fixture('UPR');
    setCoverFields(doc, { submissionType: 'joint' });
    expect(reportWords(doc).limit.words).toBe(5630);
    setCoverFields(doc, { wordLimit: 15 });
    expect(reportWords(doc).limit).toMatchObject({ words: 15, from: 'report' });
    expect(reportWords(doc).status.state).toBe('near');
    setCoverFields(doc, { wordLimit: 13 });
    expect(reportWords(doc).status).toMatchObject({ state: 'over', remaining: -1 });
  });

  it('has no limit where no official figure is known, and says so', () => {
    const words = reportWords(fixture('CERD').doc);
    expect(words.limit.words).toBeNull();
    expect(words.status.state).toBe('no-limit');
    expect(words.limit.rule!.note).toMatch(/No official word limit/);
  });

  it('holds each section against its own budget', () => {
    const { doc, body } = fixture('UPR');
    setSectionWordBudget(doc, body, 15);
    expect(reportWords(doc).sections.find((s) => s.id === body)!.budget).toEqual({ state: 'near', words: 14, limit: 15, remaining: 1 });
    setSectionWordBudget(doc, body, 100);
    expect(reportWords(doc).sections.find((s) => s.id === body)!.budget!.state).toBe('within');
  });

  it('counts a live editor document the same way', () => {
    expect(contentWords(docOf(paragraph('One two ', footnote('three four'), 'five')))).toEqual({ body: 3, footnotes: 2 });
  });
});

describe('wordStatus', () => {
  it('warns from 90% of the limit and when it is passed', () => {
    expect(wordStatus(2533, 2815).state).toBe('within');
    expect(wordStatus(2534, 2815).state).toBe('near');
    expect(wordStatus(2815, 2815)).toEqual({ state: 'near', words: 2815, limit: 2815, remaining: 0 });
    expect(wordStatus(2816, 2815)).toEqual({ state: 'over', words: 2816, limit: 2815, remaining: -1 });
    expect(wordStatus(50, null)).toEqual({ state: 'no-limit', words: 50, limit: null, remaining: null });
  });
});

describe('The word limits table', () => {
  it('holds the UPR and Human Rights Committee figures and a source for every row', () => {
    expect(wordLimitFor('UPR', 'individual').words).toBe(2815);
    expect(wordLimitFor('UPR', 'joint').words).toBe(5630);
    expect(wordLimitFor('UPR', null).words).toBe(2815);
    expect(wordLimitFor('CCPR', 'joint').words).toBe(10_000);
    for (const m of ['CERD', 'CEDAW', 'CESCR', 'CAT', 'CRC', 'CRPD', 'CMW', 'CED']) expect(wordLimitFor(m, 'individual').words, m).toBeNull();
    for (const rule of WORD_LIMITS) {
      expect(rule.sources.length, rule.mechanism).toBeGreaterThan(0);
      expect(rule.note.length, rule.mechanism).toBeGreaterThan(10);
    }
  });

  it('has one row per mechanism and submission type', () => {
    const keys = WORD_LIMITS.map((r) => `${r.mechanism}/${r.submissionType}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
