/**
 * THE table of formal rules per mechanism, each with where it comes from. checks.ts runs every rule that applies to
 * a report's mechanism and shows the source beside it in the checklist; the rules computed elsewhere in checks.ts
 * (numbering, organisations, cover, recommendations, word limit, earlier recommendations) take their source from
 * checkSource() below, so every check the app shows names its source.
 */
import type { Mechanism } from '../api/mechanisms.ts';
import type { CoverFields } from '../report/coverFields.ts';
import type { EvidenceFindings } from './evidenceFindings.ts';
import type { Exclusion } from '../export/audience.ts';
import type { CheckPassage } from './checks.ts';

const UPR_GUIDELINES =
  'OHCHR, "Universal Periodic Review (Third Cycle): Information and guidelines for relevant stakeholders\' written submissions" and its fourth-cycle edition';
const UPR_TECHNICAL =
  'OHCHR, "Technical guidelines for the submission of stakeholders\' information" (1 July 2008; http://www.ohchr.org/EN/HRBodies/UPR/Pages/TechnicalGuide.aspx)';
const CCPR_PAGE =
  'OHCHR, Human Rights Committee, "Information for civil society, NGOs and National Human Rights Institutions" (https://www.ohchr.org/en/treaty-bodies/ccpr/information-civil-society-ngos-and-national-human-rights-institutions)';
const SESSION_NOTE = "The committee's information note for the session, or OHCHR's page of UPR submission deadlines";

const TREATY_NOTE = "the committee's information note for NGOs for the session (check it for this rule)";

/**
 * Sources of the checks computed in checks.ts, by check id: one for the UPR, one for the treaty bodies where the
 * UPR's written guidelines do not apply to them.
 */
const CHECK_SOURCES: Record<string, { upr: string; treaty: string }> = {
  'paragraphs-numbered': {
    upr: `${UPR_TECHNICAL}: paragraphs and pages numbered`,
    treaty: `UN documents number their paragraphs, and so do committees' concluding observations and ${TREATY_NOTE}`,
  },
  'organisations-named': {
    upr: `${UPR_TECHNICAL}: a joint submission names every submitting organisation at the beginning of the text`,
    treaty: `A committee needs to know who submits: ${TREATY_NOTE}`,
  },
  'organisations-signed-on': {
    upr: 'Rightsdraft: the cover names only the organisations that confirmed their endorsement',
    treaty: 'Rightsdraft: the cover names only the organisations that confirmed their endorsement',
  },
  'cover-complete': {
    upr: `${UPR_TECHNICAL}: the session, the State, the submitting organisation(s) and a contact person`,
    treaty: `The session, the State party, the submitting organisation(s) and a contact person: ${TREATY_NOTE}`,
  },
  'recommendations-present': {
    upr: `${UPR_GUIDELINES}: submissions end with recommendations to the State`,
    treaty: 'Committees draw their concluding observations from recommendations to the State party',
  },
  'recommendations-specific': {
    upr: 'UPR Info, action categories of recommendations (category 5: a specific action)',
    treaty: 'UPR Info, action categories of recommendations (category 5: a specific action), applied to treaty-body recommendations too',
  },
  'within-word-limit': {
    upr: 'The word-limits table (shared/submission/wordLimits.ts), each row with its own sources',
    treaty: 'The word-limits table (shared/submission/wordLimits.ts), each row with its own sources',
  },
  'earlier-recommendations-assessed': {
    upr: `${UPR_GUIDELINES}: focus on the implementation of the previous review's recommendations`,
    treaty: `${UPR_GUIDELINES}: focus on the implementation of the previous review's recommendations`,
  },
};

/** Where the rule behind a check computed in checks.ts comes from, for a report on `mechanism`. */
export function checkSource(id: string, mechanism: string): string {
  const sources = CHECK_SOURCES[id];
  if (!sources) return '';
  return mechanism === 'UPR' ? sources.upr : sources.treaty;
}

