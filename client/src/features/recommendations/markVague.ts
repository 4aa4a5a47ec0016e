/** Split a text into runs, marking every occurrence of the vague phrases (any case), for highlighting. */
export function markVague(text: string, terms: readonly string[]): { text: string; vague: boolean }[] {
  const wanted = terms.filter((t) => t.trim() !== '');
  if (wanted.length === 0) return [{ text, vague: false }];
  const escaped = [...wanted].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');
  const out: { text: string; vague: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), vague: false });
    out.push({ text: m[0], vague: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), vague: false });
  return out;
}
