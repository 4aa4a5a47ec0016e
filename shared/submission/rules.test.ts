import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docOf, paragraph, writeBody } from '../../test/helpers/yjsContent.ts';
import { MECHANISMS, type Mechanism } from '../api/mechanisms.ts';
import { getCoverFields, setCoverFields } from '../report/coverFields.ts';
import { addSection, getSectionBody, initReport } from '../report/layout.ts';
import { runChecks } from './checks.ts';
import { addSensitiveName, addTestimony, updateTestimony, withdrawConsent } from '../report/testimony.ts';
import { namesSeveralStates, SUBMISSION_RULES } from './rules.ts';

const NOW = new Date('2026-12-07T10:00:00Z');

function report(mechanism: Mechanism, state = 'Freedonia'): Y.Doc {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Shadow report', mechanism, stateUnderReview: state, editorSchemaVersion: 2 });
  return doc;
}

function write(doc: Y.Doc, title: string, text: string, annex = false): void {
  const id = addSection(doc, { title, annex });
  writeBody(getSectionBody(doc, id)!, docOf(paragraph(text)));
}

const checkOf = (doc: Y.Doc, id: string) => runChecks(doc, { now: NOW }).checks.find((c) => c.id === id);
const idsFor = (mechanism: Mechanism) => runChecks(report(mechanism), { now: NOW }).checks.map((c) => c.id);

