/**
 * The language an export declares for its text. The cover field `language` wins; without it the language is read
 * from the text: a script that belongs to one UN language (Arabic, Chinese, Russian for Cyrillic), or, for Latin
 * text, the clear majority of the most common short words of English, French or Spanish. When neither tells,
 * the answer is empty and the file claims no language (better than claiming English for a French report).
 */

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Latin}/u, 'latin'],
];

/** Frequent words that are each common in one of the three Latin-script UN languages only. */
const FUNCTION_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'is', 'are', 'in', 'that', 'for', 'with', 'on', 'by', 'was', 'were', 'this', 'has', 'have']),
  fr: new Set(['le', 'la', 'les', 'et', 'des', 'du', 'est', 'sont', 'dans', 'une', 'pour', 'au', 'aux', 'qui', 'sur', 'pas', 'ce']),
  es: new Set(['el', 'los', 'las', 'y', 'del', 'es', 'son', 'en', 'una', 'para', 'por', 'con', 'que', 'al', 'se', 'lo', 'su']),
};

/** Letters of each script in the text. */
function scriptCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) {
    for (const [re, name] of SCRIPTS) {
      if (re.test(ch)) {
        counts.set(name, (counts.get(name) ?? 0) + 1);
        break;
      }
    }
  }
  return counts;
}

function latinLanguage(text: string): string {
  const hits: Record<string, number> = { en: 0, fr: 0, es: 0 };
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const [lang, words] of Object.entries(FUNCTION_WORDS)) if (words.has(word)) hits[lang]!++;
  }
  const ranked = Object.entries(hits).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  // A handful of hits, and twice the runner-up: otherwise the text does not say.
  return first![1] >= 3 && first![1] >= 2 * second![1] ? first![0] : '';
}

/** BCP 47 language of a report's text, or '' when it cannot be told. */
export function documentLanguage(coverLanguage: string, text: string): string {
  if (coverLanguage.trim()) return coverLanguage.trim();
  const counts = [...scriptCounts(text).entries()].sort((a, b) => b[1] - a[1]);
  const top = counts[0];
  if (!top) return '';
  return top[0] === 'latin' ? latinLanguage(text) : top[0];
}
