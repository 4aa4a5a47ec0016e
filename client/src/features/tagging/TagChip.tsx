import { useTranslation } from 'react-i18next';
import type { TagDescription } from '../../../../shared/taxonomy/describeTag.ts';
import { Tooltip } from '../../ui/Tooltip.tsx';
import { TreatyIcon } from '../treaty/TreatyIcon.tsx';
import { TAG_KIND_LABELS, tagTone } from './tagKinds.ts';
import { chipLabel } from './useTagDescriber.ts';

/**
 * One tag: its short label (the full text on hover and focus), a click that does `onActivate` (filter the
 * outline by this tag), and a remove button when `onRemove` is given. Unknown ids stay visible as such.
 */
export function TagChip({
  id,
  description,
  onActivate,
  activateHint,
  onRemove,
}: {
  id: string;
  description: TagDescription | null;
  onActivate?: () => void;
  /** Said on hover; by default, that a click shows the sections with this tag. */
  activateHint?: string;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const label = chipLabel(id, description);
  const kind = description?.kind ?? 'unknown';
  const tone = description ? tagTone(kind) : 'loading';
  const tip = (
    <>
      <span className="tooltip__title">{label}</span>
      {description && description.kind !== 'unknown' && (
        <span className="tooltip__meta">
          {t(TAG_KIND_LABELS[kind])} · <code>{id}</code>
        </span>
      )}
      {description?.text && <span className="tooltip__text">{description.text}</span>}
      {description?.kind === 'unknown' && (
        <span className="tooltip__text">{t('submission.tagChip.unknownHelp')}</span>
      )}
      {onActivate && <span className="tooltip__hint">{activateHint ?? t('submission.tagChip.activateHint')}</span>}
    </>
  );
  return (
    <span className={`tag-chip tag-chip--${tone}`} data-tag-id={id} data-testid="tag-chip">
      <Tooltip content={tip}>
        <button type="button" className="tag-chip__label" onClick={onActivate} aria-disabled={onActivate ? undefined : true}>
          {kind === 'unknown' && description && <TreatyIcon name="alert" size={14} />}
          {label}
        </button>
      </Tooltip>
      {onRemove && (
        <button type="button" className="tag-chip__remove" aria-label={t('submission.tagChip.remove', { label })} onClick={onRemove}>
          <TreatyIcon name="cross" size={14} />
        </button>
      )}
    </span>
  );
}
