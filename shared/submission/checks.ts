/**
 * The formal rules a coalition must meet before it sends a submission, computed from the document: numbered
 * paragraphs, every submitting organisation named, cover information complete, recommendations present and
 * specific, within the word limit, for the UPR the previous cycle's recommendations assessed (OHCHR asks
 * stakeholders to focus on their implementation), then the per-mechanism rules of rules.ts (deadline, language,
 * format, period covered, one State, no annexed reports, public or confidential). Every check names its source.
 */
import type * as Y from 'yjs';
import { getCoverFields, type CoverFields } from '../report/coverFields.ts';
import { listEarlierRecommendations } from '../report/earlierRecommendations.ts';
import { getReportMeta } from '../report/layout.ts';
import { listRecommendations } from '../report/recommendations.ts';
import { pendingOrganisations, type SignOnResponse } from '../report/signOn.ts';
import { reportWords, type ReportWords } from './reportWords.ts';
import { checkSource, rulesFor, type RuleInput } from './rules.ts';
import { reportImages } from '../report/images.ts';
import { reportContent } from '../report/content.ts';
import { documentLanguage } from '../export/language.ts';
import { evidenceFindings } from './evidenceFindings.ts';
import type { ExclusionWhy } from '../report/testimony.ts';

export type CheckFigure = number | string | boolean | null | (number | string)[];

export interface Check {
  id: string;
  label: string;
  passed: boolean;
  /** What the check measured, e.g. { words: 2900, organisations: 3 }. */
  figures: Record<string, CheckFigure>;
  /** The limit the figures were held against, when there is one. */
  limit: number | null;
  message: string;
  /** Where the rule comes from (rules.ts). */
  source: string;
  /** The passages a testimony check found, for the interface to list in its language. */
  passages?: CheckPassage[];
}

/** A passage linked to testimony that a check found: whose, where, its first words and why. */
export interface CheckPassage {
  testimony: string;
  section: string;
  excerpt: string;
  why: ExclusionWhy;
}

export interface Checklist {
  mechanism: string;
  submissionType: string | null;
  /** True when every check passed. */
  passed: boolean;
  checks: Check[];
  words: ReportWords;
}

const check = (id: string, label: string, passed: boolean, figures: Record<string, CheckFigure>, message: string, limit: number | null = null): Check => ({
  id,
  label,
  passed,
  figures,
  limit,
  message,
  source: '',
});

/**
 * The organisation checks: named (the report's own list, or its sign-on list when known) and, for a coalition's
 * report, signed on. Exported so the app can re-run them when sign-on changes without recounting words.
 */
export function organisationChecks(cover: CoverFields, signOn: SignOnResponse | null): Check[] {
  const out: Check[] = [];
  const organisations = (signOn ? signOn.organisations.map((o) => o.name) : cover.organisations).filter((o) => o.trim().length > 0);
  const needed = cover.submissionType === 'joint' ? 2 : 1;
  const tooMany = cover.submissionType === 'individual' && organisations.length > 1;
  out.push(
    check('organisations-named', 'Every submitting organisation is named', organisations.length >= needed && !tooMany,
      { organisations: organisations.length, required: needed, submissionType: cover.submissionType },
      tooMany
        ? `${organisations.length} organisations are listed for an individual submission: make it a joint submission.`
        : organisations.length >= needed
          ? `${organisations.length} organisation(s) named.`
          : cover.submissionType === 'joint'
            ? 'A joint submission names all its organisations (at least two).'
            : 'Name the submitting organisation.'),
  );

  if (signOn?.required) {
    const pending = pendingOrganisations(signOn);
    out.push(
      check('organisations-signed-on', 'Every organisation has signed on', pending.length === 0, { pending },
        pending.length === 0
          ? 'Every listed organisation has confirmed its endorsement.'
          : `Waiting for ${pending.join(', ')} to confirm. The cover names only the organisations that confirmed.`),
    );
  }

  return out;
}

export interface CheckContext {
  /** The report's organisations and their sign-on, when known (from the server); else the report's own list. */
  signOn?: SignOnResponse | null;
  /** Now, for the deadline (default: the clock). */
  now?: Date;
}

/** The rules of the table in rules.ts that apply to the report's mechanism, run. */
function ruleChecks(doc: Y.Doc, now: Date): Check[] {
  const meta = getReportMeta(doc);
  const cover = getCoverFields(doc);
  const content = reportContent(doc);
  const input: RuleInput = {
    mechanism: meta.mechanism,
    stateUnderReview: meta.stateUnderReview,
    cover,
    language: documentLanguage(cover.language, content.sections.map((s) => `${s.title}\n${s.text}`).join('\n')),
    annexTitles: content.sections.filter((s) => s.annex).map((s) => s.title),
    today: now.toISOString().slice(0, 10),
    images: reportImages(doc),
    evidence: evidenceFindings(doc, now),
  };
  return rulesFor(meta.mechanism).map((rule) => {
    const outcome = rule.run(input);
    const check: Check = { id: rule.id, label: rule.label, passed: outcome.passed, figures: outcome.figures, limit: null, message: outcome.message, source: rule.source };
    if (outcome.passages) check.passages = outcome.passages;
    return check;
  });
}

