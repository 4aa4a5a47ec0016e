/**
 * The recommendations the State received before: in the previous UPR cycle, or in the committee's previous
 * concluding observations. Entered or pasted once per report, cited from sections as tags, and each given the
 * coalition's assessment of its implementation (the matrix annex).
 *
 * ```
 * Y.Map "earlierRecommendations"   <tag id "REC:<symbol>:<paragraph>"> -> Y.Map
 *     symbol: string               "A/HRC/46/15", "CERD/C/FRE/CO/10-12"
 *     paragraph: string            "26.45", "23(b)"
 *     text: string
 *     recommendedBy: string[]      recommending States (UPR) or the committee
 *     response: 'supported' | 'noted'              absent while unknown or pending
 *     assessment: 'implemented' | 'partially-implemented' | 'not-implemented'   absent until assessed
 *     comment: string              the coalition's comment on implementation
 * ```
 *
 * Keyed by the tag id, so the same recommendation pasted twice (or by two people) is one entry, and each field
 * is its own key, so one person assessing while another corrects the text both keep their change.
 */
import * as Y from 'yjs';
import { earlierRecommendationsMap } from './layout.ts';
import { compareTagIds, normaliseParagraph, normaliseSymbol, recommendationTagId } from '../taxonomy/tagIds.ts';

export const RESPONSES = ['supported', 'noted'] as const;
export type RecommendationResponse = (typeof RESPONSES)[number];
export const ASSESSMENTS = ['implemented', 'partially-implemented', 'not-implemented'] as const;
export type ImplementationAssessment = (typeof ASSESSMENTS)[number];

export interface EarlierRecommendation {
  /** The tag id sections cite it by: REC:<symbol>:<paragraph>. */
  id: string;
  symbol: string;
  paragraph: string;
  text: string;
  recommendedBy: string[];
  response: RecommendationResponse | null;
  assessment: ImplementationAssessment | null;
  comment: string;
}

/** What a writer enters or the paste parser produces; the assessment comes later. */
export interface NewEarlierRecommendation {
  symbol: string;
  paragraph: string;
  text: string;
  recommendedBy?: string[];
  response?: RecommendationResponse | null;
}

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

function read(id: string, map: Y.Map<unknown>): EarlierRecommendation {
  const text = (key: string) => {
    const v = map.get(key);
    return typeof v === 'string' ? v : '';
  };
  const by = map.get('recommendedBy');
  const response = map.get('response');
  const assessment = map.get('assessment');
  return {
    id,
    symbol: text('symbol'),
    paragraph: text('paragraph'),
    text: text('text'),
    recommendedBy: Array.isArray(by) ? by.filter((s): s is string => typeof s === 'string') : [],
    response: isOneOf(RESPONSES, response) ? response : null,
    assessment: isOneOf(ASSESSMENTS, assessment) ? assessment : null,
    comment: text('comment'),
  };
}

/** Every earlier recommendation, by document symbol and then paragraph (26.2 before 26.10). */
export function listEarlierRecommendations(doc: Y.Doc): EarlierRecommendation[] {
  const out: EarlierRecommendation[] = [];
  earlierRecommendationsMap(doc).forEach((value, id) => {
    if (value instanceof Y.Map) out.push(read(id, value));
  });
  return out.sort((a, b) => compareTagIds(a.id, b.id));
}

export function getEarlierRecommendation(doc: Y.Doc, id: string): EarlierRecommendation | null {
  const map = earlierRecommendationsMap(doc).get(id);
  return map instanceof Y.Map ? read(id, map) : null;
}

/**
 * Add recommendations, or refresh the source fields (text, recommending States, response) of ones already
 * there; the coalition's assessment and comment are never overwritten. Returns the ids written and the
 * entries refused because their symbol or paragraph cannot form an id.
 */
export function addEarlierRecommendations(
  doc: Y.Doc,
  list: NewEarlierRecommendation[],
  origin?: unknown,
): { ids: string[]; refused: NewEarlierRecommendation[] } {
  const ids: string[] = [];
  const refused: NewEarlierRecommendation[] = [];
  const all = earlierRecommendationsMap(doc);
  doc.transact(() => {
    for (const rec of list) {
      const id = recommendationTagId(rec.symbol, rec.paragraph);
      if (!id) {
        refused.push(rec);
        continue;
      }
      let map = all.get(id);
      if (!(map instanceof Y.Map)) {
        map = new Y.Map<unknown>();
        all.set(id, map);
        map.set('symbol', normaliseSymbol(rec.symbol));
        map.set('paragraph', normaliseParagraph(rec.paragraph));
      }
      map.set('text', rec.text.trim());
      if (rec.recommendedBy) map.set('recommendedBy', rec.recommendedBy);
      if (rec.response) map.set('response', rec.response);
      ids.push(id);
    }
  }, origin);
  return { ids, refused };
}

export interface EarlierRecommendationPatch {
  text?: string;
  recommendedBy?: string[];
  response?: RecommendationResponse | null;
  assessment?: ImplementationAssessment | null;
  comment?: string;
}

/** Change some fields of one entry; null clears a response or an assessment. Unknown ids are ignored. */
export function updateEarlierRecommendation(doc: Y.Doc, id: string, patch: EarlierRecommendationPatch, origin?: unknown): void {
  const map = earlierRecommendationsMap(doc).get(id);
  if (!(map instanceof Y.Map)) return;
  doc.transact(() => {
    if (patch.text !== undefined) map.set('text', patch.text);
    if (patch.recommendedBy !== undefined) map.set('recommendedBy', patch.recommendedBy);
    if (patch.comment !== undefined) map.set('comment', patch.comment);
    if (patch.response !== undefined) {
      if (patch.response === null) map.delete('response');
      else if (isOneOf(RESPONSES, patch.response)) map.set('response', patch.response);
    }
    if (patch.assessment !== undefined) {
      if (patch.assessment === null) map.delete('assessment');
      else if (isOneOf(ASSESSMENTS, patch.assessment)) map.set('assessment', patch.assessment);
    }
  }, origin);
}

export function deleteEarlierRecommendation(doc: Y.Doc, id: string, origin?: unknown): void {
  const all = earlierRecommendationsMap(doc);
  if (all.has(id)) doc.transact(() => all.delete(id), origin);
}

/** Call `listener` when any earlier recommendation changes; returns the unsubscribe function. */
export function observeEarlierRecommendations(doc: Y.Doc, listener: () => void): () => void {
  const all = earlierRecommendationsMap(doc);
  const onChange = () => listener();
  all.observeDeep(onChange);
  return () => all.unobserveDeep(onChange);
}

/** "A/HRC/46/15 para. 26.45 (Germany)": how a tag chip names an earlier recommendation. */
export function earlierRecommendationLabel(rec: Pick<EarlierRecommendation, 'symbol' | 'paragraph' | 'recommendedBy'>): string {
  const by = rec.recommendedBy.length > 0 ? ` (${rec.recommendedBy.join(', ')})` : '';
  return `${rec.symbol} para. ${rec.paragraph}${by}`;
}
