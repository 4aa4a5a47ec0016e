/**
 * The words shown beside a count and its limit. Near and over are said in words, not only in colour, and
 * the long form is what screen readers hear.
 */
import type { WordState, WordStatus } from '../../../../shared/submission/wordStatus.ts';
import type { EffectiveWordLimit } from '../../../../shared/submission/wordLimits.ts';

export type WordTone = 'none' | 'ok' | 'near' | 'over';

export interface WordDisplay {
  tone: WordTone;
  /** Short, for a badge: "5,100 / 5,630 words". */
  count: string;
  /** The state in words, empty when within the limit: "Near the limit", "70 over". */
  flag: string;
  /** A full sentence. */
  long: string;
}

const fmt = (n: number) => n.toLocaleString('en-GB');
const words = (n: number) => `${fmt(n)} ${n === 1 ? 'word' : 'words'}`;

const TONES: Record<WordState, WordTone> = { 'no-limit': 'none', within: 'ok', near: 'near', over: 'over' };

/** `kind` names the limit: the submission's word limit or a section's budget. */
export function describeWordStatus(status: WordStatus, kind: 'limit' | 'budget' = 'limit'): WordDisplay {
  const tone = TONES[status.state];
  const { words: n, limit, remaining } = status;
  if (limit === null || remaining === null) {
    return { tone, count: words(n), flag: '', long: kind === 'limit' ? `${words(n)}; no word limit applies.` : words(n) };
  }
  const count = `${fmt(n)} / ${words(limit)}`;
  if (status.state === 'over') {
    return { tone, count, flag: `${fmt(-remaining)} over`, long: `Over the ${kind}: ${fmt(n)} of ${words(limit)}, ${fmt(-remaining)} too many.` };
  }
  if (status.state === 'near') {
    return { tone, count, flag: `Near the ${kind}`, long: `Near the ${kind}: ${fmt(n)} of ${words(limit)}, ${fmt(remaining)} left.` };
  }
  return { tone, count, flag: '', long: `${fmt(n)} of ${words(limit)} (${fmt(remaining)} left).` };
}

/** "footnotes and annexes are not counted" from the limit's rule. */
export function notCountedText(limit: Pick<EffectiveWordLimit, 'notCounted'>): string {
  if (limit.notCounted.length === 0) return 'Everything is counted.';
  const parts = limit.notCounted.map((p) => (p === 'footnotes' ? 'footnotes' : 'annexes'));
  return `${parts.join(' and ').replace(/^./, (c) => c.toUpperCase())} are not counted.`;
}

/** Where the limit comes from, in one line. */
export function limitOrigin(limit: EffectiveWordLimit, mechanism: string, submissionType: string | null): string {
  if (limit.from === 'report') return "This report's own limit, set in the cover information.";
  if (limit.words === null) return `No official word limit is known for ${mechanism}.`;
  if (mechanism === 'UPR') return `The UPR limit for ${submissionType === 'joint' ? 'a joint submission' : 'one organisation'}${submissionType ? '' : ' (until the submission is marked joint)'}.`;
  return `The ${mechanism} limit.`;
}
