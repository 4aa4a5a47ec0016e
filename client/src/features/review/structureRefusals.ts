/** Why a suggestion beyond the text was not made (suggestStructure.ts): the message key of what the toast says. */
import type { StructureRefusal } from '../../editor/review/suggestStructure.ts';

export const STRUCTURE_REFUSALS: Record<StructureRefusal, string> = {
  'mid-paragraph': 'reviewUi.refusal.midParagraph',
  'no-selection': 'reviewUi.refusal.noSelection',
  'no-block': 'reviewUi.refusal.noBlock',
  'no-text': 'reviewUi.refusal.noText',
};
