/**
 * The sections each template starts a report with, pre-tagged where a section is about one article. Treaty
 * body templates follow the usual shape of a shadow report (introduction, methodology and coalition, the
 * articles or issues, recommendations); the UPR one follows OHCHR's guidance that stakeholders focus on the
 * follow-up of the previous cycle's recommendations.
 */
import type { Mechanism } from '../api/mechanisms.ts';
import type { SubmissionType } from '../report/coverFields.ts';
import { MECHANISM_TREATY, treatyArticles } from '../taxonomy/treaties.ts';
import type { TreatyId } from '../taxonomy/tagIds.ts';
import type { TemplateId } from './templateIds.ts';

export interface TemplateSection {
  title: string;
  tags: string[];
}

/** Articles `first` to `last` of a treaty, one section each, tagged with the article. */
function articleSections(treaty: TreatyId, first: number, last: number): TemplateSection[] {
  return treatyArticles(treaty)
    .filter((a) => a.article !== undefined && a.article >= first && a.article <= last)
    .map((a) => ({ title: `Article ${a.article}${a.heading ? `: ${a.heading}` : ''}`, tags: [a.id] }));
}

const section = (title: string): TemplateSection => ({ title, tags: [] });

function treatyBody(middle: TemplateSection[]): TemplateSection[] {
  return [section('Introduction'), section('Methodology and the coalition'), ...middle, section('Recommendations')];
}

function upr(submissionType: SubmissionType | null): TemplateSection[] {
  const organisations = submissionType === 'joint' ? 'the submitting organisations' : 'the submitting organisation';
  return [
    section(`Introduction and ${organisations}`),
    section('Methodology and consultation'),
    section("Follow-up of the previous cycle's recommendations"),
    section('Thematic issues'),
    section('Recommendations'),
  ];
}

/** The sections of a template for a report on `mechanism`. */
export function templateSections(id: TemplateId, mechanism: Mechanism, submissionType: SubmissionType | null): TemplateSection[] {
  switch (id) {
    case 'cerd':
      return treatyBody(articleSections('ICERD', 2, 7));
    case 'cedaw':
      return treatyBody(articleSections('CEDAW', 1, 16));
    case 'upr':
      return upr(submissionType);
    case 'treaty': {
      const treaty = MECHANISM_TREATY[mechanism];
      return treatyBody([
        section('Follow-up of the previous concluding observations'),
        section(`Issues under ${treaty ?? 'the treaty'}`),
      ]);
    }
  }
}
