/** Which way text runs, and which script a character belongs to: enough bidi for export, not the full UAX #9. */

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const ARABIC_CHAR = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const CJK_CHAR = /[\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;
const STRONG_LTR = /[A-Za-z\u00C0-\u024F\u0370-\u052F\u1E00-\u1FFF\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF]/;

export type Direction = 'ltr' | 'rtl';

export function hasRtl(text: string): boolean {
  return RTL_CHAR.test(text);
}

/** The direction of the first strongly directional character (the paragraph's base direction), or null. */
export function firstStrongDirection(text: string): Direction | null {
  for (const ch of text) {
    if (RTL_CHAR.test(ch)) return 'rtl';
    if (STRONG_LTR.test(ch)) return 'ltr';
  }
  return null;
}

/** 'rtl' for a word with right-to-left letters, 'ltr' for one with left-to-right letters or digits, else null. */
export function wordDirection(word: string): Direction | null {
  if (RTL_CHAR.test(word)) return 'rtl';
  if (STRONG_LTR.test(word) || /[0-9]/.test(word)) return 'ltr';
  return null;
}

export type Script = 'arabic' | 'cjk' | 'latin';

export function scriptOf(ch: string): Script {
  if (ARABIC_CHAR.test(ch) || RTL_CHAR.test(ch)) return 'arabic';
  if (CJK_CHAR.test(ch)) return 'cjk';
  return 'latin';
}

/**
 * Split text into runs of one script each. Spaces and punctuation stay with the run they are in, so a sentence
 * is not cut at every space.
 */
export function splitByScript(text: string): { script: Script; text: string }[] {
  const runs: { script: Script; text: string }[] = [];
  let current: { script: Script; text: string } | null = null;
  for (const ch of text) {
    const neutral = /[\s\p{P}\p{S}0-9]/u.test(ch) && !ARABIC_CHAR.test(ch) && !CJK_CHAR.test(ch);
    const script: Script = neutral && current ? current.script : scriptOf(ch);
    if (current && current.script === script) current.text += ch;
    else {
      current = { script, text: ch };
      runs.push(current);
    }
  }
  return runs;
}
