/**
 * THE table of word limits for submissions, by mechanism and submission type, with where each figure comes
 * from. No figure here is guessed: where no official word limit was found for a committee, `words` is null and
 * the note says what guidance exists. A report can carry its own limit (cover field `wordLimit`) when the
 * committee's information note for a session says otherwise; that override wins over this table.
 */
import type { Mechanism } from '../api/mechanisms.ts';
import type { SubmissionType } from '../report/coverFields.ts';

/** Parts of a document that a limit does not count. */
export type NotCounted = 'footnotes' | 'annexes';

export interface WordLimitRule {
  mechanism: Mechanism;
  /** 'any' when the limit does not depend on how many organisations submit. */
  submissionType: SubmissionType | 'any';
  /** The limit in words, or null where no official word limit is known. */
  words: number | null;
  notCounted: readonly NotCounted[];
  /** Where the figure (or the absence of one) comes from: document names and addresses, as text. */
  sources: readonly string[];
  note: string;
}

const UPR_SOURCES = [
  'OHCHR, "Universal Periodic Review (Third Cycle): Information and guidelines for relevant stakeholders\' written submissions", and its fourth-cycle edition (a copy of the third-cycle text: https://docsbay.net/doc/1180997/universal-periodic-review-third-cycle-information-and-guidelines-for-relevant-stakeholders)',
  'UPR Info, guidance for civil society on stakeholder submissions (https://www.upr-info.org)',
  'Earlier rule, for comparison: OHCHR, "Technical guidelines for the submission of stakeholders\' information" (1 July 2008): 5 pages, 10 for large coalitions (http://www.ohchr.org/EN/HRBodies/UPR/Pages/TechnicalGuide.aspx)',
];
const UPR_NOTE =
  'Endnotes (references only) and annexes are not counted. The figures are those of the OHCHR guidelines as cited in Rightsdraft issue 4; the offline copies at hand when this table was written did not show the word figures themselves, so check the guidelines for the session.';

const NO_LIMIT_FOUND = 'No official word limit was found for this committee; check its information note for the session and set the limit on the report.';

