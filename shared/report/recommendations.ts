/** Every recommendation block of a report in one list, in document order, each with its SMART assessment. */
import type * as Y from 'yjs';
import { assessRecommendation, type SmartAssessment } from '../recommendations/smart.ts';
import { RECOMMENDATION_NODE } from '../schema/nodeNames.ts';
import { nodeText, sectionContent, type PmNode } from './content.ts';
import { listSections } from './layout.ts';
import { FOOTNOTE_NODE, withoutNodes } from './submissionWords.ts';

export interface RecommendationBlock {
  /** 1-based, through the report in document order. */
  number: number;
  sectionId: string;
  sectionTitle: string;
  /** Position among the section's recommendations, 0-based. */
  indexInSection: number;
  addressee: string | null;
  tags: string[];
  /** Plain text, footnotes left out. */
  text: string;
  smart: SmartAssessment;
}

function blocksIn(node: PmNode, out: PmNode[]): PmNode[] {
  if (node.type === RECOMMENDATION_NODE) out.push(node);
  else for (const c of node.content ?? []) blocksIn(c, out);
  return out;
}

const NOTES = new Set([FOOTNOTE_NODE]);

export function listRecommendations(doc: Y.Doc): RecommendationBlock[] {
  const out: RecommendationBlock[] = [];
  for (const section of listSections(doc)) {
    blocksIn(sectionContent(doc, section).content, []).forEach((node, indexInSection) => {
      const addressee = typeof node.attrs?.addressee === 'string' && node.attrs.addressee.trim() ? node.attrs.addressee : null;
      const tags = Array.isArray(node.attrs?.tags) ? node.attrs.tags.filter((t): t is string => typeof t === 'string') : [];
      const text = nodeText(withoutNodes(node, NOTES)).replace(/\n/g, ' ');
      out.push({
        number: out.length + 1,
        sectionId: section.id,
        sectionTitle: section.title,
        indexInSection,
        addressee,
        tags,
        text,
        smart: assessRecommendation(text, { addressee }),
      });
    });
  }
  return out;
}
