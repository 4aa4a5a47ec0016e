/**
 * Treaty-body and UPR features through the API, on both storages: reports made from templates, the taxonomy
 * and its search, and the coverage, checks and recommendations of a report as co-authors edit it over sync.
 * Every endpoint is for signed-in users only, and the report views for people who may read the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type {
  ApiErrorBody,
  ChecksResponse,
  CoverageResponse,
  RecommendationsResponse,
  ReportContentResponse,
  TaxonomyResponse,
  TaxonomySearchResponse,
} from '../../shared/api/types.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { addOrganisation, setCoverFields } from '../../shared/report/coverFields.ts';
import { addEarlierRecommendations } from '../../shared/report/earlierRecommendations.ts';
import { addSection, getSectionBody, listSections, setSectionTag } from '../../shared/report/layout.ts';
import { EDITOR_SCHEMA_VERSION } from '../../shared/schema/version.ts';
import { templateSections } from '../../shared/templates/templates.ts';
import { templatesFor } from '../../shared/templates/templateIds.ts';
import { MECHANISMS } from '../../shared/api/mechanisms.ts';
import { api, connectClient, createReport, getContent, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';
import { docOf, paragraph, recommendation, writeBody } from '../helpers/yjsContent.ts';

describe.each(STORAGE_KINDS)('Treaty and UPR features on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    owner = await signUp(server.url, { name: 'Olga Owner' });
    viewer = await signUp(server.url, { name: 'Vik Viewer' });
    stranger = await signUp(server.url, { name: 'Stella Stranger' });
  });
  afterAll(async () => {
    await server.close();
    await storage.destroy();
  });

  async function share(reportId: string, user: TestUser, role: string): Promise<void> {
    const res = await api(server.url, `/api/reports/${reportId}/members`, { as: owner, body: { email: user.email, role } });
    expect(res.status).toBe(201);
  }

  /** Edit the report as a co-author would, over sync, and wait until the server has the change. */
  async function edit(reportId: string, change: (doc: Y.Doc) => void, arrived: (content: ReportContentResponse) => boolean): Promise<void> {
    const client = connectClient(server.wsUrl, roomName(reportId), owner);
    try {
      await client.synced;
      change(client.doc);
      await waitFor(async () => arrived(await getContent(server.url, owner, reportId)), 10_000, 'the edit to reach the server');
    } finally {
      client.destroy();
    }
  }

  describe('reports from templates', () => {
    it('creates a CERD report with ICERD articles 2 to 7 in tagged sections, shown by the content API', async () => {
      const report = await createReport(server.url, owner, { mechanism: 'CERD', template: true });
      const content = await getContent(server.url, owner, report.id);
      const expected = templateSections('cerd', 'CERD', null);
      expect(content.sections.map((s) => [s.title, s.tags])).toEqual(expected.map((s) => [s.title, s.tags]));
      expect(content.sections.filter((s) => s.tags.length > 0).map((s) => s.tags[0])).toEqual(['ICERD:2', 'ICERD:3', 'ICERD:4', 'ICERD:5', 'ICERD:6', 'ICERD:7']);
      // A template report is written by this server's editor schema, so clients older than it open it read-only.
      expect(content.editorSchemaVersion).toBe(EDITOR_SCHEMA_VERSION);
    });

    it('creates a joint UPR submission from the UPR template, its word limit following the type', async () => {
      const report = await createReport(server.url, owner, { mechanism: 'UPR', template: 'upr', submissionType: 'joint' });
      const content = await getContent(server.url, owner, report.id);
      expect(content.sections[0]!.title).toBe('Introduction and the submitting organisations');
      const checks = await api<ChecksResponse>(server.url, `/api/reports/${report.id}/checks`, { as: owner });
      expect(checks.body.submissionType).toBe('joint');
      expect(checks.body.words.limit.words).toBe(5630);
    });

    it('creates a report from every template, for every mechanism it fits, with its sections and their article tags', async () => {
      for (const mechanism of MECHANISMS) {
        for (const template of templatesFor(mechanism)) {
          const report = await createReport(server.url, owner, { mechanism, template });
          const content = await getContent(server.url, owner, report.id);
          const expected = templateSections(template, mechanism, null);
          expect(content.sections.map((s) => [s.title, [...s.tags].sort()]), `${template} for ${mechanism}`).toEqual(expected.map((s) => [s.title, [...s.tags].sort()]));
        }
      }
      // The treaty's own template is the default: `template: true` for the CED gives a section per ICPPED article.
      const ced = await createReport(server.url, owner, { mechanism: 'CED', template: true });
      const sections = (await getContent(server.url, owner, ced.id)).sections;
      expect(sections.filter((s) => s.tags.length > 0).map((s) => s.tags[0])).toEqual(Array.from({ length: 25 }, (_, i) => `CPED:${i + 1}`));
      // A list-of-issues submission carries its guidance in the text.
      const loi = await createReport(server.url, owner, { mechanism: 'CMW', template: 'loi' });
      expect((await getContent(server.url, owner, loi.id)).sections[1]!.text).toContain('Questions to ask the State');
    });

    it('creates an empty report without a template, as before', async () => {
      const report = await createReport(server.url, owner, { mechanism: 'CEDAW' });
      expect((await getContent(server.url, owner, report.id)).sections).toEqual([]);
    });

    it('does not add the template twice when a client repeats its POST', async () => {
      const id = crypto.randomUUID();
      await createReport(server.url, owner, { id, mechanism: 'CEDAW', template: 'cedaw' });
      await createReport(server.url, owner, { id, mechanism: 'CEDAW', template: 'cedaw' });
      expect((await getContent(server.url, owner, id)).sections).toHaveLength(19);
    });

    const invalid: [string, Record<string, unknown>, string, string][] = [
      ['an unknown template', { mechanism: 'CERD', template: 'manifesto' }, 'unknown_template', 'template'],
      ['the template of another treaty', { mechanism: 'CERD', template: 'ccpr' }, 'template_mismatch', 'template'],
      ['a template of another mechanism', { mechanism: 'CEDAW', template: 'cerd' }, 'template_mismatch', 'template'],
      ['a treaty-body template for the UPR', { mechanism: 'UPR', template: 'treaty' }, 'template_mismatch', 'template'],
      ['an unknown submission type', { mechanism: 'UPR', submissionType: 'coalition' }, 'invalid_field', 'submissionType'],
    ];
    it.each(invalid)('refuses %s with 400', async (_what, body, code, field) => {
      const res = await api<ApiErrorBody>(server.url, '/api/reports', { as: owner, body: { title: 'T', ...body } });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code, field });
    });
  });

  describe('taxonomy', () => {
    it('serves the whole vocabulary with its sources to signed-in users', async () => {
      const res = await api<TaxonomyResponse>(server.url, '/api/taxonomy', { as: viewer });
      expect(res.status).toBe(200);
      expect(res.body.entries.find((e) => e.id === 'CEDAW:10')).toMatchObject({ kind: 'article', label: 'CEDAW article 10: Education' });
      expect(res.body.entries.filter((e) => e.kind === 'sdg-target')).toHaveLength(169);
      expect(Object.keys(res.body.sources)).toEqual(['treaties', 'sdg', 'generalComments', 'upr']);
      const goals = await api<TaxonomyResponse>(server.url, '/api/taxonomy?kind=sdg-goal', { as: viewer });
      expect(goals.body.entries).toHaveLength(17);
    });

    it('searches it, exact ids first', async () => {
      const res = await api<TaxonomySearchResponse>(server.url, `/api/taxonomy/search?q=${encodeURIComponent('icerd 5')}&limit=3`, { as: viewer });
      expect(res.status).toBe(200);
      expect(res.body.results[0]).toMatchObject({ id: 'ICERD:5', match: 'id', score: 1000 });
      expect(res.body.results.length).toBeLessThanOrEqual(3);
      const words = await api<TaxonomySearchResponse>(server.url, '/api/taxonomy/search?q=hate%20speech&kind=general-comment', { as: viewer });
      expect(words.body.results[0]!.id).toBe('CERD-GR:35');
      const empty = await api<TaxonomySearchResponse>(server.url, '/api/taxonomy/search?q=', { as: viewer });
      expect(empty.body.results).toEqual([]);
    });

    it('refuses bad parameters with 400 and callers without a session with 401', async () => {
      expect((await api(server.url, '/api/taxonomy/search?q=x&limit=0', { as: viewer })).status).toBe(400);
      expect((await api(server.url, '/api/taxonomy?kind=planet', { as: viewer })).status).toBe(400);
      expect((await api(server.url, `/api/taxonomy/search?q=${'x'.repeat(201)}`, { as: viewer })).status).toBe(400);
      expect((await api(server.url, '/api/taxonomy')).status).toBe(401);
      expect((await api(server.url, '/api/taxonomy/search?q=education')).status).toBe(401);
    });
  });

  describe('coverage, checks and recommendations of a report', () => {
    it('shows which articles and SDGs the sections address, following tag edits', async () => {
      const report = await createReport(server.url, owner, { mechanism: 'CERD', template: 'cerd' });
      const before = await api<CoverageResponse>(server.url, `/api/reports/${report.id}/coverage`, { as: owner });
      expect(before.status).toBe(200);
      // A blank report from the template: its sections are tagged, not written, so nothing is addressed yet.
      expect(before.body).toMatchObject({ id: report.id, mechanism: 'CERD', treaty: 'ICERD', articles: { total: 7, addressed: 0 } });
      expect(before.body.articles.items.find((i) => i.id === 'ICERD:5')!.taggedNotWritten.map((s) => s.title)).toEqual(['Article 5']);
      expect(before.body.sdgs).toMatchObject({ total: 17, addressed: 0 });

      await edit(
        report.id,
        (doc) => {
          const intro = listSections(doc)[0]!;
          setSectionTag(doc, intro.id, 'ICERD:1', true);
          setSectionTag(doc, intro.id, 'SDG:10.3', true);
          writeBody(
            getSectionBody(doc, intro.id)!,
            docOf(paragraph('This joint submission describes how Roma, Travellers and people of African descent are treated in housing, schools and policing, drawing on testimonies gathered by eleven organisations over the past four years.')),
          );
        },
        (content) => content.sections[0]!.tags.includes('SDG:10.3') && content.sections[0]!.wordCount >= 30,
      );
      const after = await api<CoverageResponse>(server.url, `/api/reports/${report.id}/coverage`, { as: owner });
      expect(after.body.articles).toMatchObject({ addressed: 1, notAddressed: ['ICERD:2', 'ICERD:3', 'ICERD:4', 'ICERD:5', 'ICERD:6', 'ICERD:7'] });
      expect(after.body.sdgs.items.find((i) => i.id === 'SDG:10')!.addressedBy).toEqual([{ sectionId: expect.any(String), title: 'Introduction' }]);
    });

    it('runs the formal checks on what co-authors wrote, with figures and limits', async () => {
      const report = await createReport(server.url, owner, { mechanism: 'UPR', stateUnderReview: 'Freedonia', template: true, submissionType: 'joint' });
      const first = await api<ChecksResponse>(server.url, `/api/reports/${report.id}/checks`, { as: owner });
      expect(first.status).toBe(200);
      expect(first.body.passed).toBe(false);
      const failing = first.body.checks.filter((c) => !c.passed).map((c) => c.id);
      expect(failing).toEqual([
        'organisations-named',
        'cover-complete',
        'recommendations-present',
        'recommendations-specific',
        'earlier-recommendations-assessed',
        'period-covered',
      ]);
      for (const c of first.body.checks) expect(c.source, c.id).not.toBe('');

      await edit(
        report.id,
        (doc) => {
          setCoverFields(doc, { session: '4th cycle, 48th session', contact: 'Ana Kovač, ana@example.org', confidentiality: 'public', period: '2019 to 2024' });
          addOrganisation(doc, 'Roma Rights Centre');
          addOrganisation(doc, 'Housing Justice Network');
          const closing = listSections(doc).at(-1)!;
          writeBody(
            getSectionBody(doc, closing.id)!,
            docOf(recommendation('The Ministry of the Interior should end forced evictions of Roma settlements by June 2026 and publish annual eviction data.', { tags: ['ICERD:5'] })),
          );
          addEarlierRecommendations(doc, [{ symbol: 'A/HRC/46/15', paragraph: '26.45', text: 'Combat hate speech against Roma', recommendedBy: ['Germany'], response: 'supported' }]);
        },
        (content) => content.sections.at(-1)!.text.includes('eviction data'),
      );
      const after = await api<ChecksResponse>(server.url, `/api/reports/${report.id}/checks`, { as: owner });
      expect(after.body.checks.filter((c) => !c.passed).map((c) => c.id)).toEqual(['earlier-recommendations-assessed']);
      expect(after.body.checks.find((c) => c.id === 'within-word-limit')).toMatchObject({ passed: true, limit: 5630, figures: { words: 20 } });
      expect(after.body.checks.find((c) => c.id === 'earlier-recommendations-assessed')!.figures).toEqual({ entered: 1, assessed: 0 });

      const recs = await api<RecommendationsResponse>(server.url, `/api/reports/${report.id}/recommendations`, { as: owner });
      expect(recs.body.recommendations).toHaveLength(1);
      expect(recs.body.recommendations[0]).toMatchObject({ number: 1, tags: ['ICERD:5'], smart: { category: 5, missing: [] } });
      expect(recs.body.earlier).toEqual([expect.objectContaining({ id: 'REC:A/HRC/46/15:26.45', response: 'supported', assessment: null })]);
    });

    it('gives the same word count in the content API and the checks, an annex section left out as the limit says', async () => {
      const report = await createReport(server.url, owner, { title: 'Counted once', mechanism: 'UPR', stateUnderReview: 'Freedonia' });
      await edit(
        report.id,
        (doc) => {
          const body = addSection(doc, { title: 'Housing' });
          const annex = addSection(doc, { title: 'Matrix', annex: true });
          writeBody(getSectionBody(doc, body)!, docOf(paragraph('Roma families were evicted from their homes in 2023.')));
          writeBody(getSectionBody(doc, annex)!, docOf(paragraph('Matrix of previous recommendations assessed.')));
        },
        (content) => content.sections.length === 2 && content.sections.every((s) => s.text.length > 0),
      );
      const content = await getContent(server.url, owner, report.id);
      const checks = await api<ChecksResponse>(server.url, `/api/reports/${report.id}/checks`, { as: owner });
      expect(content.wordCount).toBe(9);
      expect(checks.body.words.counted).toBe(9);
    });

    it("checks a committee's own rules with their sources: the deadline, public or confidential, the period, one State", async () => {
      const report = await createReport(server.url, owner, { mechanism: 'CEDAW', stateUnderReview: 'Freedonia and Sylvania', template: true });
      const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
      const client = connectClient(server.wsUrl, roomName(report.id), owner);
      try {
        await client.synced;
        setCoverFields(client.doc, { deadline: inThreeDays, period: '2020 to 2025' });
        await waitFor(async () => {
          const res = await api<ChecksResponse>(server.url, `/api/reports/${report.id}/checks`, { as: owner });
          return res.body.checks.some((c) => c.id === 'period-covered' && c.passed);
        }, 10_000, 'the cover fields to reach the server');
      } finally {
        client.destroy();
      }
      const res = await api<ChecksResponse>(server.url, `/api/reports/${report.id}/checks`, { as: owner });
      const byId = Object.fromEntries(res.body.checks.map((c) => [c.id, c]));
      expect(byId['deadline']).toMatchObject({ passed: false, figures: { deadline: inThreeDays } });
      expect(byId['deadline']!.message).toMatch(/^The deadline is in [2-4] days/);
      expect(byId['confidentiality-chosen']).toMatchObject({ passed: false });
      expect(byId['confidentiality-chosen']!.source).toContain('CEDAW');
      expect(byId['period-covered']).toMatchObject({ passed: true, message: 'The submission covers 2020 to 2025.' });
      expect(byId['one-state']).toMatchObject({ passed: false });
      expect(byId['language-accepted']).toBeUndefined();
      expect(byId['format-word']).toBeUndefined();
    });

    const views = ['coverage', 'checks', 'recommendations'];
    it.each(views)('lets readers see %s, answers 404 to strangers and 401 without a session', async (view) => {
      const report = await createReport(server.url, owner, { mechanism: 'CCPR', template: true });
      await share(report.id, viewer, 'viewer');
      const path = `/api/reports/${report.id}/${view}`;
      expect((await api(server.url, path, { as: owner })).status).toBe(200);
      expect((await api(server.url, path, { as: viewer })).status).toBe(200);
      const refused = await api<ApiErrorBody>(server.url, path, { as: stranger });
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe('not_found');
      expect((await api(server.url, path)).status).toBe(401);
      expect((await api(server.url, `/api/reports/${crypto.randomUUID()}/${view}`, { as: owner })).status).toBe(404);
      expect((await api(server.url, `/api/reports/not-an-id/${view}`, { as: owner })).status).toBe(404);
    });
  });
});
