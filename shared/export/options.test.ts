import { describe, expect, it } from 'vitest';
import { contentDisposition, exportFileName, slugify } from './fileName.ts';
import { defaultExportOptions, exportQuery, parseExportOptions } from './options.ts';

describe('export options', () => {
  it('default to endnotes for UPR and footnotes for the treaty bodies, with numbered paragraphs and the annex', () => {
    expect(defaultExportOptions('UPR')).toEqual({ notes: 'endnotes', numberParagraphs: true, includeAnnex: true, suggestions: 'accepted', watermark: false, audience: 'public', onConsent: 'block' });
    expect(defaultExportOptions('CEDAW').notes).toBe('footnotes');
  });

  it('read query parameters and write them back the same', () => {
    const query = exportQuery('pdf', { notes: 'endnotes', numberParagraphs: false, includeAnnex: false, suggestions: 'rejected', watermark: true, audience: 'committee', onConsent: 'leave-out' });
    const params = new Map(query.split('&').map((p) => p.split('=') as [string, string]));
    expect(params.get('format')).toBe('pdf');
    const parsed = parseExportOptions((n) => params.get(n), 'CERD');
    expect(parsed).toEqual({ ok: true, value: { notes: 'endnotes', numberParagraphs: false, includeAnnex: false, suggestions: 'rejected', watermark: true, audience: 'committee', onConsent: 'leave-out' } });
  });

  it('name the field of a wrong value', () => {
    const parsed = parseExportOptions((n) => ({ watermark: 'maybe', notes: 'margin' })[n], 'UPR');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.field)).toEqual(['notes', 'watermark']);
    const audience = parseExportOptions((n) => ({ audience: 'everyone' })[n], 'UPR');
    expect(audience.ok).toBe(false);
    if (!audience.ok) expect(audience.problems.map((p) => p.field)).toEqual(['audience']);
  });
});

describe('export file names', () => {
  it('are <mechanism>-<state>-<title> in lower-case ASCII', () => {
    expect(exportFileName({ mechanism: 'UPR', stateUnderReview: "Côte d'Ivoire", title: 'Joint submission: Droits des enfants (2024)' }, 'docx')).toBe(
      'upr-cote-d-ivoire-joint-submission-droits-des-enfants-2024.docx',
    );
    expect(exportFileName({ mechanism: 'CERD', stateUnderReview: '', title: 'حقوق الإنسان' }, 'pdf')).toBe('cerd.pdf');
    expect(exportFileName({ mechanism: '', stateUnderReview: '', title: '' }, 'pdf')).toBe('report.pdf');
    expect(slugify('x'.repeat(100)).length).toBe(60);
  });

  it('go into Content-Disposition as ASCII and as UTF-8', () => {
    expect(contentDisposition('upr-x.docx')).toBe(`attachment; filename="upr-x.docx"; filename*=UTF-8''upr-x.docx`);
  });
});