export function runChecks(doc: Y.Doc, context: CheckContext = {}): Checklist {
  const meta = getReportMeta(doc);
  const cover = getCoverFields(doc);
  const signOn = context.signOn ?? null;
  const words = reportWords(doc);
  const recommendations = listRecommendations(doc);
  const checks: Check[] = [];

  checks.push(
    check('paragraphs-numbered', 'Paragraphs are numbered', cover.paragraphNumbering, { paragraphNumbering: cover.paragraphNumbering },
      cover.paragraphNumbering ? 'Export numbers every paragraph.' : 'Turn paragraph numbering on: OHCHR asks for numbered paragraphs.'),
  );

  checks.push(...organisationChecks(cover, signOn));

  const missing = [
    ['title', meta.title],
    ['stateUnderReview', meta.stateUnderReview],
    ['session', cover.session],
    ['contact', cover.contact],
    ['submissionType', cover.submissionType ?? ''],
  ].filter(([, value]) => !value?.trim()).map(([field]) => field!);
  checks.push(
    check('cover-complete', 'Cover information is complete', missing.length === 0, { missing },
      missing.length === 0 ? 'Title, State, session, contact and submission type are filled in.' : `Missing: ${missing.join(', ')}.`),
  );


  checks.push(
    check('recommendations-present', 'The submission makes recommendations', recommendations.length > 0, { recommendations: recommendations.length },
      recommendations.length > 0 ? `${recommendations.length} recommendation(s).` : 'Add recommendations (recommendation blocks) for the State.'),
  );

  const vague = recommendations.filter((r) => !r.smart.specific).map((r) => r.number);
  checks.push(
    check('recommendations-specific', 'Recommendations are specific', recommendations.length > 0 && vague.length === 0,
      { recommendations: recommendations.length, specific: recommendations.length - vague.length, notSpecific: vague },
      recommendations.length === 0
        ? 'No recommendations yet.'
        : vague.length === 0
          ? 'Every recommendation asks for a specific action.'
          : `Recommendation(s) ${vague.join(', ')} ask for no specific action (UPR Info category below 5).`),
  );

  const limit = words.limit.words;
  checks.push(
    check('within-word-limit', 'Within the word limit', limit === null || words.counted <= limit,
      { words: words.counted, notCounted: [...words.limit.notCounted], limitFrom: words.limit.from },
      limit === null
        ? `No official word limit is known for ${meta.mechanism}; set one on the report if the committee's information note gives one.`
        : words.counted <= limit
          ? `${words.counted} of ${limit} words.`
          : `${words.counted - limit} words over the limit of ${limit}.`,
      limit),
  );

  if (meta.mechanism === 'UPR') {
    const earlier = listEarlierRecommendations(doc);
    const assessed = earlier.filter((r) => r.assessment !== null).length;
    checks.push(
      check('earlier-recommendations-assessed', "The previous cycle's recommendations are assessed", earlier.length > 0 && assessed === earlier.length,
        { entered: earlier.length, assessed },
        earlier.length === 0
          ? "Enter the recommendations of the previous cycle and assess their implementation."
          : `${assessed} of ${earlier.length} assessed.`),
    );
  }

  for (const c of checks) c.source = checkSource(c.id, meta.mechanism);
  checks.push(...ruleChecks(doc, context.now ?? new Date()));

  return { mechanism: meta.mechanism, submissionType: cover.submissionType, passed: checks.every((c) => c.passed), checks, words };
}

/** The checklist with its organisation checks re-run for sign-on known now (the app's view; words are not recounted). */
export function withSignOnChecks(list: Checklist, cover: CoverFields, signOn: SignOnResponse | null): Checklist {
  if (!signOn) return list;
  const fresh = organisationChecks(cover, signOn).map((c) => ({ ...c, source: checkSource(c.id, list.mechanism) }));
  const at = list.checks.findIndex((c) => c.id === 'organisations-named');
  const rest = list.checks.filter((c) => c.id !== 'organisations-named' && c.id !== 'organisations-signed-on');
  const checks = [...rest.slice(0, Math.max(0, at)), ...fresh, ...rest.slice(Math.max(0, at))];
  return { ...list, checks, passed: checks.every((c) => c.passed) };
}