/** What a rule sees of a report. */
export interface RuleInput {
  mechanism: Mechanism | string;
  stateUnderReview: string;
  cover: CoverFields;
  /** The language of the text: the cover's, else the one read from the text ('' when neither tells). */
  language: string;
  /** Titles of the sections marked as annexes. */
  annexTitles: string[];
  /** Today, as an ISO date (YYYY-MM-DD). */
  today: string;
  /** The report's images, in outline order (issue 12). */
  images?: { sectionTitle: string; alt: string; decorative: boolean }[];
  /** Testimony consent and sensitive names, as an export for the cover's audience would meet them (evidenceFindings.ts). */
  evidence?: EvidenceFindings;
}

export interface RuleOutcome {
  passed: boolean;
  figures: Record<string, string | number | boolean | null | (string | number)[]>;
  message: string;
  /** The passages found, for the interface to list (testimony checks). */
  passages?: CheckPassage[];
}

export interface SubmissionRule {
  id: string;
  label: string;
  /** The mechanisms the rule applies to. */
  mechanisms: readonly Mechanism[] | 'all';
  source: string;
  run(input: RuleInput): RuleOutcome;
}

/** Days before the deadline from which the checklist warns. */
export const DEADLINE_WARNING_DAYS = 7;

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const readableDate = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'French', es: 'Spanish', ar: 'Arabic', zh: 'Chinese', ru: 'Russian' };
const ENGLISH_FRENCH_SPANISH = ['en', 'fr', 'es'];

/** States whose one name has "and" in it (UN short names), so "and" alone does not mean two States. */
const STATES_NAMED_WITH_AND = [
  'antigua and barbuda',
  'bosnia and herzegovina',
  'saint kitts and nevis',
  'saint vincent and the grenadines',
  'sao tome and principe',
  'são tomé and príncipe',
  'trinidad and tobago',
  'united kingdom of great britain and northern ireland',
];

/** Whether the "State under review" names more than one State: a list (comma, semicolon, slash, &, +) or "X and Y". */
export function namesSeveralStates(state: string): boolean {
  const s = state.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/[,;/&+\n]/.test(s)) return true;
  if (!/\band\b/.test(s)) return false;
  return !STATES_NAMED_WITH_AND.includes(s);
}

