/**
 * What the checklist says beside each formal check: how to fix a failing one, where to go to do it, and the
 * check's figures in words. Keyed by the check ids of shared/submission/checks.ts; a check added there later
 * still shows, with its own message and raw figures.
 */
import type { Check, CheckFigure } from '../../../../shared/submission/checks.ts';
import type { ReportViewName } from '../treaty/treatyUiStore.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';

export type CheckFix =
  | { kind: 'view'; view: ReportViewName; label: string }
  | { kind: 'number-paragraphs'; label: string };

/** Every text here is a message key, translated where it is shown. */
export interface CheckHint {
  /** How to make the check pass. */
  hint: string;
  fix: CheckFix | null;
}

const COVER: CheckFix = { kind: 'view', view: 'cover', label: 'submission.checkFix.openCover' };

const HINTS: Record<string, CheckHint> = {
  'paragraphs-numbered': {
    hint: 'submission.checkHint.paragraphsNumbered',
    fix: { kind: 'number-paragraphs', label: 'submission.checkFix.numberParagraphs' },
  },
  'organisations-named': {
    hint: 'submission.checkHint.organisationsNamed',
    fix: COVER,
  },
  'organisations-signed-on': {
    hint: 'submission.checkHint.organisationsSignedOn',
    fix: COVER,
  },
  'cover-complete': { hint: 'submission.checkHint.coverComplete', fix: COVER },
  'confidentiality-chosen': {
    hint: 'submission.checkHint.confidentialityChosen',
    fix: COVER,
  },
  'recommendations-present': {
    hint: 'submission.checkHint.recommendationsPresent',
    fix: { kind: 'view', view: 'sections', label: 'submission.checkFix.goToSections' },
  },
  'recommendations-specific': {
    hint: 'submission.checkHint.recommendationsSpecific',
    fix: { kind: 'view', view: 'recommendations', label: 'submission.checkFix.reviewRecommendations' },
  },
  'within-word-limit': {
    hint: 'submission.checkHint.withinWordLimit',
    fix: { kind: 'view', view: 'cover', label: 'submission.checkFix.setOwnLimit' },
  },
  deadline: {
    hint: 'submission.checkHint.deadline',
    fix: { kind: 'view', view: 'cover', label: 'submission.checkFix.openCover' },
  },
  'language-accepted': {
    hint: 'submission.checkHint.languageAccepted',
    fix: COVER,
  },
  'format-word': { hint: 'submission.checkHint.formatWord', fix: null },
  'period-covered': { hint: 'submission.checkHint.periodCovered', fix: COVER },
  'one-state': { hint: 'submission.checkHint.oneState', fix: null },
  'no-annexed-reports': {
    hint: 'submission.checkHint.noAnnexedReports',
    fix: { kind: 'view', view: 'sections', label: 'submission.checkFix.goToSections' },
  },
  'earlier-recommendations-assessed': {
    hint: 'submission.checkHint.earlierRecommendationsAssessed',
    fix: { kind: 'view', view: 'earlier', label: 'submission.checkFix.openEarlier' },
  },
  // Testimony and sensitive names (issue 12): fixed in the Testimony panel (report header) or the text.
  'testimony-consent-covers-export': {
    hint: 'submission.checkHint.testimonyConsentCoversExport',
    fix: COVER,
  },
  'sensitive-names-replaced': { hint: 'submission.checkHint.sensitiveNamesReplaced', fix: null },
  'testimony-consent-current': {
    hint: 'submission.checkHint.testimonyConsentCurrent',
    fix: { kind: 'view', view: 'sections', label: 'submission.checkFix.goToSections' },
  },
  'images-described': {
    hint: 'submission.checkHint.imagesDescribed',
    fix: { kind: 'view', view: 'sections', label: 'submission.checkFix.goToSections' },
  },
};

export function hintFor(check: Pick<Check, 'id'>): CheckHint | null {
  return HINTS[check.id] ?? null;
}

/** The cover fields a "missing" figure names, by key of their names. */
const FIELD_NAMES: Record<string, string> = {
  title: 'submission.checkField.title',
  stateUnderReview: 'submission.checkField.stateUnderReview',
  session: 'submission.checkField.session',
  contact: 'submission.checkField.contact',
  submissionType: 'submission.checkField.submissionType',
};

