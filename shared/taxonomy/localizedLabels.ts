/**
 * SDG tags in the interface language: the goals', targets' and indicators' own words from the reference data's
 * translations (generated/sdg-labels/<language>.json), with the interface's words around them ("ODD 5 : …",
 * "Cible 5.2 des ODD") passed in as `SdgLabelFormats` (the client's messages). Whatever a language's file lacks
 * falls back to English, field by field; tags of any other kind are returned unchanged (treaty texts and UPR
 * themes are English only in the data set).
 */
import type { TagKind } from './tagIds.ts';

/** The languages with SDG translations in the data set (English is generated/sdg.json itself). */
export const SDG_LABEL_LANGUAGES = ['ar', 'zh', 'fr', 'ru', 'es'] as const;
export type SdgLabelLanguage = (typeof SDG_LABEL_LANGUAGES)[number];

export function hasSdgLabels(language: string): language is SdgLabelLanguage {
  return (SDG_LABEL_LANGUAGES as readonly string[]).includes(language);
}

/** One language's generated file. */
export interface SdgLabelFile {
  goals: { n: number; short: string | null; title: string | null }[];
  targets: Record<string, string>;
  indicators: Record<string, string>;
}

/** The words around the data's words, in the interface language. */
export interface SdgLabelFormats {
  /** "SDG 5: Gender equality". */
  goal(n: string, name: string): string;
  /** "SDG target 5.2". */
  target(code: string): string;
  /** "SDG indicator 5.2.1". */
  indicator(code: string): string;
}

/** Labels ready for lookups. */
export interface SdgLabels {
  goals: Map<string, { short: string | null; title: string | null }>;
  targets: Map<string, string>;
  indicators: Map<string, string>;
}

export function sdgLabels(file: SdgLabelFile): SdgLabels {
  return {
    goals: new Map(file.goals.map((g) => [String(g.n), { short: g.short, title: g.title }])),
    targets: new Map(Object.entries(file.targets)),
    indicators: new Map(Object.entries(file.indicators)),
  };
}

/** Anything with a tag's id, kind, label and text: taxonomy entries, tag descriptions, coverage items. */
export interface Labelled {
  id: string;
  kind?: TagKind;
  label: string;
  text?: string;
}

const SDG_ID = /^SDG:(\d{1,2}(?:\.[0-9a-z]+){0,2})$/;

/** The kind an SDG id names (SDG:5 goal, SDG:5.2 target, SDG:5.2.1 indicator), or null for any other id. */
function sdgKind(id: string): { code: string; kind: 'sdg-goal' | 'sdg-target' | 'sdg-indicator' } | null {
  const m = SDG_ID.exec(id);
  if (!m) return null;
  const depth = m[1]!.split('.').length;
  return { code: m[1]!, kind: depth === 1 ? 'sdg-goal' : depth === 2 ? 'sdg-target' : 'sdg-indicator' };
}

/** The English short title of a goal from its English label ("SDG 5: Gender equality" -> "Gender equality"). */
function englishGoalName(label: string): string {
  const i = label.indexOf(': ');
  return i >= 0 ? label.slice(i + 2) : label;
}

/**
 * The same tag with its label and text in the labels' language. Without labels (English, or while a language's
 * file loads), or for a tag that is not an SDG goal, target or indicator, the tag itself is returned.
 */
export function localizeTag<T extends Labelled>(tag: T, labels: SdgLabels | null, formats: SdgLabelFormats): T {
  if (!labels) return tag;
  if (tag.kind && tag.kind !== 'sdg-goal' && tag.kind !== 'sdg-target' && tag.kind !== 'sdg-indicator') return tag;
  const sdg = sdgKind(tag.id);
  if (!sdg) return tag;
  if (sdg.kind === 'sdg-goal') {
    const own = labels.goals.get(sdg.code);
    const name = own?.short ?? englishGoalName(tag.label);
    const text = own?.title ?? tag.text;
    return { ...tag, label: formats.goal(sdg.code, name), ...(text !== undefined ? { text } : {}) };
  }
  const own = sdg.kind === 'sdg-target' ? labels.targets.get(sdg.code) : labels.indicators.get(sdg.code);
  const label = sdg.kind === 'sdg-target' ? formats.target(sdg.code) : formats.indicator(sdg.code);
  const text = own ?? tag.text;
  return { ...tag, label, ...(text !== undefined ? { text } : {}) };
}
