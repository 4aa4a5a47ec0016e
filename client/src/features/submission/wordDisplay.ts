/**
 * The words shown beside a count and its limit, in the interface language. Near and over are said in words, not
 * only in colour, and the long form is what screen readers hear.
 */
import type { WordState, WordStatus } from '../../../../shared/submission/wordStatus.ts';
import type { EffectiveWordLimit } from '../../../../shared/submission/wordLimits.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';

export type WordTone = 'none' | 'ok' | 'near' | 'over';

export interface WordDisplay {
  tone: WordTone;
  /** Short, for a badge: "5,100 / 5,630 words". */
  count: string;
  /** The figures alone, for a badge that names the unit itself: "5,100 / 5,630". */
  figure: string;
  /** The state in words, empty when within the limit: "Near the limit", "70 over". */
  flag: string;
  /** A full sentence. */
  long: string;
}

const words = (n: number) => t('submission.words.count', { count: n });

const TONES: Record<WordState, WordTone> = { 'no-limit': 'none', within: 'ok', near: 'near', over: 'over' };

/** `kind` names the limit: the submission's word limit or a section's budget. */
export function describeWordStatus(status: WordStatus, kind: 'limit' | 'budget' = 'limit'): WordDisplay {
  const tone = TONES[status.state];
  const { words: n, limit, remaining } = status;
  if (limit === null || remaining === null) {
    return { tone, count: words(n), figure: formatNumber(n), flag: '', long: kind === 'limit' ? t('submission.words.noLimit', { count: n }) : words(n) };
  }
  const count = t('submission.words.ofLimitShort', { n, count: limit });
  const figure = `${formatNumber(n)} / ${formatNumber(limit)}`;
  const budget = kind === 'budget';
  if (status.state === 'over') {
    return {
      tone,
      count,
      figure,
      flag: t('submission.words.overFlag', { over: -remaining }),
      long: t(budget ? 'submission.words.overBudget' : 'submission.words.overLimit', { n, count: limit, over: -remaining }),
    };
  }
  if (status.state === 'near') {
    return {
      tone,
      count,
      figure,
      flag: t(budget ? 'submission.words.nearBudgetFlag' : 'submission.words.nearLimitFlag'),
      long: t(budget ? 'submission.words.nearBudget' : 'submission.words.nearLimit', { n, count: limit, remaining }),
    };
  }
  return { tone, count, figure, flag: '', long: t('submission.words.within', { n, count: limit, remaining }) };
}

/** "footnotes and annexes are not counted" from the limit's rule. */
export function notCountedText(limit: Pick<EffectiveWordLimit, 'notCounted'>): string {
  const notes = limit.notCounted.includes('footnotes');
  const annexes = limit.notCounted.includes('annexes');
  if (notes && annexes) return t('submission.words.notCountedBoth');
  if (notes) return t('submission.words.notCountedFootnotes');
  if (annexes) return t('submission.words.notCountedAnnexes');
  return t('submission.words.allCounted');
}

/** Where the limit comes from, in one line. */
export function limitOrigin(limit: EffectiveWordLimit, mechanism: string, submissionType: string | null): string {
  if (limit.from === 'report') return t('submission.words.originReport');
  if (limit.words === null) return t('submission.coverForm.noOfficialLimit', { mechanism });
  if (mechanism === 'UPR') {
    if (submissionType === 'joint') return t('submission.words.originUprJoint');
    return submissionType ? t('submission.words.originUprOne') : t('submission.words.originUprOneUntilJoint');
  }
  return t('submission.words.originTable', { mechanism });
}
