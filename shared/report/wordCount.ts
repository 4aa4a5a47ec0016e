/**
 * Words as word processors and the UN secretariat count them: runs of letters or digits (with inner
 * apostrophes, hyphens, dots and commas, so "State's", "follow-up", "1.5" and "10,000" are one word each),
 * and each Chinese, Japanese or Korean ideograph or syllable as one word, as Microsoft Word counts East Asian text.
 */
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|(?:[\p{L}\p{N}\p{M}]+(?:['’\-.,][\p{L}\p{N}\p{M}]+)*)/gu;

export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}
