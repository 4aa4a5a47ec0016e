/**
 * Reads a recommendation list pasted from a UPR Working Group report (section "Conclusions and/or
 * recommendations"), in the form OHCHR prints it:
 *
 * ```
 * 26. The following recommendations will be examined by Freedonia ... / enjoy the support of Freedonia / have
 *     been noted by Freedonia:
 * 26.1 Ratify the Optional Protocol to the Convention against Torture (Denmark);
 * 26.2 Consider ratifying ... (Argentina) (France);
 * ```
 *
 * The block header gives the State's response to every recommendation under it; a response written at the end
 * of a line ("... (Germany); Supported") overrides it. Lines wrapped by a PDF copy are joined, page furniture
 * (document symbols, "GE.21-..." job numbers, page numbers) is dropped, and anything else that cannot be read
 * is reported with its line number rather than guessed.
 */
import type { RecommendationResponse } from '../report/earlierRecommendations.ts';

export interface ParsedRecommendation {
  /** "26.45" */
  paragraph: string;
  text: string;
  recommendedBy: string[];
  response: RecommendationResponse | null;
  /** 1-based line where it starts. */
  line: number;
}

export interface ParseProblem {
  line: number;
  /** Which problem, for the interface to say in its language: `detail` is the paragraph number or the line read. */
  code: 'no-state' | 'duplicate' | 'not-read';
  detail: string;
  /** The problem in English (for logs and callers without an interface language). */
  message: string;
}

export interface ParsedList {
  recommendations: ParsedRecommendation[];
  /** The report's symbol when the paste names one (A/HRC/46/15), else null. */
  symbol: string | null;
  problems: ParseProblem[];
}

const RECOMMENDATION_LINE = /^(\d{1,3}\.\d{1,3})\.?\s+(\S.*)$/;
const BLOCK_HEADER = /^(\d{1,3})\.\s+(\S.*)$/;
const PAGE_FURNITURE = /^(?:A\/HRC\/[\w./]+|GE\.\d{2}-\d+.*|\d{1,3}|\*\d+\*)$/;
const SYMBOL = /\bA\/HRC\/\d+\/\d+(?!\/Add)\b/;
const INLINE_RESPONSE = /^(.*?)[\s;,.:|\t–—-]+(supported|noted)\.?$/i;
/** A recommendation ends at its recommending States and ";" (or "." for the last), maybe with a response after. */
const END = /\)\s*(?:[;.]\s*(?:[-–—:|]?\s*(?:supported|noted)\.?)?|[-–—:|]?\s*(?:supported|noted)\.?)$/i;

function ended(raw: string): boolean {
  return END.test(raw);
}

/** The response a block header announces, undefined when it says nothing about one. */
function headerResponse(text: string): RecommendationResponse | null | undefined {
  if (/did not enjoy the support|not supported|(?:have been|were|are|was) noted|takes? note|noted by/i.test(text)) return 'noted';
  if (/enjoy the support|enjoyed the support|(?:are|were|have been) supported|(?:have been|were) accepted|accepts? the following/i.test(text)) {
    return 'supported';
  }
  if (/will be examined|will examine|will provide responses|in due time/i.test(text)) return null;
  return undefined;
}

/** A trailing parenthesised group that names States: it starts with a capital and has lower-case letters but no digits. */
function isStateGroup(inner: string): boolean {
  return /^[A-Z\u00C0-\u024F]/.test(inner) && /[a-z]/.test(inner) && !/\d/.test(inner);
}

/** Split "Germany, France" at commas outside parentheses ("Venezuela (Bolivarian Republic of)" stays whole). */
function splitStates(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of inner) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}

