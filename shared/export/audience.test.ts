import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { strFromU8, unzipSync } from 'fflate';
import { addSection, getSectionBody, initReport } from '../report/layout.ts';
import { setCoverFields } from '../report/coverFields.ts';
import { addSensitiveName, addTestimony, setSectionInternal, withdrawConsent } from '../report/testimony.ts';
import { TESTIMONY_LINK_MARK } from '../schema/nodeNames.ts';
import { ConsentBlockedError, applyAudience, auditExport, exportedBodyText } from './audience.ts';
import { exportReport } from './exportReport.ts';
import { exportInputFromDoc } from './input.ts';
import { defaultExportOptions } from './options.ts';
import { CONFIDENTIAL_MARKING } from './model.ts';

function el(name: string, children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
  const e = new Y.XmlElement(name);
  e.insert(0, children);
  return e;
}
function txt(value: string, testimony?: string): Y.XmlText {
  const t = new Y.XmlText();
  t.insert(0, value, testimony ? { [TESTIMONY_LINK_MARK]: { testimony } } : undefined);
  return t;
}

function report() {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Evictions on Rua das Flores', mechanism: 'CESCR', stateUnderReview: 'Freedonia', editorSchemaVersion: 5 });
  const pub = addTestimony(doc, { consent: 'public-anonymised' })!;
  const committee = addTestimony(doc, { consent: 'committee-only' })!;
  const internal = addTestimony(doc, { consent: 'internal-only' })!;
  addSensitiveName(doc, 'Rua das Flores', 'a street in the northern district');
  addSensitiveName(doc, 'Ana Souza', 'Witness A');
  const housing = addSection(doc, { title: 'Housing' });
  getSectionBody(doc, housing)!.insert(0, [
    el('paragraph', [txt('Families on rua das flores were evicted. '), txt('“They came at night,” said Ana Souza.', pub)]),
    el('blockquote', [el('paragraph', [txt('The police officer told us to keep quiet.', committee)])]),
    el('paragraph', [txt('Our notes: '), txt('her brother works at the ministry', internal)]),
  ]);
  const notes = addSection(doc, { title: 'Coalition notes' });
  getSectionBody(doc, notes)!.insert(0, [el('paragraph', [txt('Meeting plan for the coalition only.')])]);
  setSectionInternal(doc, notes, true);
  return { doc, pub, committee, internal };
}

describe('Export for an audience', () => {
  it('lists what a public export leaves out and why, with what blocks it', () => {
    const { doc } = report();
    const list = auditExport(exportInputFromDoc(doc), 'public');
    expect(list.map((e) => [e.section, e.testimony, e.blocking])).toEqual([
      ['Housing', 'Witness B', true],
      ['Housing', 'Witness C', false],
      ['Coalition notes', '', false],
    ]);
    expect(list[0]!.reason).toContain('committee only, confidential');
    expect(list[0]!.excerpt).toBe('The police officer told us to keep quiet.');
  });

  it('leaves out committee-only and internal passages and sections, and replaces every sensitive name', () => {
    const { doc } = report();
    const text = exportedBodyText(applyAudience(exportInputFromDoc(doc), 'public'));
    expect(text).toContain('Families on a street in the northern district were evicted.');
    expect(text).toContain('said Witness A.');
    expect(text).toContain('Evictions on a street in the northern district');
    expect(text).not.toMatch(/police officer|ministry|Meeting plan|Rua das Flores|Ana Souza/i);
  });

  it('keeps committee-only testimony in a committee export, but never internal testimony', () => {
    const { doc } = report();
    const text = exportedBodyText(applyAudience(exportInputFromDoc(doc), 'committee'));
    expect(text).toContain('The police officer told us to keep quiet.');
    expect(text).not.toMatch(/ministry|Meeting plan/);
  });

  it('leaves out a passage whose consent was withdrawn, from every audience', () => {
    const { doc, pub } = report();
    withdrawConsent(doc, pub, 'Editor');
    const list = auditExport(exportInputFromDoc(doc), 'committee');
    expect(list[0]).toMatchObject({ testimony: 'Witness A', reason: 'consent was withdrawn', blocking: true });
    expect(exportedBodyText(applyAudience(exportInputFromDoc(doc), 'committee'))).not.toContain('They came at night');
  });

  it('makes no file when the person chose to block, and says what and why', async () => {
    const { doc } = report();
    const options = { ...defaultExportOptions('CESCR'), audience: 'public' as const, onConsent: 'block' as const };
    const run = exportReport(exportInputFromDoc(doc), { format: 'docx', options });
    await expect(run).rejects.toBeInstanceOf(ConsentBlockedError);
    await expect(run).rejects.toThrow(/Witness B in “Housing”: “The police officer/);
  });

  it('writes a .docx whose properties name nobody, with the confidential marking in the page header', async () => {
    const { doc } = report();
    setCoverFields(doc, { confidentiality: 'confidential', contact: 'Ana Souza' });
    const options = { ...defaultExportOptions('CESCR'), onConsent: 'leave-out' as const };
    const file = await exportReport(exportInputFromDoc(doc), { format: 'docx', options });
    const parts = unzipSync(file.bytes);
    const core = strFromU8(parts['docProps/core.xml']!);
    expect(core).not.toMatch(/Ana Souza|Rua das Flores|Un-named/);
    expect(core).toContain('<dc:creator>Rightsdraft</dc:creator>');
    expect(strFromU8(parts['docProps/app.xml']!)).not.toMatch(/<Company>|<Manager>/);
    const headers = Object.keys(parts).filter((p) => /^word\/header\d*\.xml$/.test(p));
    expect(headers.map((h) => strFromU8(parts[h]!)).join('')).toContain(CONFIDENTIAL_MARKING);
    expect(file.fileName).not.toMatch(/flores/);
  });
});
