/** A report with everything export handles, written through the layout module, for export and import tests. */
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { PmNode } from '../../shared/report/content.ts';
import { addSection, getSectionBody, setSectionTag } from '../../shared/report/layout.ts';
import { addOrganisation, setCoverFields } from '../../shared/report/coverFields.ts';
import { addEarlierRecommendations, updateEarlierRecommendation } from '../../shared/report/earlierRecommendations.ts';
import { editorExtensions } from '../../shared/schema/extensions.ts';

const schema = getSchema(editorExtensions());

const text = (t: string, marks?: PmNode['marks']): PmNode => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const para = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });
const note = (...content: PmNode[]): PmNode => ({ type: 'footnote', content });
const cell = (type: 'tableCell' | 'tableHeader', t: string): PmNode => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [para(text(t))] });

/** Arabic and Chinese sentences without lam-alef ligatures, which pdftotext splits in reading order. */
export const ARABIC_SENTENCE = 'تطالب منظمات حقوق المرأة في كل مكان بحماية فعلية من العنف المنزلي ومن التمييز في العمل والتعليم والصحة';
export const CHINESE_SENTENCE = '政府应当确保所有儿童平等接受教育';

export const SAMPLE_SECTIONS: { title: string; tags: string[]; content: PmNode[] }[] = [
  {
    title: 'Introduction',
    tags: ['ICERD:5', 'SDG:4.5', 'CERD-GR:35'],
    content: [
      para(text('Roma children are '), text('segregated', [{ type: 'bold' }]), note(text('European Roma Rights Centre, school survey 2023.')), text(' in separate schools.')),
      { type: 'heading', attrs: { level: 2 }, content: [text('Background of the survey')] },
      para(text('The coalition visited '), text('forty schools', [{ type: 'italic' }]), text(' in three regions, see '), text('the survey', [{ type: 'link', attrs: { href: 'https://example.org/survey' } }]), text('.')),
      { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('Northern region findings'))] }, { type: 'listItem', content: [para(text('Southern region findings'))] }] },
      { type: 'blockquote', content: [para(text('We were told to sit at the back, said a pupil.'))] },
    ],
  },
  {
    title: 'Access to education',
    tags: ['ICERD:5', 'REC:CERD/C/FRE/CO/19:14'],
    content: [
      para(text('Enrolment figures by year:'), note(text('Ministry of Education statistics, '), text('table 4', [{ type: 'link', attrs: { href: 'https://example.org/stats' } }]), text('.'))),
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', 'School year'), cell('tableHeader', 'Roma pupils enrolled')] },
          { type: 'tableRow', content: [cell('tableCell', '2021-2022'), cell('tableCell', '1,204')] },
          { type: 'tableRow', content: [cell('tableCell', '2022-2023'), cell('tableCell', '1,187')] },
        ],
      },
      para(text('The State party should end segregation by 2026.'), note(text('See also the previous concluding observations.'))),
    ],
  },
  {
    title: 'Testimonies in other languages',
    tags: ['UPR-GROUP:migrants'],
    content: [para(text(ARABIC_SENTENCE)), para(text(CHINESE_SENTENCE)), para(text('Права человека для всех.'))],
  },
];

/** Fill an initialised report document with the sample content, cover fields and an earlier recommendation. */
export function writeSampleReport(doc: Y.Doc): string[] {
  setCoverFields(doc, {
    session: '110th session (2024)',
    submissionType: 'joint',
    contact: 'coalition@example.org',
    confidentiality: 'public',
    language: 'en',
    wordLimit: 10_700,
  });
  addOrganisation(doc, 'Roma Rights Centre');
  addOrganisation(doc, 'Equal Schools Network');
  const ids = SAMPLE_SECTIONS.map((s) => {
    const id = addSection(doc, { title: s.title });
    for (const tag of s.tags) setSectionTag(doc, id, tag, true);
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: s.content }, getSectionBody(doc, id)!);
    return id;
  });
  const { ids: [rec] } = addEarlierRecommendations(doc, [
    { symbol: 'CERD/C/FRE/CO/19', paragraph: '14', text: 'End the placement of Roma children in special schools', recommendedBy: ['CERD'] },
  ]);
  updateEarlierRecommendation(doc, rec!, { assessment: 'not-implemented', comment: 'Forty segregated schools remain' });
  return ids;
}

const spanned = (type: 'tableCell' | 'tableHeader', t: string, colspan = 1, rowspan = 1): PmNode => ({
  type,
  attrs: { colspan, rowspan, colwidth: null },
  content: [para(text(t))],
});

/** A table with cells merged across columns, down rows, and both: "North" spans 2 rows, "South and east" 2 × 2. */
export const MERGED_TABLE: PmNode = {
  type: 'table',
  content: [
    { type: 'tableRow', content: [spanned('tableHeader', 'Region'), spanned('tableHeader', 'Cases', 2)] },
    { type: 'tableRow', content: [spanned('tableCell', 'North', 1, 2), spanned('tableCell', '2022'), spanned('tableCell', '10')] },
    { type: 'tableRow', content: [spanned('tableCell', '2023'), spanned('tableCell', '12')] },
    { type: 'tableRow', content: [spanned('tableCell', 'South and east', 2, 2), spanned('tableCell', '7')] },
    { type: 'tableRow', content: [spanned('tableCell', '9')] },
  ],
};

/** Add a section holding MERGED_TABLE; returns its id. */
export function writeMergedTable(doc: Y.Doc): string {
  const id = addSection(doc, { title: 'Cases by region' });
  prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [MERGED_TABLE] }, getSectionBody(doc, id)!);
  return id;
}
