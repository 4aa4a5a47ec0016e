/**
 * The error codes (and their English messages) the server can answer with, read from its source: every
 * `throw new BadRequest('code', 'message')` and the like in server/src, and the `{ code, message }` problems of
 * the shared validators and importers. Used by the tests only (serverErrors.test.ts), so that every code a person
 * can see has an `errors.<code>` message.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ThrownError {
  code: string;
  /** The message as written: a plain string, or a template literal's text with its `${…}` parts. */
  message: string | null;
  /** The message has `${…}` parts (so it must come with params). */
  template: boolean;
  /** The params object written after the message (`{ field, max: LIMIT }`), as name → expression text. */
  params: Record<string, string> | null;
  file: string;
}

const root = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [full] : [];
  });
}

/** A JS string literal ('…', "…" or `…`) at the start of `text`, as written (without quotes). */
const STRING = String.raw`('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\x60(?:[^\x60\\]|\\.)*\x60)`;
const CODE = String.raw`'([a-z][a-z_A-Z]*)'`;

/** Literals joined with `+` (a message written over several lines), as one. */
const ONE = '(?:' + STRING.slice(1);
const JOINED = String.raw`(${ONE}(?:\s*\+\s*${ONE})*)`;

function unquote(joined: string): { message: string; template: boolean } {
  const parts = [...joined.matchAll(new RegExp(ONE, 'g'))].map((m) => unquoteOne(m[0]));
  return { message: parts.map((p) => p.message).join(''), template: parts.some((p) => p.template) };
}

function unquoteOne(literal: string): { message: string; template: boolean } {
  const quote = literal[0];
  const body = literal.slice(1, -1);
  const message = quote === '`' ? body.replace(/\\n/g, '\n') : body.replace(/\\n/g, '\n').replace(/\\(.)/g, '$1');
  return { message, template: quote === '`' && body.includes('${') };
}

/** Patterns: [regex, index of the code group (or a fixed code), index of the message group (or null)]. */
const PATTERNS: [RegExp, number | string, number | null][] = [
  [new RegExp(String.raw`new (?:BadRequest|Conflict|AuthError|FetchRefused|ImportError|SealedVersionRefused)\(\s*${CODE},\s*${STRING}`, 'g'), 1, 2],
  [new RegExp(String.raw`new ServiceUnavailable\(\s*${CODE},\s*${STRING}`, 'g'), 1, 2],
  [new RegExp(String.raw`new HttpError\(\s*\d+,\s*${CODE},\s*${STRING}`, 'g'), 1, 2],
  [new RegExp(String.raw`new Forbidden\(\s*${STRING},\s*${CODE}`, 'g'), 2, 1],
  [new RegExp(String.raw`new Forbidden\(\s*${STRING}\s*\)`, 'g'), 'forbidden', 1],
  [new RegExp(String.raw`new TooManyRequests\(\s*${STRING}`, 'g'), 'too_many_attempts', 1],
  [new RegExp(String.raw`new NotFound\(\s*${STRING}`, 'g'), 'not_found', 1],
  [new RegExp(String.raw`new UnsupportedMediaType\(\s*${STRING}`, 'g'), 'unsupported_media_type', 1],
  [new RegExp(String.raw`code: ${CODE},\s*message:\s*${JOINED}`, 'g'), 1, 2],
  [new RegExp(String.raw`super\(\d+, ${CODE}, ${STRING}`, 'g'), 1, 2],
  [new RegExp(String.raw`(?:constructor\(message = |code = )${STRING}`, 'g'), 0, null],
];

export function thrownErrors(): ThrownError[] {
  const files = [...sourceFiles(path.join(root, 'server/src')), ...sourceFiles(path.join(root, 'shared'))];
  const found: ThrownError[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const [regex, codeAt, messageAt] of PATTERNS) {
      if (codeAt === 0) continue;
      for (const m of text.matchAll(regex)) {
        const code = typeof codeAt === 'string' ? codeAt : m[codeAt]!;
        const literal = messageAt === null ? null : unquote(m[messageAt]!);
        const params = literal?.template ? paramsAfter(text, m.index + m[0].length) : null;
        found.push({ code, message: literal?.message ?? null, template: literal?.template ?? false, params, file: path.relative(root, file) });
      }
    }
  }
  return found;
}

/** Split at top-level commas (not inside brackets or strings). */
function splitTop(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** The object literal of params following a message (up to the end of its statement), parsed to name → expression. */
function paramsAfter(text: string, from: number): Record<string, string> | null {
  const rest = text.slice(from, from + 400);
  const end = rest.search(/;|\n\s*(?:throw|if|problems\.push|const|return)\b/);
  const statement = end < 0 ? rest : rest.slice(0, end);
  const open = statement.indexOf('{');
  if (open < 0) return null;
  let depth = 0;
  for (let i = open; i < statement.length; i++) {
    if (statement[i] === '{') depth++;
    else if (statement[i] === '}' && --depth === 0) {
      const entries = splitTop(statement.slice(open + 1, i)).map((part) => {
        const colon = part.indexOf(':');
        return colon < 0 ? [part, part] : [part.slice(0, colon).trim(), part.slice(colon + 1).trim()];
      });
      return Object.fromEntries(entries) as Record<string, string>;
    }
  }
  return null;
}
