import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportErrorCode } from '../../../../shared/import/ImportError.ts';
import { initI18n } from '../../i18n/i18n.ts';
import { importErrorMessage } from './importMessages.ts';

beforeAll(() => initI18n('en'));

describe('importErrorMessage', () => {
  it('explains every code the shared importer and the import API use', () => {
    const codes: (ImportErrorCode | 'payload_too_large' | 'missing_file' | 'empty')[] = [
      'not_a_zip',
      'not_a_document',
      'invalid_xml',
      'too_large',
      'too_many_entries',
      'payload_too_large',
      'missing_file',
      'empty',
    ];
    const messages = codes.map((c) => importErrorMessage(c));
    expect(new Set(messages).size).toBe(codes.length);
    for (const m of messages) expect(m.length).toBeGreaterThan(25);
    expect(importErrorMessage('not_a_zip')).toContain('.docx');
  });

  it('falls back to the server’s message for other codes', () => {
    expect(importErrorMessage('rate_limited', 'Too many imports; wait a minute.')).toBe('Too many imports; wait a minute.');
    expect(importErrorMessage('rate_limited')).toMatch(/could not be imported/);
  });
});
