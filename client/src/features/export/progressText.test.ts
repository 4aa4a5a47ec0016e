import { beforeAll, describe, expect, it } from 'vitest';
import { progressAnnouncement } from './progressText.ts';
import { initI18n } from '../../i18n/i18n.ts';

beforeAll(() => initI18n('en'));

describe('progressAnnouncement', () => {
  it('says nothing before an export and names the file after it', () => {
    expect(progressAnnouncement(null, null)).toBe('');
    expect(progressAnnouncement(0.4, 'upr-freedonia-report.docx')).toBe('Export finished: upr-freedonia-report.docx downloaded.');
  });

  it('changes only at each quarter, so a screen reader is not flooded', () => {
    const said = [0, 0.1, 0.24, 0.25, 0.3, 0.49, 0.5, 0.74, 0.75, 0.99, 1].map((f) => progressAnnouncement(f, null));
    expect([...new Set(said)]).toEqual(['Exporting…', 'Exporting: 25% done.', 'Exporting: 50% done.', 'Exporting: 75% done.']);
  });
});