export const SUBMISSION_RULES: readonly SubmissionRule[] = [
  {
    id: 'deadline',
    label: 'The deadline is not close or past',
    mechanisms: 'all',
    source: `${SESSION_NOTE}; UPR: late submissions are not considered (${UPR_GUIDELINES})`,
    run({ cover, today }) {
      if (!cover.deadline) {
        return { passed: true, figures: { deadline: null }, message: "No deadline is set. Add the committee's deadline in the cover information to be warned a week before." };
      }
      const days = daysBetween(today, cover.deadline);
      const date = readableDate(cover.deadline);
      const figures = { deadline: cover.deadline, daysLeft: days };
      if (days < 0) return { passed: false, figures, message: `The deadline (${date}) has passed. Ask the secretariat whether a late submission is still accepted, or set the next deadline.` };
      if (days === 0) return { passed: false, figures, message: `The deadline is today (${date}). Send the submission today.` };
      if (days <= DEADLINE_WARNING_DAYS) return { passed: false, figures, message: `The deadline is in ${days} day${days === 1 ? '' : 's'} (${date}). Finish the checks and send the submission in time.` };
      return { passed: true, figures, message: `The deadline is ${date}, in ${days} days.` };
    },
  },
  {
    id: 'language-accepted',
    label: 'Written in a language the mechanism accepts',
    mechanisms: ['UPR', 'CCPR'],
    source: `UPR: ${UPR_GUIDELINES} (United Nations official languages, preferably English, French or Spanish); CCPR: ${CCPR_PAGE}`,
    run({ language, mechanism }) {
      const base = language.toLowerCase().split('-')[0] ?? '';
      const figures = { language: language || null, accepted: ENGLISH_FRENCH_SPANISH };
      if (!base) {
        return { passed: false, figures, message: `Set the report's language in the cover information: ${mechanism} takes submissions in English, French or Spanish.` };
      }
      const name = LANGUAGE_NAMES[base] ?? language;
      return ENGLISH_FRENCH_SPANISH.includes(base)
        ? { passed: true, figures, message: `Written in ${name}.` }
        : { passed: false, figures, message: `The report is in ${name}: ${mechanism} takes submissions in English, French or Spanish. Translate it, or correct the language in the cover information.` };
    },
  },
  {
    id: 'format-word',
    label: 'Sent as a Word document',
    mechanisms: ['UPR'],
    source: `${UPR_TECHNICAL}: "saved as a Word document only, i.e. not as PDF file"`,
    run() {
      return { passed: true, figures: { format: 'docx' }, message: 'The UPR takes Word documents only: export the submission as Word (.docx), not PDF.' };
    },
  },
  {
    id: 'period-covered',
    label: 'The period covered is stated',
    mechanisms: 'all',
    source: `UPR: the period since the previous review (${UPR_GUIDELINES}); treaty bodies: the period since the State's last review or report, as the committee's information note says`,
    run({ cover }) {
      const period = cover.period.trim();
      return period
        ? { passed: true, figures: { period }, message: `The submission covers ${period}.` }
        : { passed: false, figures: { period: null }, message: 'Say which period the submission covers (for example "2019 to 2024", since the last review) in the cover information.' };
    },
  },
  {
    id: 'one-state',
    label: 'One State per submission',
    mechanisms: 'all',
    source: `${UPR_TECHNICAL}: "each electronic submission ... should refer to one country only"; a committee reviews one State party's report at a time`,
    run({ stateUnderReview }) {
      const state = stateUnderReview.trim();
      if (!state) return { passed: false, figures: { state: null }, message: 'Name the State under review in the report header.' };
      return namesSeveralStates(state)
        ? { passed: false, figures: { state }, message: `"${state}" looks like more than one State. Write a separate submission for each State.` }
        : { passed: true, figures: { state }, message: `About ${state} only.` };
    },
  },
  {
    id: 'no-annexed-reports',
    label: "No other organisation's report annexed",
    mechanisms: ['UPR'],
    source: `${UPR_GUIDELINES}: stakeholders should refrain from annexing reports of other organisations`,
    run({ annexTitles }) {
      // Rightsdraft cannot tell whose text an annex holds; an annex titled as a report is the likely case.
      const reports = annexTitles.filter((t) => /\breports?\b/i.test(t));
      if (reports.length > 0) {
        return {
          passed: false,
          figures: { annexes: annexTitles.length, reportAnnexes: reports },
          message: `Annex${reports.length === 1 ? '' : 'es'} ${reports.map((t) => `"${t}"`).join(', ')} look${reports.length === 1 ? 's' : ''} like a report. Do not annex other organisations' reports: cite them in a note with a link instead.`,
        };
      }
      return {
        passed: true,
        figures: { annexes: annexTitles.length, reportAnnexes: [] },
        message: annexTitles.length === 0 ? 'No annexes.' : "No annex is titled as a report. Make sure none holds another organisation's report.",
      };
    },
  },
  {
    id: 'confidentiality-chosen',
    label: 'Public or confidential is chosen',
    mechanisms: ['CEDAW', 'CRPD'],
    source:
      'CEDAW: OHCHR Civil Society Section, "Committee on the Elimination of Discrimination against Women (CEDAW): Participation by Non-Governmental Organizations" (2011); CRPD: CRPD/C/11/2, annex II (2014). Both committees ask whether a submission may be made public.',
    run({ cover }) {
      return cover.confidentiality
        ? { passed: true, figures: { confidentiality: cover.confidentiality }, message: `The submission is ${cover.confidentiality}.` }
        : { passed: false, figures: { confidentiality: null }, message: 'Say in the cover information whether the committee may publish the submission or must keep it confidential.' };
    },
  },
  {
    id: 'images-described',
    label: 'Every image has alternative text',
    mechanisms: 'all',
    source:
      'W3C, Web Content Accessibility Guidelines (WCAG) 2.2, success criterion 1.1.1 Non-text Content; OHCHR publishes submissions on its website, where they must be accessible',
    run({ images = [] }) {
      const missing = images.filter((i) => !i.decorative && i.alt.trim() === '');
      const sections = [...new Set(missing.map((i) => i.sectionTitle))];
      if (missing.length > 0) {
        return {
          passed: false,
          figures: { images: images.length, withoutAlt: missing.length, sections },
          message: `${missing.length} image${missing.length === 1 ? ' has' : 's have'} no alternative text (in ${sections.map((t) => `"${t}"`).join(', ')}). Describe each, or mark it decorative.`,
        };
      }
      return {
        passed: true,
        figures: { images: images.length, withoutAlt: 0, sections: [] },
        message: images.length === 0 ? 'No images.' : `All ${images.length} image${images.length === 1 ? ' is' : 's are'} described or marked decorative.`,
      };
    },
  },
  // Evidence (issue 12): testimony consent and sensitive names. The image rule (every image has alt text) is just above.
  {
    id: 'testimony-consent-covers-export',
    label: 'Every quoted testimony has consent for this submission',
    mechanisms: 'all',
    source: 'Rightsdraft: what each witness agreed to (the testimony records); a public submission carries only public consent',
    run({ evidence }) {
      const list = evidence?.notCovered ?? [];
      const audience = evidence?.audience === 'committee' ? 'a confidential submission to the committee' : 'a public submission';
      const figures = { audience: evidence?.audience ?? 'public', passages: list.length, testimonies: [...new Set(list.map((e) => e.testimony))] };
      if (list.length === 0) return { passed: true, figures, message: `Every passage linked to testimony has consent for ${audience}.` };
      return {
        passed: false,
        figures,
        message: `${list.length} passage${list.length === 1 ? '' : 's'} linked to testimony without consent for ${audience}: ${list.map((e) => `${e.testimony} in “${e.section}” (${e.reason})`).join('; ')}. Export leaves ${list.length === 1 ? 'it' : 'them'} out or stops, as you choose.`,
        passages: list.map(checkPassage),
      };
    },
  },
  {
    id: 'sensitive-names-replaced',
    label: 'No sensitive name is left in the exported text',
    mechanisms: 'all',
    source: 'Rightsdraft: the report\'s list of sensitive names (people, streets, schools, workplaces) and what each becomes on export',
    run({ evidence }) {
      const left = evidence?.namesLeft ?? [];
      const figures = { listed: evidence?.namesListed ?? 0, left };
      if (left.length === 0) return { passed: true, figures, message: evidence?.namesListed ? 'Export replaces every listed sensitive name.' : 'No sensitive names are listed.' };
      return {
        passed: false,
        figures,
        message: `${left.map((n) => `“${n}”`).join(', ')} would still appear in the file (in the cover information, or inside a replacement). Change that text or the replacement.`,
      };
    },
  },
  {
    id: 'testimony-consent-current',
    label: 'No passage rests on withdrawn or expired consent',
    mechanisms: 'all',
    source: 'Rightsdraft: a witness may withdraw consent, and consent may be given until a date',
    run({ evidence }) {
      const list = evidence?.lapsed ?? [];
      const figures = { passages: list.length, testimonies: [...new Set(list.map((e) => e.testimony))] };
      if (list.length === 0) return { passed: true, figures, message: 'No linked passage rests on withdrawn or expired consent.' };
      return {
        passed: false,
        figures,
        message: `Rewrite or remove ${list.length === 1 ? 'this passage' : 'these passages'}: ${list.map((e) => `${e.testimony} in “${e.section}”: “${e.excerpt}” (${e.reason})`).join('; ')}.`,
        passages: list.map(checkPassage),
      };
    },
  },
];

function checkPassage(e: Exclusion): CheckPassage {
  return { testimony: e.testimony, section: e.section, excerpt: e.excerpt, why: e.why };
}

export function rulesFor(mechanism: string): SubmissionRule[] {
  return SUBMISSION_RULES.filter((r) => r.mechanisms === 'all' || (r.mechanisms as readonly string[]).includes(mechanism));
}
