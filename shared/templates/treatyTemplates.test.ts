import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import generated from '../taxonomy/generated/treaties.json';
import { MECHANISMS, type Mechanism } from '../api/mechanisms.ts';
import { reportContent } from '../report/content.ts';
import { initReport, listSections } from '../report/layout.ts';
import { findEntry } from '../taxonomy/entries.ts';
import { MECHANISM_TREATY } from '../taxonomy/treaties.ts';
import { compareTagIds } from '../taxonomy/tagIds.ts';
import { applyTemplate } from './applyTemplate.ts';
import { defaultTemplateFor, templatesFor, TEMPLATE_IDS, templateFits, type TemplateId } from './templateIds.ts';

function reportFrom(template: TemplateId, mechanism: Mechanism) {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Shadow report', mechanism, stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
  applyTemplate(doc, template, { mechanism, submissionType: null });
  return doc;
}

/** The substantive articles of a treaty as the generated taxonomy file lists them, as tag ids. */
function substantiveIds(treaty: string): string[] {
  const t = generated.treaties.find((x) => x.id === treaty)!;
  return t.articles.filter((a) => a.substantive).map((a) => `${treaty}:${a.n}`);
}

const ARTICLE_TEMPLATES = [
  ['CCPR', 'ccpr', 'ICCPR', 27],
  ['CESCR', 'cescr', 'ICESCR', 15],
  ['CAT', 'cat', 'CAT', 16],
  ['CEDAW', 'cedaw', 'CEDAW', 16],
  ['CRPD', 'crpd', 'CRPD', 33],
  ['CMW', 'cmw', 'ICMW', 71],
  ['CED', 'ced', 'CPED', 25],
] as const;

describe('A template for every treaty', () => {
  it.each(ARTICLE_TEMPLATES)('gives %s reports its own template, a tagged section per substantive article', (mechanism, template, treaty, last) => {
    expect(defaultTemplateFor(mechanism)).toBe(template);
    const sections = listSections(reportFrom(template, mechanism));
    const articleSections = sections.filter((s) => s.tags.length > 0);
    expect(articleSections.map((s) => s.tags)).toEqual(substantiveIds(treaty).map((id) => [id]));
    expect(articleSections).toHaveLength(last);
    for (const s of articleSections) {
      const n = Number(s.tags[0]!.split(':')[1]);
      const heading = findEntry(s.tags[0]!)!.heading;
      expect(s.title).toBe(heading ? `Article ${n}: ${heading}` : `Article ${n}`);
    }
    expect(sections.slice(0, 2).map((s) => s.title)).toEqual(['Introduction', 'Methodology and the coalition']);
    expect(sections.at(-1)!.title).toBe('Recommendations');
  });

  it('titles articles from their official captions where the treaty has them', () => {
    const crpd = listSections(reportFrom('crpd', 'CRPD'));
    expect(crpd.find((s) => s.tags[0] === 'CRPD:24')!.title).toBe('Article 24: Education');
    const ccpr = listSections(reportFrom('ccpr', 'CCPR'));
    expect(ccpr.find((s) => s.tags[0] === 'ICCPR:7')!.title).toBe('Article 7');
    const ced = listSections(reportFrom('ced', 'CED'));
    expect(ced.find((s) => s.tags[0] === 'CPED:1')!.title).toBe('Article 1');
  });

  it("groups the CRC's articles in the committee's reporting clusters", () => {
    const sections = listSections(reportFrom('crc', 'CRC'));
    expect(defaultTemplateFor('CRC')).toBe('crc');
    const clusters = sections.filter((s) => s.tags.length > 0);
    expect(clusters.map((s) => s.title.replace(/ \(arts?\..*$/, ''))).toEqual([
      'General measures of implementation',
      'Definition of the child',
      'General principles',
      'Civil rights and freedoms',
      'Violence against children',
      'Family environment and alternative care',
      'Disability, basic health and welfare',
      'Education, leisure and cultural activities',
      'Special protection measures',
    ]);
    const tagsOf = (start: string) => [...clusters.find((s) => s.title.startsWith(start))!.tags].sort(compareTagIds);
    expect(tagsOf('General principles')).toEqual(['CRC:2', 'CRC:3', 'CRC:6', 'CRC:12']);
    expect(tagsOf('General measures')).toEqual(['CRC:4', 'CRC:42', 'CRC:44']);
    expect(tagsOf('Education')).toEqual(['CRC:28', 'CRC:29', 'CRC:30', 'CRC:31']);
    expect(tagsOf('Violence')).toEqual(['CRC:19', 'CRC:24', 'CRC:28', 'CRC:34', 'CRC:37', 'CRC:39']);
    // Every substantive article but 41 (higher standards elsewhere) is in a cluster.
    const covered = new Set(clusters.flatMap((s) => s.tags));
    expect(substantiveIds('CRC').filter((id) => !covered.has(id))).toEqual(['CRC:41']);
  });

  it('uses only tags the taxonomy knows, in every template for every mechanism it fits', () => {
    for (const m of MECHANISMS) {
      for (const t of templatesFor(m)) {
        for (const s of listSections(reportFrom(t, m))) for (const tag of s.tags) expect(findEntry(tag), `${t}/${m}: ${tag}`).toBeDefined();
      }
    }
  });

  it('offers the list-of-issues and follow-up templates to every treaty body, not to the UPR', () => {
    for (const m of MECHANISMS) {
      expect(templateFits('loi', m), m).toBe(m !== 'UPR');
      expect(templateFits('followup', m), m).toBe(m !== 'UPR');
      expect(MECHANISM_TREATY[m] === null, m).toBe(m === 'UPR');
    }
    expect(TEMPLATE_IDS).toEqual(expect.arrayContaining(['ccpr', 'cescr', 'cat', 'crc', 'crpd', 'cmw', 'ced', 'loi', 'followup']));
  });

  it('gives a list-of-issues submission a section per issue, each saying what the committee needs', () => {
    const doc = reportFrom('loi', 'CESCR');
    const content = reportContent(doc);
    expect(content.sections.map((s) => s.title)).toEqual(['Introduction: the coalition and the State’s reporting', 'Issue 1', 'Issue 2', 'Issue 3']);
    const issue = JSON.stringify(content.sections[1]);
    for (const heading of ['The issue', 'The evidence', 'Questions to ask the State']) expect(issue).toContain(heading);
  });

  it('gives a follow-up submission a section per follow-up recommendation with the assessment headings', () => {
    const content = reportContent(reportFrom('followup', 'CCPR'));
    expect(content.sections.map((s) => s.title)).toEqual([
      'Introduction',
      'Follow-up recommendation 1',
      'Follow-up recommendation 2',
      'Follow-up recommendation 3',
      'Recommendations',
    ]);
    const first = JSON.stringify(content.sections[1]);
    for (const heading of ['The recommendation', 'What the State has done', 'Our assessment', 'What the State should do now']) expect(first).toContain(heading);
  });
});
