/** Why a suggestion beyond the text was not made (suggestStructure.ts), as the toast says it. */
import type { StructureRefusal } from '../../editor/review/suggestStructure.ts';

export const STRUCTURE_REFUSALS: Record<StructureRefusal, string> = {
  'mid-paragraph': 'A new paragraph is suggested at the end of one: move to the end of the paragraph, then press Enter.',
  'no-selection': 'Select the words to format first.',
  'no-block': 'Put the cursor in the paragraph, list item or table row first.',
  'no-text': 'Suggestions go inside existing text.',
};
