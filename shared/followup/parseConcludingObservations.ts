/**
 * Reads concluding observations of a treaty body, pasted from the committee's document, in its numbered
 * paragraph style:
 *
 * ```
 * Racial profiling
 * 20. The Committee is concerned that ...
 * 21. The Committee recommends that the State party:
 * (a) Adopt ...;
 * (b) Ensure ...
 * ...
 * 55. ... the Committee requests the State party to provide, within one year of the adoption of the present
 *     concluding observations, information on its implementation of the recommendations contained in
 *     paragraphs 21 (a) and 35 above.
 * ```
 *
 * Every paragraph in which the Committee recommends, urges, calls upon or encourages becomes a recommendation
 * to track, with the heading it stands under and its sub-paragraphs on their own lines. The follow-up sentence
 * ("within one year", "within two years") gives the paragraphs it names a follow-up date counted from the day
 * the observations were adopted (given by the caller, or read from "adopted ... on 30 August 2022"). Lines a
 * PDF copy wrapped are joined; page furniture (symbols, GE. job numbers, page numbers) is dropped.
 */
import { isCalendarDate } from '../deadlines/deadline.ts';

export interface ParsedObservation {
  /** "21" */
  paragraph: string;
  /** The heading above it, or ''. */
  topic: string;
  text: string;
  /** Years the committee gave for information on it, when the follow-up sentence names its paragraph. */
  followUpYears: number | null;
  /** YYYY-MM-DD: the adoption day plus those years; null without a follow-up request or an adoption day. */
  followUpDue: string | null;
  /** 1-based line where it starts. */
  line: number;
}

export interface ParsedObservations {
  recommendations: ParsedObservation[];
  /** The document's symbol when the paste names one (CERD/C/USA/CO/10-12), else null. */
  symbol: string | null;
  /** The committee the symbol names (CERD, CEDAW, CCPR, CESCR, CAT, CRC, CRPD, CMW, CED), else null. */
  mechanism: string | null;
  adoptedOn: string | null;
  /** Things the reader should know: a follow-up request without an adoption day, paragraphs it names that are not here. */
  problems: string[];
}

const PARAGRAPH = /^(\d{1,3})\.\s+(\S.*)$/;
const SYMBOL = /\b((?:CERD|CEDAW|CCPR|CAT|CRC|CRPD|CMW|CED)\/C|E\/C\.12)\/[A-Z]{2,4}\/CO\/\d+(?:[-–]\d+)?(?:\/Add\.\d+)?/;
const FURNITURE = /^(?:(?:CERD|CEDAW|CCPR|CAT|CRC|CRPD|CMW|CED|E)\/C[./][\w./–-]+|GE\.\d{2}-\d+.*|\d{1,3}|\d{1,3}\/\d{1,3}|Advance unedited version)$/i;
const RECOMMENDS = /\b(?:recommends?|urges?|calls? (?:up)?on|encourages?)\b/i;
const WITHIN = /within\s+(one|two|three|1|2|3|a)\s+years?/i;
const NUMBERS: Record<string, number> = { one: 1, a: 1, two: 2, three: 3, '1': 1, '2': 2, '3': 3 };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const MECHANISM_OF: Record<string, string> = { 'E/C.12': 'CESCR' };

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const when = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February plus a year is 28 February, not 1 March.
  if (when.getUTCMonth() !== m - 1) when.setUTCDate(0);
  return when.toISOString().slice(0, 10);
}

