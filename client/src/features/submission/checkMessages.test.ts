import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docOf, paragraph, recommendation, writeBody } from '../../../../test/helpers/yjsContent.ts';
import { addOrganisation, getCoverFields, setCoverFields, type CoverFields } from '../../../../shared/report/coverFields.ts';
import { addEarlierRecommendations, updateEarlierRecommendation } from '../../../../shared/report/earlierRecommendations.ts';
import { addSection, getSectionBody, initReport, listSections } from '../../../../shared/report/layout.ts';
import { applyTemplate } from '../../../../shared/templates/applyTemplate.ts';
import { organisationChecks, runChecks, type Check } from '../../../../shared/submission/checks.ts';
import { SUBMISSION_RULES, type RuleInput } from '../../../../shared/submission/rules.ts';
import { initI18n, setLanguage } from '../../i18n/i18n.ts';
import { checkMessage } from './checkMessages.ts';

beforeAll(() => initI18n('en'));

/** Every check in English reads as the shared message (the server's and the exports'), but for "Missing:", which names the fields. */
function expectSame(checks: Check[], mechanism: string) {
  for (const c of checks) {
    if (c.id === 'cover-complete' && !c.passed) continue;
    expect(checkMessage(c, mechanism), `${c.id} ${JSON.stringify(c.figures)}`).toBe(c.message);
  }
}

function uprDoc(): Y.Doc {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Joint submission', mechanism: 'UPR', stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
  applyTemplate(doc, 'upr', { mechanism: 'UPR', submissionType: 'joint' });
  setCoverFields(doc, { submissionType: 'joint', session: '48th session', contact: 'Ana', confidentiality: 'public', language: 'en', period: '2019 to 2024' });
  addOrganisation(doc, 'Roma Rights Centre');
  addOrganisation(doc, 'Housing Justice Network');
  const closing = listSections(doc).at(-1)!;
  writeBody(
    getSectionBody(doc, closing.id)!,
    docOf(paragraph('We recommend:'), recommendation('The Ministry should end forced evictions by June 2026 and publish data.'), recommendation('Continue efforts.')),
  );
  const { ids } = addEarlierRecommendations(doc, [
    { symbol: 'A/HRC/46/15', paragraph: '26.45', text: 'Combat hate speech', recommendedBy: ['Germany'] },
    { symbol: 'A/HRC/46/15', paragraph: '26.46', text: 'Ratify OP-CAT', recommendedBy: ['Denmark'] },
  ]);
  updateEarlierRecommendation(doc, ids[0]!, { assessment: 'partially-implemented' });
  return doc;
}

function ruleChecks(input: Partial<RuleInput>): Check[] {
  const cover: CoverFields = { ...getCoverFields(new Y.Doc()), ...(input.cover ?? {}) };
  const full: RuleInput = { mechanism: 'UPR', stateUnderReview: 'Freedonia', language: 'en', annexTitles: [], today: '2026-03-01', ...input, cover };
  return SUBMISSION_RULES.map((rule) => {
    const o = rule.run(full);
    return { id: rule.id, label: rule.label, passed: o.passed, figures: o.figures, limit: null, message: o.message, source: rule.source };
  });
}

describe('Check messages in the interface language', () => {
  it('read in English exactly as the shared checks write them', () => {
    const empty = new Y.Doc();
    initReport(empty, { title: 'Draft', mechanism: 'UPR', stateUnderReview: '', editorSchemaVersion: 2 });
    expectSame(runChecks(empty).checks, 'UPR');
    const doc = uprDoc();
    expectSame(runChecks(doc).checks, 'UPR');
    setCoverFields(doc, { wordLimit: 5, paragraphNumbering: true });
    expectSame(runChecks(doc).checks, 'UPR');
    setCoverFields(doc, { submissionType: 'individual' });
    expectSame(runChecks(doc).checks, 'UPR');

    const cerd = new Y.Doc();
    initReport(cerd, { title: 'T', mechanism: 'CERD', stateUnderReview: 'A and B', editorSchemaVersion: 2 });
    addSection(cerd, { title: 'Intro' });
    expectSame(runChecks(cerd).checks, 'CERD');

    const cover = getCoverFields(new Y.Doc());
    for (const [type, orgs] of [['joint', ['A']], ['joint', []], ['individual', []], ['individual', ['A', 'B', 'C']], [null, ['A']]] as const) {
      expectSame(organisationChecks({ ...cover, submissionType: type, organisations: [...orgs] }, null), 'UPR');
    }
    const signOn = {
      required: true,
      source: 'report' as const,
      organisations: [
        { name: 'A', status: 'pending' as const, confirmedAt: null, confirmedBy: null },
        { name: 'B', status: 'pending' as const, confirmedAt: null, confirmedBy: null },
      ],
    };
    expectSame(organisationChecks({ ...cover, submissionType: 'joint' }, signOn as never), 'UPR');
    expectSame(organisationChecks({ ...cover, submissionType: 'joint' }, { ...signOn, organisations: [] } as never), 'UPR');

    for (const deadline of ['', '2026-02-20', '2026-03-01', '2026-03-02', '2026-03-06', '2026-05-01']) expectSame(ruleChecks({ cover: { ...cover, deadline } }), 'UPR');
    for (const language of ['', 'en', 'fr-CA', 'ru', 'de']) expectSame(ruleChecks({ language }), 'UPR');
    for (const stateUnderReview of ['', 'Kenya', 'Kenya, Uganda', 'Trinidad and Tobago']) expectSame(ruleChecks({ stateUnderReview }), 'UPR');
    for (const annexTitles of [[], ['Data'], ['Report of X'], ['Report A', 'Reports B']]) expectSame(ruleChecks({ annexTitles }), 'UPR');
    for (const confidentiality of [null, 'public', 'confidential'] as const) expectSame(ruleChecks({ cover: { ...cover, confidentiality, period: '2019 to 2024' } }), 'CEDAW');
    const image = (alt: string, decorative = false) => ({ sectionTitle: 'Intro', alt, decorative });
    for (const images of [[], [image('')], [image(''), { ...image(''), sectionTitle: 'Two' }], [image('x')], [image('x'), image('', true), image('y')]]) {
      expectSame(ruleChecks({ images }), 'UPR');
    }
    const evidence = { audience: 'public' as const, notCovered: [], lapsed: [], namesListed: 0, namesLeft: [] };
    for (const e of [evidence, { ...evidence, audience: 'committee' as const, namesListed: 2 }, { ...evidence, namesListed: 2, namesLeft: ['Ana', 'Bo'] }]) {
      expectSame(ruleChecks({ evidence: e }), 'UPR');
    }
  });

  it('names the missing cover fields, and speaks the interface language', async () => {
    const doc = new Y.Doc();
    initReport(doc, { title: 'Draft', mechanism: 'UPR', stateUnderReview: '', editorSchemaVersion: 2 });
    const cover = runChecks(doc).checks.find((c) => c.id === 'cover-complete')!;
    expect(checkMessage(cover, 'UPR')).toBe('Missing: State under review, session, contact, submission type.');
    await setLanguage('fr', { remember: false });
    expect(checkMessage(cover, 'UPR')).toBe('Manquant : État examiné, session, contact, type de communication.');
    await setLanguage('en', { remember: false });
  });
});
