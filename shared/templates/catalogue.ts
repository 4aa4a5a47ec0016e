/**
 * THE list of report templates, as data: what each is called, which mechanisms it fits, and its parts. A part is a
 * plain section, the substantive articles of a treaty (one section each, titled and tagged from the taxonomy), or a
 * group of articles in one section (the CRC's reporting clusters). Kept free of the taxonomy so the New report
 * dialog can list templates without loading it; templates.ts turns parts into sections.
 */
import type { Mechanism } from '../api/mechanisms.ts';

/** A heading the template writes into a section's text, with a paragraph saying what goes under it. */
export interface Guidance {
  heading: string;
  text: string;
}

export type TemplatePart =
  /** One section. `jointTitle` replaces the title for a joint submission (several organisations). */
  | { kind: 'section'; title: string; jointTitle?: string; guidance?: readonly Guidance[] }
  /** One section per substantive article of the mechanism's treaty, from `first` to `last` when given. */
  | { kind: 'articles'; first?: number; last?: number }
  /** One section about several articles, tagged with each of them. */
  | { kind: 'group'; title: string; tags: readonly string[] };

export interface TemplateDefinition {
  name: string;
  /** What the report starts with, in a sentence, for the New report dialog. */
  summary: string;
  /** The mechanisms the template fits; the first listed template of a mechanism is its default. */
  mechanisms: readonly Mechanism[];
  parts: readonly TemplatePart[];
  /** Where the structure comes from. */
  source: string;
}

const TREATY_BODIES: readonly Mechanism[] = ['CERD', 'CEDAW', 'CCPR', 'CESCR', 'CAT', 'CRC', 'CRPD', 'CMW', 'CED'];

const section = (title: string, guidance?: readonly Guidance[]): TemplatePart => ({ kind: 'section', title, ...(guidance ? { guidance } : {}) });
const opening: TemplatePart[] = [section('Introduction'), section('Methodology and the coalition')];
const closing: TemplatePart[] = [section('Recommendations')];

/** A shadow report with one section per substantive article of the mechanism's treaty. */
function articleTemplate(mechanism: Mechanism, treatyName: string, articles: string): TemplateDefinition {
  return {
    name: `${mechanism} shadow report (${treatyName} articles ${articles})`,
    summary: `Introduction, methodology and the coalition, ${treatyName} articles ${articles} (one tagged section each), recommendations.`,
    mechanisms: [mechanism],
    parts: [...opening, { kind: 'articles' }, ...closing],
    source: `The substantive articles of the ${treatyName} in the reference data set (shared/taxonomy/generated/treaties.json).`,
  };
}

const CRC_CLUSTERS: TemplatePart[] = [
  { kind: 'group', title: 'General measures of implementation (arts. 4, 42 and 44 (6))', tags: ['CRC:4', 'CRC:42', 'CRC:44'] },
  { kind: 'group', title: 'Definition of the child (art. 1)', tags: ['CRC:1'] },
  { kind: 'group', title: 'General principles (arts. 2, 3, 6 and 12)', tags: ['CRC:2', 'CRC:3', 'CRC:6', 'CRC:12'] },
  { kind: 'group', title: 'Civil rights and freedoms (arts. 7, 8, 13 to 17 and 37 (a))', tags: ['CRC:7', 'CRC:8', 'CRC:13', 'CRC:14', 'CRC:15', 'CRC:16', 'CRC:17', 'CRC:37'] },
  { kind: 'group', title: 'Violence against children (arts. 19, 24 (3), 28 (2), 34, 37 (a) and 39)', tags: ['CRC:19', 'CRC:24', 'CRC:28', 'CRC:34', 'CRC:37', 'CRC:39'] },
  {
    kind: 'group',
    title: 'Family environment and alternative care (arts. 5, 9 to 11, 18 (1) and (2), 20, 21, 25 and 27 (4))',
    tags: ['CRC:5', 'CRC:9', 'CRC:10', 'CRC:11', 'CRC:18', 'CRC:20', 'CRC:21', 'CRC:25', 'CRC:27'],
  },
  {
    kind: 'group',
    title: 'Disability, basic health and welfare (arts. 6, 18 (3), 23, 24, 26, 27 (1) to (3) and 33)',
    tags: ['CRC:6', 'CRC:18', 'CRC:23', 'CRC:24', 'CRC:26', 'CRC:27', 'CRC:33'],
  },
  { kind: 'group', title: 'Education, leisure and cultural activities (arts. 28 to 31)', tags: ['CRC:28', 'CRC:29', 'CRC:30', 'CRC:31'] },
  {
    kind: 'group',
    title: 'Special protection measures (arts. 22, 30, 32 to 36, 37 (b) to (d), 38, 39 and 40)',
    tags: ['CRC:22', 'CRC:30', 'CRC:32', 'CRC:33', 'CRC:34', 'CRC:35', 'CRC:36', 'CRC:37', 'CRC:38', 'CRC:39', 'CRC:40'],
  },
];

const ISSUE_GUIDANCE: readonly Guidance[] = [
  {
    heading: 'The issue',
    text: 'Say in two or three sentences what the problem is, who it affects and since when, and which article of the treaty it concerns (tag this section with the article). Replace this text.',
  },
  {
    heading: 'The evidence',
    text: 'Give the facts the committee can rely on, each with its source in a footnote: laws and policies, court cases, statistics, the State’s own figures, what people affected told you.',
  },
  {
    heading: 'Questions to ask the State',
    text: 'Write the questions you want in the list of issues, each asking for something the State can answer: "Please provide information on the measures taken to ..., and their results."',
  },
];