export const WORD_LIMITS: readonly WordLimitRule[] = [
  { mechanism: 'UPR', submissionType: 'individual', words: 2815, notCounted: ['footnotes', 'annexes'], sources: UPR_SOURCES, note: UPR_NOTE },
  { mechanism: 'UPR', submissionType: 'joint', words: 5630, notCounted: ['footnotes', 'annexes'], sources: UPR_SOURCES, note: UPR_NOTE },
  {
    mechanism: 'CCPR',
    submissionType: 'any',
    words: 10_000,
    notCounted: ['annexes'],
    sources: [
      'OHCHR, Human Rights Committee, "Information for civil society, NGOs and National Human Rights Institutions": "limited to a maximum of 10,000 words (approx. 15 pages)" (https://www.ohchr.org/en/treaty-bodies/ccpr/information-civil-society-ngos-and-national-human-rights-institutions)',
    ],
    note: 'The page does not say whether footnotes count, so Rightsdraft counts them; annexes are counted out as for every other limit here.',
  },
  {
    mechanism: 'CEDAW',
    submissionType: 'any',
    words: null,
    notCounted: ['footnotes', 'annexes'],
    sources: [
      'OHCHR Civil Society Section, "Committee on the Elimination of Discrimination against Women (CEDAW): Participation by Non-Governmental Organizations", 50th session (2011): reports "of no more than 10 pages" with an executive summary (copy: http://wunrn.org/news/2011/08_11/08_08/080811_cedaw.htm)',
    ],
    note: `A page limit (10 pages, 2011), not a word limit. ${NO_LIMIT_FOUND}`,
  },
  {
    mechanism: 'CERD',
    submissionType: 'any',
    words: null,
    notCounted: ['footnotes', 'annexes'],
    sources: ['Minority Forum handbook on CERD, "Preparing and submitting an alternative report" (https://adattar.minorityforum.info): deadlines but no length limit'],
    note: NO_LIMIT_FOUND,
  },
  {
    mechanism: 'CESCR',
    submissionType: 'any',
    words: null,
    notCounted: ['footnotes', 'annexes'],
    sources: [
      'OHCHR, CESCR "Guidelines for civil society, NGOs and NHRIs" (https://www.ohchr.org/en/treaty-bodies/cescr/guidelines-civil-society-ngos-and-nhris); no word limit found',
      'The Advocates for Human Rights, CESCR guidance: "no specific page limits", ideally not more than 10 pages (http://www.theadvocatesforhumanrights.org/the_committee_on_economic_social_and_cultural_rights.html)',
    ],
    note: NO_LIMIT_FOUND,
  },
  {
    mechanism: 'CAT',
    submissionType: 'any',
    words: null,
    notCounted: ['footnotes', 'annexes'],
    sources: ['Association for the Prevention of Torture, "Alternative reporting to the Committee against Torture", general guidelines (28 January 2013; https://atlas-of-torture.org); no length limit found'],
    note: NO_LIMIT_FOUND,
  },
  {
    mechanism: 'CRC',
    submissionType: 'any',
    words: null,
    notCounted: ['footnotes', 'annexes'],
    sources: [
      'Child Rights Connect, "Alternative report" guidance (https://crcreporting.childrightsconnect.org/convention-on-the-rights-of-the-child-alternative-report-2/); no word limit found',
      'Older NGO guidance on the CRC: alternative reports "no longer than thirty pages" (http://www.lnf.org.lb/child/rolngo.html)',
    ],
    note: `A page limit in older NGO guidance (30 pages), not a word limit. ${NO_LIMIT_FOUND}`,
  },
  {
    mechanism: 'CRPD',
    submissionType: 'any',
    words: null,
    notCounted: ['footnotes', 'annexes'],
    sources: [
      'CRPD/C/11/2, annex II, "Guidelines on the participation of disabled persons organizations and civil society organizations in the work of the Committee" (2014; copy: https://studylib.net/doc/17677314/crpd-c-11-2-annex-ii); no length limit found',
    ],
    note: NO_LIMIT_FOUND,
  },
  {
    mechanism: 'CMW',
    submissionType: 'any',
    words: null,
    notCounted: ['footnotes', 'annexes'],
    sources: ['OHCHR, Committee on Migrant Workers, committee page (https://www.ohchr.org/en/treaty-bodies/cmw); no word or page limit for NGO submissions was found in the material this table was built from'],
    note: NO_LIMIT_FOUND,
  },
  {
    mechanism: 'CED',
    submissionType: 'any',
    words: null,
    notCounted: ['footnotes', 'annexes'],
    sources: ['OHCHR, Committee on Enforced Disappearances, committee page (https://www.ohchr.org/en/treaty-bodies/ced); no word or page limit for NGO submissions was found in the material this table was built from'],
    note: NO_LIMIT_FOUND,
  },
];

export interface EffectiveWordLimit {
  words: number | null;
  notCounted: readonly NotCounted[];
  /** 'report' when the report's own limit replaced the table's. */
  from: 'table' | 'report';
  rule: WordLimitRule | null;
}

/**
 * The limit a report must meet. An unknown submission type uses the individual limit, the lower one, until
 * the coalition says the submission is joint.
 */
export function wordLimitFor(mechanism: string, submissionType: SubmissionType | null, override: number | null = null): EffectiveWordLimit {
  const type = submissionType ?? 'individual';
  const rule =
    WORD_LIMITS.find((r) => r.mechanism === mechanism && r.submissionType === type) ??
    WORD_LIMITS.find((r) => r.mechanism === mechanism && r.submissionType === 'any') ??
    null;
  const notCounted = rule?.notCounted ?? ['footnotes', 'annexes'];
  if (override !== null) return { words: override, notCounted, from: 'report', rule };
  return { words: rule?.words ?? null, notCounted, from: 'table', rule };
}