describe('The per-mechanism rules', () => {
  it('give every rule an id, a label and a source, and every check the app shows a source', () => {
    for (const rule of SUBMISSION_RULES) {
      expect(rule.source.length, rule.id).toBeGreaterThan(20);
      expect(rule.label.length, rule.id).toBeGreaterThan(5);
    }
    for (const m of MECHANISMS) for (const c of runChecks(report(m), { now: NOW }).checks) expect(c.source, `${m} ${c.id}`).not.toBe('');
  });

  it("cites the UPR's guidelines for UPR submissions and not for a committee's", () => {
    const source = (m: Mechanism) => runChecks(report(m), { now: NOW }).checks.find((c) => c.id === 'cover-complete')!.source;
    expect(source('UPR')).toContain('Technical guidelines for the submission of stakeholders');
    expect(source('CRC')).not.toContain('UPR');
  });

  describe('deadline', () => {
    const withDeadline = (deadline: string | null) => {
      const doc = report('CERD');
      setCoverFields(doc, { deadline });
      return checkOf(doc, 'deadline')!;
    };

    it('passes without a deadline, and says to add one', () => {
      expect(withDeadline(null)).toMatchObject({ passed: true, figures: { deadline: null } });
      expect(withDeadline(null).message).toContain('Add the committee');
    });

    it('passes more than a week ahead and warns within seven days, on the day and after it', () => {
      expect(withDeadline('2026-12-15')).toMatchObject({ passed: true, figures: { daysLeft: 8 } });
      expect(withDeadline('2026-12-14')).toMatchObject({ passed: false, figures: { daysLeft: 7 } });
      expect(withDeadline('2026-12-14').message).toBe('The deadline is in 7 days (14 December 2026). Finish the checks and send the submission in time.');
      expect(withDeadline('2026-12-07').message).toContain('The deadline is today');
      const past = withDeadline('2026-11-30');
      expect(past).toMatchObject({ passed: false, figures: { daysLeft: -7 } });
      expect(past.message).toContain('has passed');
    });

    it('keeps only real calendar dates in the cover field', () => {
      const doc = report('CAT');
      setCoverFields(doc, { deadline: '2026-02-30' });
      expect(getCoverFields(doc).deadline).toBe('');
      setCoverFields(doc, { deadline: '2027-02-28' });
      expect(getCoverFields(doc).deadline).toBe('2027-02-28');
      setCoverFields(doc, { deadline: 'next Tuesday' });
      expect(getCoverFields(doc).deadline).toBe('');
    });
  });

  describe('language', () => {
    it('applies to the UPR and the Human Rights Committee only', () => {
      expect(idsFor('UPR')).toContain('language-accepted');
      expect(idsFor('CCPR')).toContain('language-accepted');
      expect(idsFor('CERD')).not.toContain('language-accepted');
    });

    it("takes the cover's language first, else the text's, and accepts English, French or Spanish", () => {
      const doc = report('CCPR');
      write(doc, 'Introducción', 'El Estado no ha adoptado las medidas para la protección de los defensores y de las comunidades que se ven afectadas por la violencia.');
      expect(checkOf(doc, 'language-accepted')).toMatchObject({ passed: true, message: 'Written in Spanish.' });
      setCoverFields(doc, { language: 'ru' });
      const russian = checkOf(doc, 'language-accepted')!;
      expect(russian.passed).toBe(false);
      expect(russian.message).toContain('The report is in Russian: CCPR takes submissions in English, French or Spanish.');
      setCoverFields(doc, { language: 'fr' });
      expect(checkOf(doc, 'language-accepted')!.passed).toBe(true);
    });

    it('asks for the language when neither the cover nor the text tells', () => {
      const doc = report('UPR');
      const check = checkOf(doc, 'language-accepted')!;
      expect(check.passed).toBe(false);
      expect(check.message).toBe("Set the report's language in the cover information: UPR takes submissions in English, French or Spanish.");
    });
  });

  it('tells UPR submissions to send Word, and no committee', () => {
    expect(checkOf(report('UPR'), 'format-word')!.message).toContain('Word (.docx), not PDF');
    for (const m of MECHANISMS.filter((x) => x !== 'UPR')) expect(idsFor(m), m).not.toContain('format-word');
  });

  it('asks for the period covered', () => {
    const doc = report('CRC');
    expect(checkOf(doc, 'period-covered')!.passed).toBe(false);
    setCoverFields(doc, { period: '2019 to 2024' });
    expect(checkOf(doc, 'period-covered')).toMatchObject({ passed: true, message: 'The submission covers 2019 to 2024.' });
  });

  it('asks for one State per submission', () => {
    expect(checkOf(report('UPR', 'Freedonia'), 'one-state')!.passed).toBe(true);
    expect(checkOf(report('UPR', 'Trinidad and Tobago'), 'one-state')!.passed).toBe(true);
    expect(checkOf(report('CED', 'Bosnia and Herzegovina'), 'one-state')!.passed).toBe(true);
    const two = checkOf(report('CMW', 'Freedonia and Sylvania'), 'one-state')!;
    expect(two.passed).toBe(false);
    expect(two.message).toBe('"Freedonia and Sylvania" looks like more than one State. Write a separate submission for each State.');
    expect(namesSeveralStates('Freedonia, Sylvania')).toBe(true);
    expect(namesSeveralStates('Freedonia / Sylvania')).toBe(true);
    expect(checkOf(report('CAT', ''), 'one-state')!.message).toBe('Name the State under review in the report header.');
  });

  it("warns about another organisation's report annexed to a UPR submission", () => {
    const doc = report('UPR');
    write(doc, 'Summary', 'Text.');
    write(doc, 'Table of cases', 'Cases.', true);
    expect(checkOf(doc, 'no-annexed-reports')).toMatchObject({ passed: true, figures: { annexes: 1, reportAnnexes: [] } });
    write(doc, 'Report of the Housing Network (2024)', 'Their report.', true);
    const check = checkOf(doc, 'no-annexed-reports')!;
    expect(check.passed).toBe(false);
    expect(check.figures.reportAnnexes).toEqual(['Report of the Housing Network (2024)']);
    expect(check.message).toContain('cite them in a note with a link instead');
    expect(idsFor('CERD')).not.toContain('no-annexed-reports');
  });

  it('asks CEDAW and CRPD submissions whether they may be published, and no other mechanism', () => {
    for (const m of MECHANISMS) expect(idsFor(m).includes('confidentiality-chosen'), m).toBe(m === 'CEDAW' || m === 'CRPD');
    const doc = report('CRPD');
    expect(checkOf(doc, 'confidentiality-chosen')!.passed).toBe(false);
    setCoverFields(doc, { confidentiality: 'confidential' });
    expect(checkOf(doc, 'confidentiality-chosen')).toMatchObject({ passed: true, message: 'The submission is confidential.' });
  });
});

