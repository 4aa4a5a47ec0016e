/**
 * What each formal check says, in the interface language. shared/submission/checks.ts and rules.ts compute the
 * checks (and the server and exports use them in English); the client says them again here from the check's id,
 * whether it passed and its figures. A check this client does not know, or one whose message carries details its
 * figures do not, keeps the shared message; the testimony checks carry their passages (exclusionText.ts).
 */
import type { Check, CheckFigure } from '../../../../shared/submission/checks.ts';
import { DEADLINE_WARNING_DAYS } from '../../../../shared/submission/rules.ts';
import { currentLanguage, t } from '../../i18n/i18n.ts';
import { testimonyCheckMessage } from '../testimony/exclusionText.ts';

const num = (v: CheckFigure | undefined): number => (typeof v === 'number' ? v : 0);
const list = (v: CheckFigure | undefined): (string | number)[] => (Array.isArray(v) ? v : []);
const text = (v: CheckFigure | undefined): string => (typeof v === 'string' ? v : '');
const quoted = (items: (string | number)[], open = '"', close = '"') => items.map((i) => `${open}${i}${close}`).join(', ');

/** A deadline as the checklist has always written it in English ("7 December 2026"), else in the interface language. */
function readableDate(iso: string): string {
  const language = currentLanguage();
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(language === 'en' ? 'en-GB' : language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

const FIELD_KEYS: Record<string, string> = {
  title: 'submission.checkField.title',
  stateUnderReview: 'submission.checkField.stateUnderReview',
  session: 'submission.checkField.session',
  contact: 'submission.checkField.contact',
  submissionType: 'submission.checkField.submissionType',
};

const UN_LANGUAGES = new Set(['en', 'fr', 'es', 'ar', 'zh', 'ru']);

type Say = (check: Pick<Check, 'passed' | 'figures' | 'limit' | 'message' | 'passages'>, mechanism: string) => string;

const MESSAGES: Record<string, Say> = {
  'paragraphs-numbered': ({ passed }) => t(passed ? 'submission.checkMessage.numberedYes' : 'submission.checkMessage.numberedNo'),
  'organisations-named': ({ passed, figures }) => {
    const count = num(figures.organisations);
    if (figures.submissionType === 'individual' && count > 1) return t('submission.checkMessage.organisationsTooMany', { count });
    if (passed) return t('submission.checkMessage.organisationsNamed', { count });
    return t(figures.submissionType === 'joint' ? 'submission.checkMessage.organisationsJoint' : 'submission.checkMessage.organisationsOne');
  },
  'organisations-signed-on': ({ passed, figures }) =>
    passed ? t('submission.checkMessage.signedOnAll') : t('submission.checkMessage.signedOnWaiting', { names: list(figures.pending).join(', ') }),
  'cover-complete': ({ passed, figures }) =>
    passed
      ? t('submission.checkMessage.coverComplete')
      : t('submission.checkMessage.coverMissing', { fields: list(figures.missing).map((f) => (FIELD_KEYS[String(f)] ? t(FIELD_KEYS[String(f)]!) : String(f))).join(', ') }),
  'recommendations-present': ({ passed, figures }) =>
    passed ? t('submission.checkMessage.recommendationsCount', { count: num(figures.recommendations) }) : t('submission.checkMessage.recommendationsNone'),
  'recommendations-specific': ({ figures }) => {
    if (num(figures.recommendations) === 0) return t('submission.checkMessage.specificNone');
    const vague = list(figures.notSpecific);
    if (vague.length === 0) return t('submission.checkMessage.specificAll');
    return t('submission.checkMessage.specificVague', { numbers: vague.join(', ') });
  },
  'within-word-limit': ({ figures, limit }, mechanism) => {
    const words = num(figures.words);
    if (limit === null) return t('submission.checkMessage.limitUnknown', { mechanism });
    if (words <= limit) return t('submission.checkMessage.limitWithin', { words, limit });
    return t('submission.checkMessage.limitOver', { over: words - limit, limit });
  },
  'earlier-recommendations-assessed': ({ figures }) => {
    const entered = num(figures.entered);
    if (entered === 0) return t('submission.checkMessage.earlierNone');
    return t('submission.checkMessage.earlierAssessed', { assessed: num(figures.assessed), entered });
  },
  deadline: ({ figures }) => {
    const deadline = text(figures.deadline);
    if (!deadline) return t('submission.checkMessage.deadlineNone');
    const days = num(figures.daysLeft);
    const date = readableDate(deadline);
    if (days < 0) return t('submission.checkMessage.deadlinePassed', { date });
    if (days === 0) return t('submission.checkMessage.deadlineToday', { date });
    if (days <= DEADLINE_WARNING_DAYS) return t('submission.checkMessage.deadlineSoon', { count: days, date });
    return t('submission.checkMessage.deadlineLater', { count: days, date });
  },
  'language-accepted': ({ passed, figures }, mechanism) => {
    const language = text(figures.language);
    const base = language.toLowerCase().split('-')[0] ?? '';
    if (!base) return t('submission.checkMessage.languageUnset', { mechanism });
    const name = UN_LANGUAGES.has(base) ? t(`submission.coverForm.language.${base}`) : language;
    return passed ? t('submission.checkMessage.languageOk', { name }) : t('submission.checkMessage.languageWrong', { name, mechanism });
  },
  'format-word': () => t('submission.checkMessage.formatWord'),
  'period-covered': ({ passed, figures }) =>
    passed ? t('submission.checkMessage.periodCovers', { period: text(figures.period) }) : t('submission.checkMessage.periodMissing'),
  'one-state': ({ passed, figures }) => {
    const state = text(figures.state);
    if (!state) return t('submission.checkMessage.stateMissing');
    return passed ? t('submission.checkMessage.stateOne', { state }) : t('submission.checkMessage.stateSeveral', { state });
  },
  'no-annexed-reports': ({ passed, figures }) => {
    if (!passed) {
      const reports = list(figures.reportAnnexes);
      return t('submission.checkMessage.annexReports', { count: reports.length, titles: quoted(reports) });
    }
    return num(figures.annexes) === 0 ? t('submission.checkMessage.annexesNone') : t('submission.checkMessage.annexesFine');
  },
  'confidentiality-chosen': ({ passed, figures }) => {
    if (!passed) return t('submission.checkMessage.confidentialityMissing');
    return t(figures.confidentiality === 'confidential' ? 'submission.checkMessage.isConfidential' : 'submission.checkMessage.isPublic');
  },
  'images-described': ({ passed, figures }) => {
    if (!passed) return t('submission.checkMessage.imagesMissing', { count: num(figures.withoutAlt), sections: quoted(list(figures.sections)) });
    const images = num(figures.images);
    return images === 0 ? t('submission.checkMessage.imagesNone') : t('submission.checkMessage.imagesAll', { count: images });
  },
  'testimony-consent-covers-export': ({ passed, figures, message, passages }) => {
    if (!passed) return testimonyCheckMessage('testimony-consent-covers-export', passages, text(figures.audience)) ?? message;
    return t(figures.audience === 'committee' ? 'submission.checkMessage.consentCommittee' : 'submission.checkMessage.consentPublic');
  },
  'sensitive-names-replaced': ({ passed, figures }) => {
    if (!passed) return t('submission.checkMessage.namesLeft', { names: quoted(list(figures.left), '“', '”') });
    return num(figures.listed) > 0 ? t('submission.checkMessage.namesReplaced') : t('submission.checkMessage.namesNone');
  },
  'testimony-consent-current': ({ passed, message, passages }) =>
    passed ? t('submission.checkMessage.consentCurrent') : (testimonyCheckMessage('testimony-consent-current', passages, '') ?? message),
};

/** The check's message in the interface language; `mechanism` is the report's. */
export function checkMessage(check: Pick<Check, 'id' | 'passed' | 'figures' | 'limit' | 'message' | 'passages'>, mechanism: string): string {
  const say = MESSAGES[check.id];
  return say ? say(check, mechanism) : check.message;
}
