import type { TagKind } from '../../../../shared/taxonomy/tagIds.ts';

/** How the picker and chips name each kind of tag. */
export const TAG_KIND_LABELS: Record<TagKind, string> = {
  article: 'Treaty article',
  'sdg-goal': 'SDG',
  'sdg-target': 'SDG target',
  'sdg-indicator': 'SDG indicator',
  'general-comment': 'General comment',
  'upr-theme': 'UPR theme',
  'upr-group': 'Group of persons',
  recommendation: 'Earlier recommendation',
  unknown: 'Unknown tag',
};

/** Colour family of a chip: one per kind of source, so a row of chips reads at a glance. */
export function tagTone(kind: TagKind): 'article' | 'sdg' | 'comment' | 'upr' | 'rec' | 'unknown' {
  if (kind === 'article') return 'article';
  if (kind.startsWith('sdg')) return 'sdg';
  if (kind === 'general-comment') return 'comment';
  if (kind === 'upr-theme' || kind === 'upr-group') return 'upr';
  if (kind === 'recommendation') return 'rec';
  return 'unknown';
}
