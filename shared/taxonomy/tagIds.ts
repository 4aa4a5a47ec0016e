/**
 * The grammar of tag ids: short, stable strings that read well in the document, exports and the API.
 *
 * ```
 * ICERD:5  CEDAW:10  ICCPR:19  ICESCR:11  CAT:14  CRC:28  CRPD:24      treaty articles
 * ICMW:16  CPED:24                                                    (the treaty's own abbreviation, as the data set names it)
 * ICERD:5(e)(iv)  CEDAW:11(1)(b)  ICCPR:19(2)                          their paragraphs and sub-paragraphs
 * SDG:5  SDG:5.2  SDG:5.2.1                                            goal, target, indicator
 * CERD-GR:35  CEDAW-GR:30/Add.1  CCPR-GC:37  CESCR-GC:24 ...          general recommendations / comments
 * UPR-THEME:right-to-education  UPR-GROUP:migrants                     UPR (UHRI) themes and groups of persons
 * REC:A/HRC/46/15:26.45                                                an earlier recommendation: symbol, paragraph
 * ```
 */
export const TAG_KINDS = [
  'article',
  'sdg-goal',
  'sdg-target',
  'sdg-indicator',
  'general-comment',
  'upr-theme',
  'upr-group',
  'recommendation',
  'unknown',
] as const;
export type TagKind = (typeof TAG_KINDS)[number];

/** The treaties whose articles are tags, by the id used in tag ids. */
export const TREATY_IDS = ['ICERD', 'ICCPR', 'ICESCR', 'CEDAW', 'CAT', 'CRC', 'CRPD', 'ICMW', 'CPED'] as const;
export type TreatyId = (typeof TREATY_IDS)[number];

/** Id prefix of each committee's general recommendations (CERD, CEDAW) or general comments (the others). */
export const GENERAL_COMMENT_PREFIXES: Record<string, string> = {
  CERD: 'CERD-GR',
  CEDAW: 'CEDAW-GR',
  CCPR: 'CCPR-GC',
  CESCR: 'CESCR-GC',
  CAT: 'CAT-GC',
  CRC: 'CRC-GC',
  CRPD: 'CRPD-GC',
  CMW: 'CMW-GC',
  CED: 'CED-GC',
};

export const SDG_PREFIX = 'SDG';
export const UPR_THEME_PREFIX = 'UPR-THEME';
export const UPR_GROUP_PREFIX = 'UPR-GROUP';
export const RECOMMENDATION_PREFIX = 'REC';

export const articleTagId = (treaty: string, article: number): string => `${treaty}:${article}`;

/** `ICERD:5(e)(iv)`: an article, then up to three bracketed parts (a paragraph number, a letter, a roman numeral). */
const ARTICLE_ID = /^(ICERD|ICCPR|ICESCR|CEDAW|CAT|CRC|CRPD):([1-9][0-9]?)((?:\((?:[1-9][0-9]?|[a-z]|[ivx]{1,5})\)){0,3})$/;

export interface ArticleTag {
  treaty: TreatyId;
  article: number;
  /** "(e)(iv)", "(1)(b)"; empty for the whole article. */
  part: string;
}

/** An article or sub-paragraph id taken apart, or null when `id` is not one. */
export function parseArticleTagId(id: string): ArticleTag | null {
  const m = ARTICLE_ID.exec(id);
  return m ? { treaty: m[1] as TreatyId, article: Number(m[2]), part: m[3] ?? '' } : null;
}

/** The whole article a sub-paragraph id belongs to (ICERD:5(e)(iv) -> ICERD:5); null for anything else. */
export function articleOfPart(id: string): string | null {
  const tag = parseArticleTagId(id);
  return tag && tag.part ? articleTagId(tag.treaty, tag.article) : null;
}
export const sdgTagId = (code: string | number): string => `${SDG_PREFIX}:${code}`;
export const generalCommentTagId = (body: string, number: string): string => `${GENERAL_COMMENT_PREFIXES[body] ?? `${body}-GC`}:${number}`;

/** A readable, stable slug for a UPR theme or group label ("Access to justice & remedy" -> access-to-justice-and-remedy). */
export function themeSlug(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A document symbol as the UN writes it ("A/HRC/46/15", "CERD/C/USA/CO/10-12"): no spaces, no colon. */
const SYMBOL = /^[A-Za-z0-9][A-Za-z0-9/.\-()]*$/;
/** A paragraph number ("26.45", "23 (b)" is written "23(b)"). */
const PARAGRAPH = /^[0-9A-Za-z][0-9A-Za-z.()\-]*$/;

export function normaliseSymbol(symbol: string): string {
  return symbol.trim().replace(/\s+/g, '');
}

export function normaliseParagraph(paragraph: string): string {
  return paragraph.trim().replace(/\s+/g, '').replace(/\.+$/, '');
}

/** `REC:<symbol>:<paragraph>`, or null when either part cannot form a stable id. */
export function recommendationTagId(symbol: string, paragraph: string): string | null {
  const s = normaliseSymbol(symbol);
  const p = normaliseParagraph(paragraph);
  if (!SYMBOL.test(s) || !PARAGRAPH.test(p)) return null;
  return `${RECOMMENDATION_PREFIX}:${s}:${p}`;
}

export function parseRecommendationTagId(id: string): { symbol: string; paragraph: string } | null {
  if (!id.startsWith(`${RECOMMENDATION_PREFIX}:`)) return null;
  const rest = id.slice(RECOMMENDATION_PREFIX.length + 1);
  const at = rest.lastIndexOf(':');
  if (at <= 0) return null;
  const symbol = rest.slice(0, at);
  const paragraph = rest.slice(at + 1);
  return SYMBOL.test(symbol) && PARAGRAPH.test(paragraph) ? { symbol, paragraph } : null;
}

/** Compare ids so that numbers sort as numbers: ICERD:2 < ICERD:10, SDG:5.2 < SDG:5.10 < SDG:5.a. */
export function compareTagIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

/** The SDG goal a goal, target or indicator id belongs to (SDG:5.2.1 -> 5), or null. */
export function sdgGoalOf(id: string): number | null {
  const m = /^SDG:(\d{1,2})(?:\.[0-9a-z]+){0,2}$/.exec(id);
  return m ? Number(m[1]) : null;
}

/**
 * Whether a section tagged `tag` is about `subject`: the same id, a narrower SDG id (SDG:5.2 and SDG:5.2.1
 * are about SDG:5; SDG:5.2.1 is about SDG:5.2), or a part of an article (ICERD:5(e)(iv) is about ICERD:5 and
 * ICERD:5(e)).
 */
export function tagIsAbout(tag: string, subject: string): boolean {
  if (tag === subject) return true;
  if (subject.startsWith(`${SDG_PREFIX}:`)) return tag.startsWith(`${subject}.`);
  return tag.startsWith(`${subject}(`) && parseArticleTagId(tag) !== null && parseArticleTagId(subject) !== null;
}
