import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docOf, paragraph, recommendation, writeBody } from '../../test/helpers/yjsContent.ts';
import { addOrganisation, setCoverFields } from '../report/coverFields.ts';
import { addEarlierRecommendations, updateEarlierRecommendation } from '../report/earlierRecommendations.ts';
import { addSection, getSectionBody, initReport, listSections } from '../report/layout.ts';
import { applyTemplate } from '../templates/applyTemplate.ts';
import { runChecks, type Checklist } from './checks.ts';

const SPECIFIC = 'The Ministry of the Interior should end forced evictions of Roma settlements by June 2026 and publish annual eviction data.';

/** A joint UPR submission that meets every formal rule. */
function readyUprSubmission(): Y.Doc {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Joint submission on Roma rights', mechanism: 'UPR', stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
  applyTemplate(doc, 'upr', { mechanism: 'UPR', submissionType: 'joint' });
  setCoverFields(doc, {
    submissionType: 'joint',
    session: '4th cycle, 48th session',
    contact: 'Ana Kovač, ana@example.org',
    confidentiality: 'public',
    language: 'en',
    period: '2019 to 2024',
  });
  addOrganisation(doc, 'Roma Rights Centre');
  addOrganisation(doc, 'Housing Justice Network');
  const closing = listSections(doc).at(-1)!;
  writeBody(getSectionBody(doc, closing.id)!, docOf(paragraph('We recommend:'), recommendation(SPECIFIC)));
  const { ids } = addEarlierRecommendations(doc, [{ symbol: 'A/HRC/46/15', paragraph: '26.45', text: 'Combat hate speech', recommendedBy: ['Germany'] }]);
  updateEarlierRecommendation(doc, ids[0]!, { assessment: 'partially-implemented' });
  return doc;
}

const byId = (list: Checklist) => Object.fromEntries(list.checks.map((c) => [c.id, c]));

describe('Formal checks before sending', () => {
  it('pass for a complete joint UPR submission, with the figures and the limit', () => {
    const list = runChecks(readyUprSubmission());
    expect(list.checks.filter((c) => !c.passed)).toEqual([]);
    expect(list.passed).toBe(true);
    expect(list.checks.map((c) => c.id)).toEqual([
      'paragraphs-numbered',
      'organisations-named',
      'cover-complete',
      'recommendations-present',
      'recommendations-specific',
      'within-word-limit',
      'earlier-recommendations-assessed',
      'deadline',
      'language-accepted',
      'format-word',
      'period-covered',
      'one-state',
      'no-annexed-reports',
      'images-described',
      'testimony-consent-covers-export',
      'sensitive-names-replaced',
      'testimony-consent-current',
    ]);
    for (const c of list.checks) expect(c.source, c.id).not.toBe('');
    expect(byId(list)['within-word-limit']).toMatchObject({ limit: 5630, figures: { words: 22, notCounted: ['footnotes', 'annexes'], limitFrom: 'table' } });
    expect(byId(list)['organisations-named']!.figures).toEqual({ organisations: 2, required: 2, submissionType: 'joint' });
  });

  it('fail on an empty report, each saying what is missing', () => {
    const doc = new Y.Doc();
    initReport(doc, { title: 'Draft', mechanism: 'UPR', stateUnderReview: '', editorSchemaVersion: 2 });
    const checks = byId(runChecks(doc));
    expect(Object.values(checks).filter((c) => c.passed).map((c) => c.id)).toEqual([
      'within-word-limit',
      'deadline',
      'format-word',
      'no-annexed-reports',
      'images-described',
      'testimony-consent-covers-export',
      'sensitive-names-replaced',
      'testimony-consent-current',
    ]);
    expect(checks['cover-complete']!.figures.missing).toEqual(['stateUnderReview', 'session', 'contact', 'submissionType']);
    expect(checks['recommendations-present']!.figures).toEqual({ recommendations: 0 });
    expect(checks['within-word-limit']).toMatchObject({ limit: 2815, figures: { words: 0 } });
  });

  it('flag a joint submission naming one organisation, and an individual one naming several', () => {
    const doc = readyUprSubmission();
    setCoverFields(doc, { submissionType: 'individual' });
    expect(byId(runChecks(doc))['organisations-named']).toMatchObject({ passed: false, message: expect.stringMatching(/make it a joint submission/) });
    expect(byId(runChecks(doc))['within-word-limit']!.limit).toBe(2815);
  });

  it('list the recommendations that ask for no specific action', () => {
    const doc = readyUprSubmission();
    const thematic = listSections(doc)[3]!;
    writeBody(getSectionBody(doc, thematic.id)!, docOf(recommendation('Continue efforts to combat discrimination against Roma.')));
    const check = byId(runChecks(doc))['recommendations-specific']!;
    expect(check).toMatchObject({ passed: false, figures: { recommendations: 2, specific: 1, notSpecific: [1] } });
  });

  it('fail when the counted words pass the limit, the report’s own limit included', () => {
    const doc = readyUprSubmission();
    setCoverFields(doc, { wordLimit: 20 });
    expect(byId(runChecks(doc))['within-word-limit']).toMatchObject({ passed: false, limit: 20, message: '2 words over the limit of 20.' });
  });

  it('pass the word check with no limit where none is known, and say so', () => {
    const doc = new Y.Doc();
    initReport(doc, { title: 'T', mechanism: 'CERD', stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
    addSection(doc, { title: 'Intro' });
    const check = byId(runChecks(doc))['within-word-limit']!;
    expect(check).toMatchObject({ passed: true, limit: null, message: expect.stringMatching(/No official word limit is known for CERD/) });
    expect(byId(runChecks(doc))['earlier-recommendations-assessed']).toBeUndefined();
  });

  it('ask for the previous cycle’s recommendations to be assessed', () => {
    const doc = readyUprSubmission();
    addEarlierRecommendations(doc, [{ symbol: 'A/HRC/46/15', paragraph: '26.46', text: 'Ratify OP-CAT', recommendedBy: ['Denmark'] }]);
    expect(byId(runChecks(doc))['earlier-recommendations-assessed']).toMatchObject({ passed: false, figures: { entered: 2, assessed: 1 } });
  });
});
