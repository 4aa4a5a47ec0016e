/**
 * The sections each template (catalogue.ts) starts a report with: its parts made into sections, the treaty's
 * articles titled from the taxonomy ("Article 10: Education" where the article has an official caption,
 * "Article 7" where it has none) and tagged with their article ids.
 */
import type { Mechanism } from '../api/mechanisms.ts';
import type { SubmissionType } from '../report/coverFields.ts';
import { MECHANISM_TREATY, substantiveArticles } from '../taxonomy/treaties.ts';
import { documentWords, fill, sectionTitle } from '../i18n/documentWords.ts';
import type { Guidance, TemplatePart } from './catalogue.ts';
import { templateDefinition, type TemplateId } from './templateIds.ts';

export interface TemplateSection {
  title: string;
  tags: string[];
  /** Headings and paragraphs the template writes into the section's text. */
  guidance: Guidance[];
}

function partSections(part: TemplatePart, mechanism: Mechanism, submissionType: SubmissionType | null, language: string): TemplateSection[] {
  const treaty = MECHANISM_TREATY[mechanism];
  switch (part.kind) {
    case 'section': {
      const title = submissionType === 'joint' && part.jointTitle ? part.jointTitle : part.title;
      return [{ title: sectionTitle(title, language).replace('{treaty}', treaty ?? 'the treaty'), tags: [], guidance: [...(part.guidance ?? [])] }];
    }
    case 'articles':
      if (!treaty) return [];
      return substantiveArticles(treaty)
        .filter((a) => a.article! >= (part.first ?? 1) && a.article! <= (part.last ?? Infinity))
        // The articles' captions exist in English only: other languages get the article's number alone.
        .map((a) => ({ title: articleTitle(a.article!, a.heading, language), tags: [a.id], guidance: [] }));
    case 'group':
      return [{ title: sectionTitle(part.title, language), tags: [...part.tags], guidance: [] }];
  }
}

function articleTitle(article: number, heading: string | undefined, language: string): string {
  const english = !language || language.toLowerCase().startsWith('en');
  if (english) return `Article ${article}${heading ? `: ${heading}` : ''}`;
  return fill(documentWords(language).article, { n: article });
}

/** The sections of a template for a report on `mechanism`, titled in the report's `language` (BCP 47; '' English). */
export function templateSections(id: TemplateId, mechanism: Mechanism, submissionType: SubmissionType | null, language = ''): TemplateSection[] {
  return templateDefinition(id).parts.flatMap((part) => partSections(part, mechanism, submissionType, language));
}
