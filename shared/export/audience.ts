/**
 * What an export may hold for its audience (public, or the committee in confidence): passages linked to testimony
 * whose consent does not cover the audience, sections and passages marked internal only, and sensitive names.
 * `auditExport` lists what would be left out and why; `applyAudience` returns the input without it and with every
 * sensitive name replaced. Runs before the document model is built, on the server's main thread (to answer 409
 * before any work) and inside the exporter (browser and server), so it imports no export library.
 */
import type { PmNode } from '../report/content.ts';
import { TESTIMONY_LINK_MARK } from '../schema/nodeNames.ts';
import { exclusionReasonText, exclusionWhy, today, type Audience, type ExclusionWhy, type SensitiveName, type TestimonyRecord } from '../report/testimony.ts';
import { replaceSensitiveNames } from '../report/sensitiveNameMatch.ts';
import type { ExportInput } from './input.ts';

/** What export needs from the report's testimony records (the pseudonyms and consent, never a real name). */
export interface ExportEvidence {
  testimonies: TestimonyRecord[];
  sensitiveNames: SensitiveName[];
  internalSections: string[];
}

/** One thing left out of an export, as the person is told. */
export interface Exclusion {
  sectionId: string;
  section: string;
  /** The testimony's pseudonym; '' for a whole section. */
  testimony: string;
  /** The testimony record's id; absent for a whole section. */
  testimonyId?: string;
  /** The first words of the passage; '' for a whole section. */
  excerpt: string;
  /** Why, in English; `why` says it for the interface to put in its language. */
  reason: string;
  why: ExclusionWhy;
  /** False for what never exports anyway (internal only); true for what the person must decide about. */
  blocking: boolean;
}

export const CONSENT_HANDLING = ['block', 'leave-out'] as const;
export type ConsentHandling = (typeof CONSENT_HANDLING)[number];

/** Thrown by the exporter when the person chose to block and some passage's consent does not cover the export. */
export class ConsentBlockedError extends Error {
  constructor(readonly exclusions: Exclusion[]) {
    super(describeExclusions(exclusions.filter((e) => e.blocking)));
  }
}

const EXCERPT_CHARS = 60;

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > EXCERPT_CHARS ? `${t.slice(0, EXCERPT_CHARS - 1)}…` : t;
}

/** "Witness A in “Housing”: “We were told…” (consent was withdrawn)", one per line. */
export function describeExclusions(list: Exclusion[]): string {
  return list
    .map((e) => (e.testimony ? `${e.testimony} in “${e.section}”: “${e.excerpt}” (${e.reason})` : `Section “${e.section}” (${e.reason})`))
    .join('\n');
}

function linkOf(node: PmNode): string | null {
  for (const mark of node.marks ?? []) {
    if (mark.type === TESTIMONY_LINK_MARK && typeof mark.attrs?.testimony === 'string') return mark.attrs.testimony;
  }
  return null;
}

interface Judge {
  records: Map<string, TestimonyRecord>;
  audience: Audience;
  day: string;
}

/** Why the passage linked to `id` is left out, or null when it may go in. */
function verdict(judge: Judge, id: string): { reason: string; why: ExclusionWhy; blocking: boolean } | null {
  const record = judge.records.get(id) ?? null;
  const why = exclusionWhy(record, judge.audience, judge.day);
  if (!why) return null;
  // Internal-only testimony never exports whatever is chosen, so it is listed but never blocks.
  return { reason: exclusionReasonText(why), why, blocking: record?.consent !== 'internal-only' };
}

/** Every linked passage of a body: consecutive text nodes in one block linked to the same record are one passage. */
function linkedRuns(content: PmNode, visit: (id: string, text: string) => void): void {
  const walk = (node: PmNode) => {
    let open: { id: string; text: string } | null = null;
    const close = () => {
      if (open) visit(open.id, open.text);
      open = null;
    };
    for (const child of node.content ?? []) {
      if (child.type === 'text') {
        const id = linkOf(child);
        if (open && open.id !== id) close();
        if (id) open = open ? { id, text: open.text + (child.text ?? '') } : { id, text: child.text ?? '' };
      } else {
        close();
        walk(child);
      }
    }
    close();
  };
  walk(content);
}

