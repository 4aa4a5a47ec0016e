/**
 * What the checklist says beside each formal check: how to fix a failing one, where to go to do it, and the
 * check's figures in words. Keyed by the check ids of shared/submission/checks.ts; a check added there later
 * still shows, with its own message and raw figures.
 */
import type { Check, CheckFigure } from '../../../../shared/submission/checks.ts';
import type { ReportViewName } from '../treaty/treatyUiStore.ts';

export type CheckFix =
  | { kind: 'view'; view: ReportViewName; label: string }
  | { kind: 'number-paragraphs'; label: string };

export interface CheckHint {
  /** How to make the check pass. */
  hint: string;
  fix: CheckFix | null;
}

const COVER: CheckFix = { kind: 'view', view: 'cover', label: 'Open the cover information' };

const HINTS: Record<string, CheckHint> = {
  'paragraphs-numbered': {
    hint: 'OHCHR and the committees ask for numbered paragraphs; with numbering on, the export numbers every paragraph.',
    fix: { kind: 'number-paragraphs', label: 'Number the paragraphs' },
  },
  'organisations-named': {
    hint: 'List every submitting organisation in the cover information; a joint submission names at least two.',
    fix: COVER,
  },
  'organisations-signed-on': {
    hint: "An owner or editor confirms each organisation's sign-on in the cover information, once the organisation has agreed.",
    fix: COVER,
  },
  'cover-complete': { hint: 'Fill in the missing fields in the cover information.', fix: COVER },
  'confidentiality-chosen': {
    hint: 'Say whether the submission may be published on the OHCHR website or must stay confidential.',
    fix: COVER,
  },
  'recommendations-present': {
    hint: 'Select the paragraphs that ask the State to act and press “Recommendation” in the editor toolbar.',
    fix: { kind: 'view', view: 'sections', label: 'Go to the sections' },
  },
  'recommendations-specific': {
    hint: 'Start each recommendation with a specific action (adopt, repeal, establish, allocate…), and say who acts, what result is measured and by when.',
    fix: { kind: 'view', view: 'recommendations', label: 'Review the recommendations' },
  },
  'within-word-limit': {
    hint: 'Shorten the longest sections or move supporting material to an annex (annexes are not counted). Use the report’s own limit only where the committee’s information note says otherwise.',
    fix: { kind: 'view', view: 'cover', label: 'Set the report’s own limit' },
  },
  deadline: {
    hint: 'Check the deadline in the committee’s information note (or OHCHR’s UPR deadlines page) and send the submission before it; a late one may not be considered.',
    fix: { kind: 'view', view: 'cover', label: 'Open the cover information' },
  },
  'language-accepted': {
    hint: 'Write the submission in English, French or Spanish, and set its language in the cover information if Rightsdraft cannot tell it from the text.',
    fix: COVER,
  },
  'format-word': { hint: 'Export as Word (.docx) from the report header.', fix: null },
  'period-covered': { hint: 'Say which years the submission covers, usually since the State’s last review.', fix: COVER },
  'one-state': { hint: 'A submission is about one State: write a separate one for each State, and name the State in the report header.', fix: null },
  'no-annexed-reports': {
    hint: 'Take other organisations’ reports out of the annexes and cite them in a note with a link instead.',
    fix: { kind: 'view', view: 'sections', label: 'Go to the sections' },
  },
  'earlier-recommendations-assessed': {
    hint: 'Enter the recommendations of the previous cycle and say, for each, whether it was implemented.',
    fix: { kind: 'view', view: 'earlier', label: 'Open the earlier recommendations' },
  },
  // Testimony and sensitive names (issue 12): fixed in the Testimony panel (report header) or the text.
  'testimony-consent-covers-export': {
    hint: 'Mark the submission confidential in the cover information if it goes to the committee only, or take the quote out; export can also leave it out.',
    fix: COVER,
  },
  'sensitive-names-replaced': { hint: 'Give each sensitive name a replacement under “Testimony” in the report header, and keep listed names out of the cover information.', fix: null },
  'testimony-consent-current': {
    hint: 'Rewrite or remove the passages flagged in red; “Testimony” in the report header lists them.',
    fix: { kind: 'view', view: 'sections', label: 'Go to the sections' },
  },
  'images-described': {
    hint: 'Select each image the check names and use “Edit image” in the toolbar to describe it, or mark it decorative if it adds no information.',
    fix: { kind: 'view', view: 'sections', label: 'Go to the sections' },
  },
};

export function hintFor(check: Pick<Check, 'id'>): CheckHint | null {
  return HINTS[check.id] ?? null;
}

const FIELD_NAMES: Record<string, string> = {
  title: 'title',
  stateUnderReview: 'State under review',
  session: 'session',
  contact: 'contact',
  submissionType: 'submission type',
};

const FIGURE_NAMES: Record<string, string> = {
  paragraphNumbering: 'Paragraph numbering',
  organisations: 'Organisations named',
  required: 'Required',
  pending: 'Waiting for',
  submissionType: 'Submission type',
  missing: 'Missing',
  confidentiality: 'Publication',
  recommendations: 'Recommendations',
  specific: 'Specific',
  notSpecific: 'Not specific (numbers)',
  words: 'Words counted',
  notCounted: 'Not counted',
  limitFrom: 'Limit from',
  entered: 'Entered',
  assessed: 'Assessed',
  deadline: 'Deadline',
  daysLeft: 'Days left',
  language: 'Language',
  accepted: 'Accepted',
  format: 'Format',
  period: 'Period covered',
  state: 'State',
  annexes: 'Annexes',
  reportAnnexes: 'Annexes titled as reports',
};

function valueText(key: string, value: CheckFigure): string {
  if (value === null) return 'not set';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'number') return value.toLocaleString('en-GB');
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value.map((v) => (key === 'missing' ? (FIELD_NAMES[String(v)] ?? String(v)) : String(v))).join(', ');
  }
  if (key === 'limitFrom') return value === 'report' ? 'this report' : 'the limits table';
  return value;
}

/** The check's figures as "name: value" pairs, the limit last. */
export function figuresOf(check: Pick<Check, 'figures' | 'limit'>): { name: string; value: string }[] {
  const out = Object.entries(check.figures).map(([key, value]) => ({ name: FIGURE_NAMES[key] ?? key, value: valueText(key, value) }));
  if (check.limit !== null) out.push({ name: 'Limit', value: check.limit.toLocaleString('en-GB') });
  return out;
}