/** "30 August 2022" -> 2022-08-30 */
function readDate(text: string): string | null {
  const m = /\b(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b/.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return null;
  const iso = `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/** The paragraph numbers a follow-up sentence names: "paragraphs 21 (a) and (b), 35 and 40 above" -> 21, 35, 40. */
function followUpParagraphs(sentence: string): string[] {
  const after = /paragraphs?\s+(.*?)(?:\s+above|\.|$)/i.exec(sentence.slice(sentence.search(/contained in|set out in|in paragraphs?/i) + 1));
  if (!after) return [];
  // Drop the letters of sub-paragraphs so only paragraph numbers remain.
  return [...after[1]!.replace(/\([a-z]{1,4}\)/gi, ' ').matchAll(/\b(\d{1,3})\b/g)].map((m) => m[1]!);
}

export function parseConcludingObservations(text: string, options: { adoptedOn?: string | null } = {}): ParsedObservations {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const symbol = SYMBOL.exec(text)?.[0].replace('–', '-') ?? null;
  const prefix = symbol ? (symbol.startsWith('E/C.12') ? 'E/C.12' : symbol.split('/')[0]!) : null;
  const mechanism = prefix ? (MECHANISM_OF[prefix] ?? prefix) : null;

  interface Raw {
    number: string;
    topic: string;
    parts: string[];
    line: number;
  }
  const paragraphs: Raw[] = [];
  let topic = '';
  let current: Raw | null = null;
  const meaningful = lines.map((l) => l.replace(/\s+/g, ' ').trim());
  meaningful.forEach((line, index) => {
    if (!line || FURNITURE.test(line)) return;
    const numbered = PARAGRAPH.exec(line);
    if (numbered) {
      current = { number: numbered[1]!, topic, parts: [numbered[2]!], line: index + 1 };
      paragraphs.push(current);
      return;
    }
    const next = meaningful.slice(index + 1).find((l) => l && !FURNITURE.test(l)) ?? '';
    const last = current?.parts[current.parts.length - 1] ?? '';
    const previousEnded = !current || /[.;:]$/.test(last);
    // A heading: short, not a sentence, after a finished paragraph, and a numbered paragraph follows.
    if (previousEnded && line.length <= 120 && !/[.;:,]$/.test(line) && !/^\(/.test(line) && /^[A-Z]/.test(line) && PARAGRAPH.test(next)) {
      topic = line;
      current = null;
      return;
    }
    if (!current) return;
    if (/^\([a-z]{1,4}\)\s/i.test(line) || /^[•·–-]\s/.test(line)) current.parts.push(line);
    else current.parts[current.parts.length - 1] = `${last} ${line}`;
  });

  const problems: string[] = [];
  const adoptedOn = (options.adoptedOn && isCalendarDate(options.adoptedOn) ? options.adoptedOn : null) ?? adoptionDate(meaningful.join(' '));
  const years = new Map<string, number>();
  for (const p of paragraphs) {
    const whole = p.parts.join(' ');
    const within = WITHIN.exec(whole);
    if (!within || !/information/i.test(whole) || !/paragraphs?\s+\d/i.test(whole)) continue;
    for (const n of followUpParagraphs(whole)) years.set(n, NUMBERS[within[1]!.toLowerCase()] ?? 1);
  }
  if (years.size > 0 && !adoptedOn) problems.push('The Committee asks for follow-up information, but the date the observations were adopted is not in the text: give it to set the follow-up dates.');

  const recommendations: ParsedObservation[] = [];
  for (const p of paragraphs) {
    const whole = p.parts.join(' ');
    if (!RECOMMENDS.test(whole) || (WITHIN.test(whole) && /information/i.test(whole))) continue;
    const y = years.get(p.number) ?? null;
    recommendations.push({
      paragraph: p.number,
      topic: p.topic,
      text: p.parts.join('\n'),
      followUpYears: y,
      followUpDue: y !== null && adoptedOn ? addYears(adoptedOn, y) : null,
      line: p.line,
    });
  }
  for (const n of years.keys()) {
    if (!recommendations.some((r) => r.paragraph === n)) problems.push(`The follow-up request names paragraph ${n}, which is not among the recommendations pasted.`);
  }
  return { recommendations, symbol, mechanism, adoptedOn, problems };
}

/** "adopted ... at its 2914th meeting, held on 30 August 2022" or "adopted on 30 August 2022". */
function adoptionDate(text: string): string | null {
  const m = /adopted\b[^.]{0,200}?\bon\s+(\d{1,2}\s+[A-Za-z]+\s+\d{4})/i.exec(text);
  return m ? readDate(m[1]!) : null;
}