function judgeFor(evidence: ExportEvidence, audience: Audience, day: string): Judge {
  return { records: new Map(evidence.testimonies.map((t) => [t.id, t])), audience, day };
}

/** What an export for `audience` leaves out, in report order: internal sections, then passages per section. */
export function auditExport(input: ExportInput, audience: Audience, day: string = today()): Exclusion[] {
  const evidence = input.evidence;
  if (!evidence) return [];
  const judge = judgeFor(evidence, audience, day);
  const internal = new Set(evidence.internalSections);
  const out: Exclusion[] = [];
  for (const section of input.sections) {
    if (internal.has(section.id)) {
      out.push({ sectionId: section.id, section: section.title, testimony: '', excerpt: '', reason: exclusionReasonText({ code: 'internal-section' }), why: { code: 'internal-section' }, blocking: false });
      continue;
    }
    linkedRuns(section.content, (id, text) => {
      const v = verdict(judge, id);
      if (v) out.push({ sectionId: section.id, section: section.title, testimony: judge.records.get(id)?.pseudonym ?? 'A removed testimony', excerpt: excerpt(text), testimonyId: id, ...v });
    });
  }
  return out;
}

/** Whether a block still holds anything worth printing once passages are taken out. */
function isEmpty(node: PmNode): boolean {
  if (node.type === 'text') return !(node.text ?? '').trim();
  if (node.type === 'hardBreak') return true;
  if (!node.content) return false;
  return node.content.every(isEmpty);
}

function filterNode(node: PmNode, keep: (id: string) => boolean, names: SensitiveName[]): PmNode | null {
  if (node.type === 'text') {
    const id = linkOf(node);
    if (id && !keep(id)) return null;
    return { ...node, text: replaceSensitiveNames(node.text ?? '', names) };
  }
  if (!node.content) return node;
  const content = node.content.map((c) => filterNode(c, keep, names)).filter((c): c is PmNode => c !== null);
  const next = { ...node, content };
  // A block that held text and lost all of it (a quote that was wholly the testimony) goes too.
  return content.length < node.content.length && isEmpty(next) ? null : next;
}

/** The input as this audience may see it: excluded sections and passages out, sensitive names replaced. */
export function applyAudience(input: ExportInput, audience: Audience, day: string = today()): ExportInput {
  const evidence = input.evidence;
  if (!evidence) return input;
  const judge = judgeFor(evidence, audience, day);
  const internal = new Set(evidence.internalSections);
  const names = evidence.sensitiveNames;
  const keep = (id: string) => verdict(judge, id) === null;
  const replace = (s: string) => replaceSensitiveNames(s, names);
  const sections = input.sections
    .filter((s) => !internal.has(s.id))
    .map((s) => ({
      ...s,
      title: replace(s.title),
      text: replace(s.text),
      notes: s.notes.map(replace),
      passageTags: s.passageTags.map((p) => ({ ...p, text: replace(p.text) })),
      content: filterNode(s.content, keep, names) ?? { type: 'doc', content: [] },
    }));
  return {
    ...input,
    meta: { ...input.meta, title: replace(input.meta.title) },
    sections,
    priorRecommendations: input.priorRecommendations.map((r) => ({ ...r, comment: replace(r.comment) })),
    audience,
  };
}

/** The plain text an export for `audience` would print of the body, for the checklist's search for names left in. */
export function exportedBodyText(input: ExportInput): string {
  const parts: string[] = [input.meta.title];
  const walk = (node: PmNode) => {
    if (node.type === 'text') parts.push(node.text ?? '');
    for (const c of node.content ?? []) walk(c);
  };
  for (const s of input.sections) {
    parts.push(s.title);
    walk(s.content);
  }
  return parts.join('\n');
}
