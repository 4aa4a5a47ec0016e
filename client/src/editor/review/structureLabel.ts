/** Words for a suggestion beyond the text, for cards, tooltips and screen readers ("New list item", "Make bold"). */
import type { SuggestionChange } from '../../../../shared/discussion/structure.ts';
import { t } from '../../i18n/i18n.ts';

export function structureLabel(change: SuggestionChange): string {
  switch (change.kind) {
    case 'insertBlock':
      return t('structure.insert', { block: change.block });
    case 'deleteBlock':
      return t('structure.delete', { block: change.block });
    case 'footnote':
      return t('structure.footnote');
    case 'format':
      if (change.mark === 'link') return change.action === 'add' ? t('structure.addLink') : t('structure.removeLink');
      return change.action === 'add' ? t('structure.addMark', { mark: change.mark }) : t('structure.removeMark', { mark: change.mark });
    case 'unknown':
      return t('structure.unknown');
    default:
      return t('structure.text');
  }
}
