/**
 * Four starter entries a new instance can load (`npm run library:starter`), written for Rightsdraft in its own
 * words: none is copied from an ordinance, a declaration or another project. Each opens by saying it is a model
 * to adapt. Lines: "# " a heading, "- " a list item, anything else a paragraph.
 */
import type { PmNode } from '../../../shared/report/content.ts';
import type { LibraryKind, LibraryLevel } from '../../../shared/library/entry.ts';

export interface StarterEntry {
  /** Fixed, so that loading twice adds nothing. */
  id: string;
  kind: LibraryKind;
  level: LibraryLevel;
  title: string;
  tags: string[];
  lines: string[];
}

const MODEL_NOTE =
  'This is a model to adapt, written for the Rightsdraft library. Change the names, bodies, numbers and dates to fit your city and your legal system, and check it with someone who knows your local law before it is proposed.';

export const STARTER_ENTRIES: StarterEntry[] = [
  {
    id: 'starter-human-rights-city-declaration',
    kind: 'proclamation',
    level: 'city',
    title: 'Declaration: our city as a human rights city',
    tags: ['SDG:11', 'SDG:16.7', 'SDG:10.3', 'ICCPR:25'],
    lines: [
      MODEL_NOTE,
      '# Why we declare this',
      'Most of the decisions that shape daily life — housing, schools, transport, policing, care, the use of public space — are taken or carried out close to home. The international human rights treaties that our State has ratified bind every level of its government, the city included. The council therefore declares that the city will treat those treaties as a working standard for its own services, and not only as a matter for the national government.',
      '# What the city commits to',
      '- To check its main decisions, budgets and contracts against the human rights obligations that apply to them, and to say in writing how it did so.',
      '- To give priority to the residents whose rights are most at risk, and to ask them, through their own organisations, what they need.',
      '- To publish, once a year, a plain-language account of what it did, what it did not manage, and why.',
      '- To take the recommendations that treaty bodies and the Universal Periodic Review address to our State into account wherever they touch what the city does.',
      '# How the commitment is kept',
      'The council will set up a human rights committee open to residents and civil society, give it a secretariat and a budget, and let it put questions to any department. The committee reports to the council in public session.',
      'Nothing in this declaration reduces any right that residents already hold under national law or international obligations.',
    ],
  },
  {
    id: 'starter-cedaw-local-ordinance',
    kind: 'ordinance',
    level: 'city',
    title: 'Ordinance applying CEDAW in the city\'s own work',
    tags: ['CEDAW:2', 'CEDAW:5', 'CEDAW:7', 'CEDAW:11', 'SDG:5.1', 'SDG:5.5', 'CEDAW-GR:28'],
    lines: [
      MODEL_NOTE,
      '# Section 1. Purpose',
      'This ordinance makes the Convention on the Elimination of All Forms of Discrimination against Women a rule for the city\'s own departments, agencies and contractors, so that women and girls in the city enjoy their rights in practice and not only on paper.',
      '# Section 2. Definition',
      'Discrimination against women means any distinction, exclusion or restriction made on the basis of sex that has the effect or purpose of impairing women\'s equal enjoyment of their rights, whether or not it was intended, in any field of public or private life the city can influence.',
      '# Section 3. Gender analysis',
      '- Each department reviews, every three years, how its services, employment, budget and contracts affect women and men, broken down by age, disability, origin and other factors that compound discrimination.',
      '- The review names the gaps it finds and the steps the department will take, with dates.',
      '- The reviews are published.',
      '# Section 4. Oversight body',
      'A commission on the status of women, whose members are appointed after an open call and include people from women\'s organisations, receives the reviews, may hold public hearings and recommends changes to the council.',
      '# Section 5. Violence against women',
      'The city funds shelters, outreach and training for its staff in line with the commission\'s recommendations, and reports each year on the money spent and the people reached.',
      '# Section 6. Report',
      'The mayor reports to the council each year on how this ordinance is carried out. The report is sent to the national body that prepares the State\'s report to the CEDAW Committee.',
    ],
  },
  {
    id: 'starter-cerd-concluding-observations-resolution',
    kind: 'model-resolution',
    level: 'city',
    title: 'Resolution on acting on CERD\'s concluding observations',
    tags: ['ICERD:2', 'ICERD:5', 'ICERD:6', 'ICERD:7', 'CERD-GR:32', 'SDG:10.3'],
    lines: [
      MODEL_NOTE,
      '# Considering',
      'The Committee on the Elimination of Racial Discrimination has examined our State\'s most recent report and adopted concluding observations. Several of them concern matters that the city manages or strongly influences, such as access to housing, the conduct of municipal police, school enrolment and the collection of data on discrimination.',
      '# The council resolves',
      '- To ask the city administration to list, within three months, each paragraph of the concluding observations that concerns the city, the department responsible, and what it already does about it.',
      '- To prepare, with the communities concerned and their organisations, an action plan with measurable steps and dates for each of those paragraphs.',
      '- To collect and publish data broken down by ethnic origin where this is lawful, voluntary and protects privacy, so that progress can be measured.',
      '- To make sure that residents who face racial discrimination in a city service can complain, are protected from retaliation, and receive an answer within a set time.',
      '- To report in public each year on progress, and to send that report to the national authorities so that it can inform the State\'s next report to the Committee.',
      '# Follow-up',
      'Where the Committee asked the State to give information on selected recommendations within one or two years, the city gives priority to those paragraphs and sends what it has done to the national authority in time.',
    ],
  },
  {
    id: 'starter-upr-local-follow-up-mechanism',
    kind: 'policy-practice',
    level: 'city',
    title: 'A local mechanism to follow up UPR recommendations',
    tags: ['UPR-THEME:national-mechanisms-for-implementation-reporting-and-follow-up-nmirf', 'SDG:16.7', 'SDG:16.b'],
    lines: [
      MODEL_NOTE,
      '# What it is',
      'A small standing arrangement, inside the city administration and open to civil society, that takes the recommendations our State received in the Universal Periodic Review and turns those within the city\'s reach into tracked commitments.',
      '# How it works',
      '- After each review, the mechanism sorts the recommendations the State supported and marks those that touch city responsibilities.',
      '- For each marked recommendation it names a lead department, an indicator and a date, and records them in a public tracker.',
      '- Twice a year it meets civil society organisations in an open session to hear evidence and update the status of each recommendation: no action, in progress, partly implemented, implemented, or regressed.',
      '- Before the State\'s mid-term report and before the next review, it writes a short account of the city\'s progress and shares it with the national coordinating body and with civil society, who may use it in their own submissions.',
      '# What it needs',
      'A named coordinator, a modest budget, access to data held by departments, and a rule that its tracker and meeting records are published.',
      '# Why it helps',
      'Recommendations are often left to the national government while much of the work happens locally. A local mechanism makes that work visible, gives residents a place to raise gaps, and gives the next review better evidence.',
    ],
  },
];

/** The entry's lines as a ProseMirror document. */
export function starterContent(lines: string[]): PmNode {
  const content: PmNode[] = [];
  let list: PmNode | null = null;
  for (const line of lines) {
    const text = (t: string): PmNode[] => [{ type: 'text', text: t }];
    if (line.startsWith('- ')) {
      if (!list) content.push((list = { type: 'bulletList', content: [] }));
      list.content!.push({ type: 'listItem', content: [{ type: 'paragraph', content: text(line.slice(2)) }] });
      continue;
    }
    list = null;
    if (line.startsWith('# ')) content.push({ type: 'heading', attrs: { level: 2 }, content: text(line.slice(2)) });
    else content.push({ type: 'paragraph', content: text(line) });
  }
  return { type: 'doc', content };
}
