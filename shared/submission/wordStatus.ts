/** How close a word count is to its limit, for the warnings writers see while they type. */

/** From this share of the limit on, a count is "near" the limit. */
export const NEAR_LIMIT_RATIO = 0.9;

export type WordState = 'no-limit' | 'within' | 'near' | 'over';

export interface WordStatus {
  state: WordState;
  words: number;
  limit: number | null;
  /** Words left before the limit (negative when over), or null without a limit. */
  remaining: number | null;
}

export function wordStatus(words: number, limit: number | null, nearRatio = NEAR_LIMIT_RATIO): WordStatus {
  if (limit === null) return { state: 'no-limit', words, limit, remaining: null };
  const state: WordState = words > limit ? 'over' : words >= Math.ceil(limit * nearRatio) ? 'near' : 'within';
  return { state, words, limit, remaining: limit - words };
}