describe('images-described (issue 12)', () => {
  const withImages = (...images: Record<string, unknown>[]) => {
    const doc = report('CRC');
    const id = addSection(doc, { title: 'Housing' });
    getSectionBody(doc, id)!.insert(0, images.map((attrs) => {
      const el = new Y.XmlElement('image');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as string);
      return el;
    }));
    return checkOf(doc, 'images-described')!;
  };

  it('fails while an image has neither alt text nor the decorative mark, naming its section', () => {
    const check = withImages({ src: '/a', alt: 'Flooded ground floor of block 4' }, { src: '/b', alt: '  ' });
    expect(check).toMatchObject({ passed: false, figures: { images: 2, withoutAlt: 1, sections: ['Housing'] } });
    expect(check.message).toContain('"Housing"');
  });

  it('passes when every image is described or decorative, and with no images', () => {
    expect(withImages({ src: '/a', alt: 'A chart of enrolment' }, { src: '/b', decorative: true as unknown as string }).passed).toBe(true);
    expect(checkOf(report('CRC'), 'images-described')).toMatchObject({ passed: true, message: 'No images.' });
  });
});

describe('The evidence rules (testimony and sensitive names)', () => {
  const linked = (text: string, testimony: string) => ({ type: 'text', text, marks: [{ type: 'testimonyLink', attrs: { testimony } }] });

  function withTestimony(consent: 'public-named' | 'committee-only') {
    const doc = report('CESCR');
    const id = addTestimony(doc, { consent })!;
    const section = addSection(doc, { title: 'Housing' });
    writeBody(getSectionBody(doc, section)!, docOf(paragraph('Families were evicted. ', linked('“They came at night.”', id))));
    return { doc, id };
  }

  it('fail a committee-only quote in a public submission, and pass it in a confidential one', () => {
    const { doc } = withTestimony('committee-only');
    const check = checkOf(doc, 'testimony-consent-covers-export')!;
    expect(check.passed).toBe(false);
    expect(check.message).toContain('Witness A in “Housing”');
    setCoverFields(doc, { confidentiality: 'confidential' });
    expect(checkOf(doc, 'testimony-consent-covers-export')!.passed).toBe(true);
  });

  it('fail a passage whose consent was withdrawn or has expired', () => {
    const { doc, id } = withTestimony('public-named');
    expect(checkOf(doc, 'testimony-consent-current')!.passed).toBe(true);
    updateTestimony(doc, id, { expiresOn: '2026-12-01' });
    expect(checkOf(doc, 'testimony-consent-current')!.message).toContain('consent expired on 2026-12-01');
    withdrawConsent(doc, id, 'Editor');
    const check = checkOf(doc, 'testimony-consent-current')!;
    expect(check.passed).toBe(false);
    expect(check.message).toContain('“They came at night.”');
  });

  it('fail a sensitive name that export would leave in the file', () => {
    const { doc } = withTestimony('public-named');
    addSensitiveName(doc, 'Ana Souza', 'Witness A');
    expect(checkOf(doc, 'sensitive-names-replaced')!.passed).toBe(true);
    setCoverFields(doc, { contact: 'Ana Souza, coordinator' });
    const check = checkOf(doc, 'sensitive-names-replaced')!;
    expect(check.passed).toBe(false);
    expect(check.figures.left).toEqual(['Ana Souza']);
  });
});
