/** What a suggestion beyond the text changes, on its card: "New list item: Health care", "Make bold: must". */
import { useTranslation } from 'react-i18next';
import type { SuggestionInfo } from '../../../../shared/discussion/layout.ts';
import { decodeRowCells } from '../../../../shared/discussion/structure.ts';
import { structureLabel } from '../../editor/review/structureLabel.ts';
import { fillSlots, slot } from './slots.tsx';

const clip = (text: string, max = 160) => (text.length > max ? text.slice(0, max - 1) + '…' : text);

export function StructureChange({ s }: { s: SuggestionInfo }) {
  const { t } = useTranslation();
  const change = s.change;
  const label = structureLabel(change);
  // A new row's cells (tab-separated when stored) read as "2025 | 63".
  const inserted = change.kind === 'insertBlock' && change.block === 'tableRow' ? (decodeRowCells(s.insertText) ?? []).join(' | ') : s.insertText;
  const part =
    change.kind === 'insertBlock' || change.kind === 'footnote' ? (
      <ins className="rd-sugg-ins">{clip(inserted) || t('structure.empty')}</ins>
    ) : change.kind === 'deleteBlock' ? (
      <del className="rd-sugg-del">{clip(s.originalText)}</del>
    ) : change.kind === 'format' ? (
      <>
        <span className={`rd-sugg-fmt rd-sugg-fmt--${change.mark}-${change.action}`}>{clip(s.originalText)}</span>
        {change.href && <span className="muted"> → {clip(change.href, 80)}</span>}
      </>
    ) : null;
  return (
    <p className="suggestion__change" data-kind={change.kind}>
      {part ? fillSlots(t('reviewUi.structure.labelWithText', { label, text: slot('text') }), { text: part }) : label}
    </p>
  );
}
