/**
 * Finding and replacing a report's sensitive names (people, streets, schools, workplaces) in text. One rule for
 * the editor's highlight, export and the checklist: a name matches whole words only, in any letter case, with any
 * run of spaces between its words; longer names win over shorter ones inside them.
 */
export interface NameRule {
  name: string;
  replacement: string;
}

export interface NameMatch {
  from: number;
  to: number;
  /** The rule's name as listed (not as written in the text). */
  name: string;
}

/** What a name without a replacement becomes on export. */
export const WITHHELD = '[name withheld]';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Compiled {
  regex: RegExp;
  byKey: Map<string, NameRule>;
}

const key = (s: string) => s.normalize('NFC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

// The editor asks for every text block on every change with the same list: compile it once per list.
let lastRules: readonly NameRule[] | null = null;
let lastCompiled: Compiled | null = null;

function compile(rules: readonly NameRule[]): Compiled | null {
  if (rules === lastRules) return lastCompiled;
  lastRules = rules;
  lastCompiled = build(rules);
  return lastCompiled;
}

function build(rules: readonly NameRule[]): Compiled | null {
  const byKey = new Map<string, NameRule>();
  for (const r of rules) if (key(r.name) && !byKey.has(key(r.name))) byKey.set(key(r.name), r);
  if (byKey.size === 0) return null;
  const parts = [...byKey.keys()].sort((a, b) => b.length - a.length).map((k) => k.split(' ').map(escape).join('\\s+'));
  return { regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'giu'), byKey };
}

/** Every place a listed name occurs in `text`, in order, not overlapping. */
export function findSensitiveNames(text: string, rules: readonly NameRule[]): NameMatch[] {
  const compiled = compile(rules);
  if (!compiled) return [];
  const out: NameMatch[] = [];
  for (const m of text.normalize('NFC').matchAll(compiled.regex)) {
    const rule = compiled.byKey.get(key(m[0]));
    if (rule) out.push({ from: m.index, to: m.index + m[0].length, name: rule.name });
  }
  return out;
}

/** `text` with every listed name replaced, in one pass (a replacement is never itself searched). */
export function replaceSensitiveNames(text: string, rules: readonly NameRule[]): string {
  const compiled = compile(rules);
  if (!compiled) return text;
  return text.normalize('NFC').replace(compiled.regex, (found) => {
    const replacement = compiled.byKey.get(key(found))?.replacement.trim() ?? '';
    return replacement || WITHHELD;
  });
}
