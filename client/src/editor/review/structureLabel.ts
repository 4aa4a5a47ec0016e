/** Words for a suggestion beyond the text, for cards, tooltips and screen readers ("New list item", "Make bold"). */
import type { SuggestionChange } from '../../../../shared/discussion/structure.ts';

const BLOCK_NAMES = { paragraph: 'paragraph', listItem: 'list item', tableRow: 'table row' } as const;
const MARK_NAMES = { bold: 'bold', italic: 'italic', underline: 'underlined', strike: 'struck through', link: 'a link' } as const;

export function structureLabel(change: SuggestionChange): string {
  switch (change.kind) {
    case 'insertBlock':
      return `New ${BLOCK_NAMES[change.block]}`;
    case 'deleteBlock':
      return `Delete ${BLOCK_NAMES[change.block]}`;
    case 'footnote':
      return 'New footnote';
    case 'format':
      if (change.mark === 'link') return change.action === 'add' ? 'Add link' : 'Remove link';
      return change.action === 'add' ? `Make ${MARK_NAMES[change.mark]}` : `Make not ${MARK_NAMES[change.mark]}`;
    case 'unknown':
      return 'Change this app cannot show';
    default:
      return 'Text change';
  }
}