/** Peel the recommending States off the end of a recommendation: "... online (Germany) (France);". */
export function splitRecommendingStates(raw: string): { text: string; states: string[] } {
  let text = raw.trim().replace(/[;.,]+$/, '').trim();
  const states: string[] = [];
  while (text.endsWith(')')) {
    let depth = 0;
    let open = -1;
    for (let i = text.length - 1; i >= 0; i--) {
      if (text[i] === ')') depth++;
      else if (text[i] === '(' && --depth === 0) {
        open = i;
        break;
      }
    }
    if (open < 0) break;
    const inner = text.slice(open + 1, -1).trim();
    if (!isStateGroup(inner)) break;
    states.unshift(...splitStates(inner));
    text = text.slice(0, open).trim().replace(/[,;/]+$/, '').trim();
  }
  return { text, states };
}

function finish(rec: ParsedRecommendation & { raw: string }, problems: ParseProblem[]): ParsedRecommendation {
  let raw = rec.raw;
  let response = rec.response;
  const inline = INLINE_RESPONSE.exec(raw);
  if (inline && inline[1]!.trim().endsWith(')')) {
    raw = inline[1]!;
    response = inline[2]!.toLowerCase() as RecommendationResponse;
  }
  const { text, states } = splitRecommendingStates(raw);
  if (states.length === 0) problems.push({ line: rec.line, code: 'no-state', detail: rec.paragraph, message: `No recommending State found at the end of ${rec.paragraph}.` });
  return { paragraph: rec.paragraph, text, recommendedBy: states, response, line: rec.line };
}

export function parseUprRecommendations(pasted: string, options: { defaultResponse?: RecommendationResponse | null } = {}): ParsedList {
  const problems: ParseProblem[] = [];
  const out: ParsedRecommendation[] = [];
  const seen = new Map<string, number>();
  let response: RecommendationResponse | null = options.defaultResponse ?? null;
  let current: (ParsedRecommendation & { raw: string }) | null = null;
  const close = () => {
    if (!current) return;
    const done = finish(current, problems);
    const earlier = seen.get(done.paragraph);
    if (earlier !== undefined) problems.push({ line: done.line, code: 'duplicate', detail: done.paragraph, message: `Paragraph ${done.paragraph} appears twice; the later one is kept.` });
    else seen.set(done.paragraph, out.length);
    if (earlier !== undefined) out[earlier] = done;
    else out.push(done);
    current = null;
  };

  let header: string | null = null;
  const lines = pasted.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((rawLine, i) => {
    const line = rawLine.replace(/\u00A0/g, ' ').trim();
    const lineNo = i + 1;
    if (!line || PAGE_FURNITURE.test(line)) return;
    const rec = RECOMMENDATION_LINE.exec(line);
    if (rec) {
      close();
      header = null;
      current = { paragraph: rec[1]!, text: '', raw: rec[2]!, recommendedBy: [], response, line: lineNo };
      return;
    }
    const explicit = /^(supported|noted)\s*:?$/i.exec(line);
    if (explicit) {
      close();
      header = null;
      response = explicit[1]!.toLowerCase() as RecommendationResponse;
      return;
    }
    if (current && !ended(current.raw) && !BLOCK_HEADER.test(line)) {
      current.raw = `${current.raw} ${line}`;
      return;
    }
    const startsHeader = BLOCK_HEADER.test(line) || headerResponse(line) !== undefined;
    if (startsHeader || header !== null) {
      // A block header ("27. The following recommendations have been noted by ...:"), possibly wrapped.
      close();
      header = startsHeader && BLOCK_HEADER.test(line) ? line : `${header ?? ''} ${line}`;
      const announced = headerResponse(header);
      if (announced !== undefined) response = announced;
      return;
    }
    // Headings before the list ("III. Conclusions and/or recommendations") are expected; after it, say so.
    if (out.length > 0 || current) problems.push({ line: lineNo, code: 'not-read', detail: line.slice(0, 80), message: `Not read as a recommendation: "${line.slice(0, 80)}"` });
  });
  close();
  return { recommendations: out, symbol: SYMBOL.exec(pasted)?.[0] ?? null, problems };
}