/** The figures' names, by key; a figure not listed shows its raw name. */
const FIGURE_NAMES: Record<string, string> = {
  paragraphNumbering: 'submission.checkFigure.paragraphNumbering',
  organisations: 'submission.checkFigure.organisations',
  required: 'submission.checkFigure.required',
  pending: 'submission.checkFigure.pending',
  submissionType: 'submission.checkFigure.submissionType',
  missing: 'submission.checkFigure.missing',
  confidentiality: 'submission.checkFigure.confidentiality',
  recommendations: 'submission.checkFigure.recommendations',
  specific: 'submission.checkFigure.specific',
  notSpecific: 'submission.checkFigure.notSpecific',
  words: 'submission.checkFigure.words',
  notCounted: 'submission.checkFigure.notCounted',
  limitFrom: 'submission.checkFigure.limitFrom',
  entered: 'submission.checkFigure.entered',
  assessed: 'submission.checkFigure.assessed',
  deadline: 'submission.checkFigure.deadline',
  daysLeft: 'submission.checkFigure.daysLeft',
  language: 'submission.checkFigure.language',
  accepted: 'submission.checkFigure.accepted',
  format: 'submission.checkFigure.format',
  period: 'submission.checkFigure.period',
  state: 'submission.checkFigure.state',
  annexes: 'submission.checkFigure.annexes',
  reportAnnexes: 'submission.checkFigure.reportAnnexes',
  images: 'submission.checkFigure.images',
  withoutAlt: 'submission.checkFigure.withoutAlt',
  sections: 'submission.checkFigure.sections',
  audience: 'submission.checkFigure.audience',
  passages: 'submission.checkFigure.passages',
  testimonies: 'submission.checkFigure.testimonies',
  listed: 'submission.checkFigure.listed',
  left: 'submission.checkFigure.left',
};

/** Figure values that are codes, shown in words. */
const VALUE_NAMES: Record<string, Record<string, string>> = {
  notCounted: { footnotes: 'submission.checkValue.footnotes', annexes: 'submission.checkValue.annexes' },
  submissionType: { individual: 'submission.checkValue.individual', joint: 'submission.checkValue.joint' },
  confidentiality: { public: 'submission.checkValue.public', confidential: 'submission.checkValue.confidential' },
  audience: { public: 'submission.checkValue.audiencePublic', committee: 'submission.checkValue.audienceCommittee' },
};

function valueText(key: string, value: CheckFigure): string {
  if (value === null) return t('submission.checkValue.notSet');
  if (typeof value === 'boolean') return value ? t('submission.checkValue.on') : t('submission.checkValue.off');
  if (typeof value === 'number') return formatNumber(value);
  const named = (v: string | number) => {
    const names = key === 'missing' ? FIELD_NAMES : (VALUE_NAMES[key] ?? {});
    const name = names[String(v)];
    return name ? t(name) : typeof v === 'number' ? formatNumber(v) : v;
  };
  if (Array.isArray(value)) {
    if (value.length === 0) return t('submission.checkValue.none');
    return value.map(named).join(', ');
  }
  if (key === 'limitFrom') return value === 'report' ? t('submission.checkValue.thisReport') : t('submission.checkValue.limitsTable');
  return named(value);
}

/** The check's figures as "name: value" pairs, the limit last, in the interface language. */
export function figuresOf(check: Pick<Check, 'figures' | 'limit'>): { name: string; value: string }[] {
  const out = Object.entries(check.figures).map(([key, value]) => ({
    name: FIGURE_NAMES[key] ? t(FIGURE_NAMES[key]) : key,
    value: valueText(key, value),
  }));
  if (check.limit !== null) out.push({ name: t('submission.checkFigure.limit'), value: formatNumber(check.limit) });
  return out;
}

/** The check's label in the interface language, by its id; a check this client does not know keeps its own. */
export function checkLabel(check: Pick<Check, 'id' | 'label'>): string {
  const key = CHECK_LABELS[check.id];
  return key ? t(key) : check.label;
}

const CHECK_LABELS: Record<string, string> = {
  'paragraphs-numbered': 'submission.checkLabel.paragraphsNumbered',
  'organisations-named': 'submission.checkLabel.organisationsNamed',
  'organisations-signed-on': 'submission.checkLabel.organisationsSignedOn',
  'cover-complete': 'submission.checkLabel.coverComplete',
  'recommendations-present': 'submission.checkLabel.recommendationsPresent',
  'recommendations-specific': 'submission.checkLabel.recommendationsSpecific',
  'within-word-limit': 'submission.checkLabel.withinWordLimit',
  'earlier-recommendations-assessed': 'submission.checkLabel.earlierRecommendationsAssessed',
  deadline: 'submission.checkLabel.deadline',
  'language-accepted': 'submission.checkLabel.languageAccepted',
  'format-word': 'submission.checkLabel.formatWord',
  'period-covered': 'submission.checkLabel.periodCovered',
  'one-state': 'submission.checkLabel.oneState',
  'no-annexed-reports': 'submission.checkLabel.noAnnexedReports',
  'confidentiality-chosen': 'submission.checkLabel.confidentialityChosen',
  'images-described': 'submission.checkLabel.imagesDescribed',
  'testimony-consent-covers-export': 'submission.checkLabel.testimonyConsentCoversExport',
  'sensitive-names-replaced': 'submission.checkLabel.sensitiveNamesReplaced',
  'testimony-consent-current': 'submission.checkLabel.testimonyConsentCurrent',
};
