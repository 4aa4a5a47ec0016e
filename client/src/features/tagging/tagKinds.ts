import type { TagKind } from '../../../../shared/taxonomy/tagIds.ts';

/** How the picker and chips name each kind of tag: message keys, translated where shown. */
export const TAG_KIND_LABELS: Record<TagKind, string> = {
  article: 'submission.tagKind.article',
  'sdg-goal': 'submission.tagKind.sdgGoal',
  'sdg-target': 'submission.tagKind.sdgTarget',
  'sdg-indicator': 'submission.tagKind.sdgIndicator',
  'general-comment': 'submission.tagKind.generalComment',
  'upr-theme': 'submission.tagKind.uprTheme',
  'upr-group': 'submission.tagKind.uprGroup',
  recommendation: 'submission.tagKind.recommendation',
  unknown: 'submission.tagKind.unknown',
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