const FOLLOW_UP_GUIDANCE: readonly Guidance[] = [
  {
    heading: 'The recommendation',
    text: 'Quote the recommendation the committee chose for follow-up and give its paragraph number in the last concluding observations (add it as an earlier recommendation to tag this section with it). Replace this text.',
  },
  {
    heading: 'What the State has done',
    text: 'The measures the State reported and those you have seen, with dates and sources, including anything it did against the recommendation.',
  },
  {
    heading: 'Our assessment',
    text: 'Say whether the recommendation is implemented, partly implemented or not implemented, and why, so the committee can grade the State’s reply.',
  },
  {
    heading: 'What the State should do now',
    text: 'The specific steps still needed, each with a time frame.',
  },
];

export const TEMPLATES = {
  cerd: {
    name: 'CERD shadow report (ICERD articles 2 to 7)',
    summary: 'Introduction, methodology and the coalition, ICERD articles 2 to 7 (one tagged section each), recommendations.',
    mechanisms: ['CERD'],
    parts: [...opening, { kind: 'articles', first: 2, last: 7 }, ...closing],
    source: 'ICERD articles 2 to 7, the articles on which CERD reviews States (article 1 defines racial discrimination).',
  },
  cedaw: {
    name: 'CEDAW shadow report (articles 1 to 16)',
    summary: 'Introduction, methodology and the coalition, CEDAW articles 1 to 16 with their captions, recommendations.',
    mechanisms: ['CEDAW'],
    parts: [...opening, { kind: 'articles' }, ...closing],
    source: 'The substantive articles of CEDAW, with the captions of the UN Division for the Advancement of Women.',
  },
  ccpr: articleTemplate('CCPR', 'ICCPR', '1 to 27'),
  cescr: articleTemplate('CESCR', 'ICESCR', '1 to 15'),
  cat: articleTemplate('CAT', 'Convention against Torture', '1 to 16'),
  crc: {
    name: 'CRC shadow report (the committee’s reporting clusters)',
    summary: 'Introduction, methodology and the coalition, the nine clusters of CRC articles the committee reports by (each tagged with its articles), recommendations.',
    mechanisms: ['CRC'],
    parts: [...opening, ...CRC_CLUSTERS, ...closing],
    source: 'The clusters of the CRC treaty-specific reporting guidelines (CRC/C/58/Rev.3), which State reports and alternative reports follow.',
  },
  crpd: articleTemplate('CRPD', 'CRPD', '1 to 33'),
  cmw: articleTemplate('CMW', 'ICMW', '1 to 71'),
  ced: articleTemplate('CED', 'ICPPED', '1 to 25'),
  upr: {
    name: 'UPR stakeholder submission (individual or joint)',
    summary: 'Introduction and the submitting organisations, methodology and consultation, follow-up of the previous cycle’s recommendations, thematic issues, recommendations.',
    mechanisms: ['UPR'],
    parts: [
      { kind: 'section', title: 'Introduction and the submitting organisation', jointTitle: 'Introduction and the submitting organisations' },
      section('Methodology and consultation'),
      section("Follow-up of the previous cycle's recommendations"),
      section('Thematic issues'),
      section('Recommendations'),
    ],
    source: 'OHCHR, information and guidelines for relevant stakeholders’ written submissions: focus on the follow-up of the previous review.',
  },
  loi: {
    name: 'List of issues submission (LOI or LOIPR)',
    summary: 'Introduction, then one section per issue the coalition proposes for the list of issues, each with the issue, the evidence and the questions to ask the State.',
    mechanisms: TREATY_BODIES,
    parts: [
      section('Introduction: the coalition and the State’s reporting'),
      section('Issue 1', ISSUE_GUIDANCE),
      section('Issue 2', ISSUE_GUIDANCE),
      section('Issue 3', ISSUE_GUIDANCE),
    ],
    source:
      'Committees adopt a list of issues (or, in the simplified procedure, a list of issues prior to reporting) from the information they receive; they need each issue, its evidence and the question to put to the State.',
  },
  followup: {
    name: 'Follow-up submission (recommendations chosen for follow-up)',
    summary: 'Introduction, then one section per follow-up recommendation of the last concluding observations, each with the recommendation, what the State did, the assessment and what remains; recommendations.',
    mechanisms: TREATY_BODIES,
    parts: [
      section('Introduction'),
      section('Follow-up recommendation 1', FOLLOW_UP_GUIDANCE),
      section('Follow-up recommendation 2', FOLLOW_UP_GUIDANCE),
      section('Follow-up recommendation 3', FOLLOW_UP_GUIDANCE),
      section('Recommendations'),
    ],
    source: 'Concluding observations name a few recommendations the State must report on within one or two years; the committee then assesses the State’s follow-up report and what others tell it.',
  },
  treaty: {
    name: 'Shadow report to a treaty body (generic)',
    summary: 'Introduction, methodology and the coalition, follow-up of the previous concluding observations, issues under the treaty, recommendations.',
    mechanisms: TREATY_BODIES,
    parts: [...opening, section('Follow-up of the previous concluding observations'), section('Issues under {treaty}'), ...closing],
    source: 'The usual shape of a shadow report.',
  },
} as const satisfies Record<string, TemplateDefinition>;
