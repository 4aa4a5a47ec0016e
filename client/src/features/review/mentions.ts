/** `@` mentions in comments: the query being typed, completing it, and the people a comment mentions. */

export interface Mentionable {
  userId: string;
  name: string;
  email: string;
}

/** The `@query` right before the caret, or null (an e-mail address like a@b is not a mention). */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|[\s(])@([^\s@]{0,40})$/.exec(before);
  if (!match) return null;
  return { start: before.length - match[2]!.length - 1, query: match[2]! };
}

/** Members matching a query by the start of any word of their name, or their e-mail address. */
export function matchMembers<T extends Mentionable>(members: T[], query: string, limit = 6): T[] {
  const q = query.toLowerCase();
  return members
    .filter((m) => !q || m.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(q)) || m.name.toLowerCase().startsWith(q) || m.email.toLowerCase().startsWith(q))
    .slice(0, limit);
}

/** Replace the `@query` at `start` with `@Name `; returns the text and the caret after it. */
export function completeMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/** Ids of the members the comment mentions by `@Name` (longest names first, so "@Ana Lima" is not "@Ana"). */
export function mentionedIds(body: string, members: Mentionable[]): string[] {
  const ids: string[] = [];
  let rest = body;
  for (const m of [...members].sort((a, b) => b.name.length - a.name.length)) {
    const token = '@' + m.name;
    const at = rest.indexOf(token);
    if (at < 0) continue;
    const after = rest[at + token.length];
    if (after !== undefined && /[\p{L}\p{N}]/u.test(after)) continue;
    ids.push(m.userId);
    rest = rest.slice(0, at) + ' '.repeat(token.length) + rest.slice(at + token.length);
  }
  return ids;
}

/** The body split into text and mention parts, for display. */
export function splitMentions(body: string, names: string[]): { text: string; mention: boolean }[] {
  const sorted = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return [{ text: body, mention: false }];
  const escaped = sorted.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`@(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const parts: { text: string; mention: boolean }[] = [];
  let last = 0;
  for (const m of body.matchAll(re)) {
    if (m.index! > last) parts.push({ text: body.slice(last, m.index), mention: false });
    parts.push({ text: m[0], mention: true });
    last = m.index! + m[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last), mention: false });
  return parts;
}

/** A typed `@word` that more than one member answers to: the composer asks which one is meant. */
export interface AmbiguousMention<T extends Mentionable> {
  /** Where `@word` stands in the body, and the word typed. */
  start: number;
  end: number;
  word: string;
  candidates: T[];
}

/**
 * The people a comment mentions, with typed mentions not picked from the list resolved: `@Amina` (a word of
 * one member's name, or the start of their e-mail address) becomes `@Amina Diallo` in the body and her id in
 * the mentions. A word that several members answer to is not guessed: `ambiguous` is the first such.
 */
export function resolveMentions<T extends Mentionable>(body: string, members: T[]): { body: string; ids: string[]; ambiguous: AmbiguousMention<T> | null } {
  const ids = mentionedIds(body, members);
  // Blank out the full names already mentioned, so "@Amina Diallo" is not read again as "@Amina".
  let rest = body;
  for (const m of [...members].sort((a, b) => b.name.length - a.name.length)) {
    const token = '@' + m.name;
    for (let at = rest.indexOf(token); at >= 0; at = rest.indexOf(token, at + token.length)) {
      const after = rest[at + token.length];
      if (after !== undefined && /[\p{L}\p{N}]/u.test(after)) continue;
      rest = rest.slice(0, at) + ' '.repeat(token.length) + rest.slice(at + token.length);
    }
  }
  const replacements: { start: number; end: number; member: T }[] = [];
  for (const match of rest.matchAll(/(^|[\s(])@([\p{L}\p{N}][\p{L}\p{N}.'’_-]*)/gu)) {
    const word = match[2]!.replace(/[.'’_-]+$/u, '');
    const start = match.index! + match[1]!.length;
    const end = start + 1 + word.length;
    const w = word.toLowerCase();
    const candidates = members.filter(
      (m) => m.name.toLowerCase().split(/\s+/).includes(w) || m.email.toLowerCase().split('@')[0] === w,
    );
    if (candidates.length > 1) return { body, ids, ambiguous: { start, end, word, candidates } };
    if (candidates.length === 1) replacements.push({ start, end, member: candidates[0]! });
  }
  let resolved = body;
  for (const r of replacements.reverse()) {
    resolved = resolved.slice(0, r.start) + '@' + r.member.name + resolved.slice(r.end);
    if (!ids.includes(r.member.userId)) ids.push(r.member.userId);
  }
  return { body: resolved, ids, ambiguous: null };
}
