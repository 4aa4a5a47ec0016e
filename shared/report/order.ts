import { generateKeyBetween } from 'fractional-indexing';

/**
 * Fractional-index keys for section order. Sections sort by `order`, then id, so two sections may share a
 * key (two people appended at once) or carry a key written by another tool; neither may make a move throw.
 */
const KEY_PATTERN = /^[a-zA-Z][0-9a-zA-Z]*$/;

function isValidKey(key: string): boolean {
  if (!KEY_PATTERN.test(key)) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/** A key strictly between `lower` and `upper` (either may be null for an open end). */
export function orderBetween(lower: string | null, upper: string | null): string {
  const a = lower !== null && isValidKey(lower) ? lower : null;
  let b = upper !== null && isValidKey(upper) ? upper : null;
  if (a !== null && b !== null && a >= b) b = null;
  try {
    return generateKeyBetween(a, b);
  } catch {
    return generateKeyBetween(a, null);
  }
}

/** Compare two sections the way every client displays them: by order key, then by id. */
export function compareOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
