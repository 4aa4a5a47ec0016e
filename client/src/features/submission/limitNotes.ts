/**
 * The note under each word limit (shared/submission/wordLimits.ts), in the interface language: the table keeps
 * the English, the client says it from the mechanism. limitNotes.test.ts checks that the English messages read
 * exactly as the table's notes, so a changed note cannot go untranslated unnoticed.
 */
import type { WordLimitRule } from '../../../../shared/submission/wordLimits.ts';

const NOTE_KEYS: Partial<Record<WordLimitRule['mechanism'], string>> = {
  UPR: 'limitNotes.upr',
  CCPR: 'limitNotes.ccpr',
  CEDAW: 'limitNotes.cedaw',
  CRC: 'limitNotes.crc',
};

/** The message key of a rule's note. */
export function limitNoteKey(rule: Pick<WordLimitRule, 'mechanism'>): string {
  return NOTE_KEYS[rule.mechanism] ?? 'limitNotes.noLimit';
}
