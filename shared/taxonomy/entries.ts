/**
 * Every tag the taxonomy offers, built once from the generated files: treaty articles, SDG goals, targets and
 * indicators, general recommendations and comments, UPR themes and groups of persons. Works the same in the
 * browser (bundled) and on the server.
 */
import treatiesData from './generated/treaties.json';
import sdgData from './generated/sdg.json';
import commentsData from './generated/generalComments.json';
import uprData from './generated/upr.json';
import provisionsData from './generated/provisions.json';
import { partAncestors } from './provisions.ts';
import {
  articleTagId,
  generalCommentTagId,
  sdgTagId,
  UPR_GROUP_PREFIX,
  UPR_THEME_PREFIX,
  type TagKind,
  type TreatyId,
} from './tagIds.ts';

export type EntryKind = Exclude<TagKind, 'recommendation' | 'unknown'>;

export interface TaxonomyEntry {
  id: string;
  kind: EntryKind;
  /** Short name for chips and lists ("CEDAW article 10: Education", "SDG 5: Gender equality"). */
  label: string;
  /** Longer text: an article's first sentence, a target's wording, a general comment's title. */
  text: string;
  /** The entry one level up: an SDG target's goal, an indicator's target. */
  parent?: string;
  treaty?: TreatyId;
  article?: number;
  /** Treaty articles only: the official caption where one exists (CEDAW, CRPD). */
  heading?: string;
  /** Treaty articles only: rights and obligations rather than monitoring or final clauses. */
  substantive?: boolean;
  /** A paragraph or sub-paragraph of the article ("(e)(iii)"); absent for the whole article. */
  part?: string;
}

interface Built {
  list: TaxonomyEntry[];
  byId: Map<string, TaxonomyEntry>;
}

function articles(): TaxonomyEntry[] {
  return treatiesData.treaties.flatMap((t) =>
    t.articles.map((a) => ({
      id: articleTagId(t.id, a.n),
      kind: 'article' as const,
      label: `${t.id} article ${a.n}${a.heading ? `: ${a.heading}` : ''}`,
      text: a.first,
      treaty: t.id as TreatyId,
      article: a.n,
      ...(a.heading ? { heading: a.heading } : {}),
      substantive: a.substantive,
    })),
  );
}

/** "ICERD article 5(e)(iii)", "CEDAW article 11(1)(b): Employment". */
export function articlePartLabel(treaty: string, article: number, part: string, heading?: string | null): string {
  return `${treaty} article ${article}${part}${heading ? `: ${heading}` : ''}`;
}

/** Paragraphs and sub-paragraphs of the substantive articles, each with the words of the lines above it. */
function articleParts(wholeArticles: TaxonomyEntry[]): TaxonomyEntry[] {
  const byId = new Map(wholeArticles.map((a) => [a.id, a]));
  return provisionsData.treaties.flatMap((t) =>
    t.articles.flatMap((a) => {
      const article = byId.get(articleTagId(t.id, a.n));
      const own = new Map(a.parts.map((p) => [p.part, p.text]));
      return a.parts.map((p) => ({
        id: `${articleTagId(t.id, a.n)}${p.part}`,
        kind: 'article' as const,
        label: articlePartLabel(t.id, a.n, p.part, article?.heading),
        text: [...partAncestors(p.part).reverse().map((up) => own.get(up) ?? ''), p.text].filter(Boolean).join(' '),
        parent: articleTagId(t.id, a.n),
        treaty: t.id as TreatyId,
        article: a.n,
        part: p.part,
        substantive: true,
      }));
    }),
  );
}

function sdgs(): TaxonomyEntry[] {
  const goals = sdgData.goals.map((g) => ({ id: sdgTagId(g.n), kind: 'sdg-goal' as const, label: `SDG ${g.n}: ${g.short}`, text: g.title }));
  const parentOf = (id: string) => id.slice(0, id.lastIndexOf('.'));
  const below = (kind: 'sdg-target' | 'sdg-indicator', noun: string) => (x: { id: string; text: string }) => ({
    id: sdgTagId(x.id),
    kind,
    label: `SDG ${noun} ${x.id}`,
    text: x.text,
    parent: sdgTagId(parentOf(x.id)),
  });
  const targets = sdgData.targets.map(below('sdg-target', 'target'));
  const indicators = sdgData.indicators.map(below('sdg-indicator', 'indicator'));
  return [...goals, ...targets, ...indicators];
}

function generalComments(): TaxonomyEntry[] {
  return commentsData.items.map((c) => {
    const joint = 'jointWith' in c && c.jointWith ? ` (joint with ${c.jointWith.join(', ')})` : '';
    return {
      id: generalCommentTagId(c.body, c.n),
      kind: 'general-comment' as const,
      label: `${c.body} ${c.type.toLowerCase()} No. ${c.n}${c.year ? ` (${c.year})` : ''}`,
      text: c.title + joint,
    };
  });
}

function upr(): TaxonomyEntry[] {
  const themes = uprData.themes.map((t) => ({
    id: `${UPR_THEME_PREFIX}:${t.slug}`,
    kind: 'upr-theme' as const,
    label: t.label,
    text: 'UPR theme (Universal Human Rights Index)',
  }));
  const groups = uprData.groups.map((g) => ({
    id: `${UPR_GROUP_PREFIX}:${g.slug}`,
    kind: 'upr-group' as const,
    label: g.label,
    text: 'Group of persons (Universal Human Rights Index)',
  }));
  return [...themes, ...groups];
}

let built: Built | null = null;

function build(): Built {
  if (!built) {
    const whole = articles();
    const list = [...whole, ...articleParts(whole), ...sdgs(), ...generalComments(), ...upr()];
    built = { list, byId: new Map(list.map((e) => [e.id, e])) };
  }
  return built;
}

/** All entries, in a stable order (articles, SDGs, general comments, UPR). */
export function taxonomyEntries(): readonly TaxonomyEntry[] {
  return build().list;
}

export function findEntry(id: string): TaxonomyEntry | undefined {
  return build().byId.get(id);
}

/** Where each generated file came from and under which terms, for an "about the data" page and the API. */
export const TAXONOMY_SOURCES = {
  treaties: treatiesData.meta,
  sdg: sdgData.meta,
  generalComments: commentsData.meta,
  upr: uprData.meta,
} as const;

/** The State's possible responses to a UPR recommendation (OHCHR positions). */
export const UPR_RESPONSES = uprData.responses;
