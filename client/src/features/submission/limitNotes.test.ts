import { describe, expect, it } from 'vitest';
import { WORD_LIMITS } from '../../../../shared/submission/wordLimits.ts';
import english from '../../i18n/areas/limitNotes/en.json';
import french from '../../i18n/areas/limitNotes/fr.json';
import { limitNoteKey } from './limitNotes.ts';

describe('the notes under word limits', () => {
  it('read in English exactly as the table of limits writes them, for every limit', () => {
    const messages = english as Record<string, string>;
    for (const rule of WORD_LIMITS) expect(messages[limitNoteKey(rule)], rule.mechanism).toBe(rule.note);
  });
  it('are said in the other languages', () => {
    const cerd = WORD_LIMITS.find((r) => r.mechanism === 'CERD')!;
    expect((french as Record<string, string>)[limitNoteKey(cerd)]).toMatch(/^Aucune limite officielle de mots/);
  });
});
