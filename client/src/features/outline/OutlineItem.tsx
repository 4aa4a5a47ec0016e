import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTION_STATUSES, type SectionInfo, type SectionStatus } from '../../../../shared/report/layout.ts';
import type { Peer } from '../../stores/presenceStore.ts';
import { Icon } from '../../ui/Icon.tsx';
import { PeerDots } from './PeerDots.tsx';
import { statusLabel, StatusBadge } from './StatusBadge.tsx';

interface OutlineItemProps {
  section: SectionInfo;
  index: number;
  count: number;
  selected: boolean;
  peers: Peer[];
  canEdit: boolean;
  renaming: boolean;
  menuOpen: boolean;
  dropBefore: boolean;
  dropAfter: boolean;
  dragging: boolean;
  onSelect(): void;
  onStartRename(): void;
  onRename(title: string): void;
  onCancelRename(): void;
  onMove(delta: -1 | 1): void;
  onStatus(status: SectionStatus): void;
  onDelete(): void;
  onMenu(open: boolean): void;
  onFocusSibling(delta: -1 | 1): void;
  onDragStart(e: DragEvent<HTMLLIElement>): void;
  onDragEnd(): void;
  onDragOver(e: DragEvent<HTMLLIElement>): void;
  onDrop(e: DragEvent<HTMLLIElement>): void;
}

export function OutlineItem(props: OutlineItemProps) {
  const { section, index, count, selected, peers, canEdit, renaming, menuOpen } = props;
  const { t } = useTranslation();
  const stored = section.title.trim();
  // A new section is stored as "Untitled section" (outline/Outline.tsx): shown in the interface language.
  // i18n-exempt: compares with the stored default title (data)
  const title = stored && stored !== 'Untitled section' ? stored : t('outline.untitled');

  const handleKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      if (canEdit) props.onMove(e.key === 'ArrowUp' ? -1 : 1);
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      props.onFocusSibling(e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'F2' && canEdit) {
      e.preventDefault();
      props.onStartRename();
    } else if (e.key === 'Delete' && canEdit) {
      e.preventDefault();
      props.onDelete();
    }
  };

  const classes = [
    'outline-item',
    selected && 'outline-item--selected',
    props.dragging && 'outline-item--dragging',
    props.dropBefore && 'outline-item--drop-before',
    props.dropAfter && 'outline-item--drop-after',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li
      className={classes}
      data-section-id={section.id}
      data-testid="outline-item"
      draggable={canEdit && !renaming}
      onDragStart={props.onDragStart}
      onDragEnd={props.onDragEnd}
      onDragOver={props.onDragOver}
      onDrop={props.onDrop}
    >
      {canEdit && (
        <span className="outline-item__grip" aria-hidden="true">
          <Icon name="grip" size={16} />
        </span>
      )}
      <div className="outline-item__body">
        {renaming ? (
          <RenameInput initial={section.title} onDone={props.onRename} onCancel={props.onCancelRename} />
        ) : (
          <button
            type="button"
            className="outline-item__select"
            aria-current={selected ? 'true' : undefined}
            // i18n-exempt: key names as ARIA defines them, not text
            aria-keyshortcuts={canEdit ? 'Alt+ArrowUp Alt+ArrowDown F2 Delete' : undefined}
            onClick={props.onSelect}
            onDoubleClick={() => canEdit && props.onStartRename()}
            onKeyDown={handleKeyDown}
          >
            <span className="outline-item__number" aria-hidden="true">
              {index + 1}
            </span>
            <span className="outline-item__title" dir="auto">
              {title}
            </span>
            <span className="visually-hidden">
              {t('outline.position', { n: index + 1, count, status: statusLabel(section.status, t) })}
            </span>
          </button>
        )}
        <div className="outline-item__meta">
          <StatusBadge status={section.status} />
          <PeerDots peers={peers} />
        </div>
      </div>
      {canEdit && !renaming && (
        <ItemMenu
          title={title}
          status={section.status}
          open={menuOpen}
          canMoveUp={index > 0}
          canMoveDown={index < count - 1}
          onOpenChange={props.onMenu}
          onRename={props.onStartRename}
          onMove={props.onMove}
          onStatus={props.onStatus}
          onDelete={props.onDelete}
        />
      )}
    </li>
  );
}

function RenameInput({ initial, onDone, onCancel }: { initial: string; onDone(title: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  // i18n-exempt: compares with the stored default title (data)
  const [value, setValue] = useState(initial === 'Untitled section' ? '' : initial);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onDone(value);
    else onCancel();
  };
  return (
    <input
      ref={ref}
      className="input outline-item__rename"
      aria-label={t('outline.sectionTitle')}
      value={value}
      placeholder={t('outline.sectionTitle')}
      maxLength={200}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(false);
        }
      }}
    />
  );
}

interface ItemMenuProps {
  title: string;
  status: SectionStatus;
  open: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onOpenChange(open: boolean): void;
  onRename(): void;
  onMove(delta: -1 | 1): void;
  onStatus(status: SectionStatus): void;
  onDelete(): void;
}

/** The section's actions, a disclosure of plain buttons (each reachable by Tab; Escape closes it). */
function ItemMenu({ title, status, open, canMoveUp, canMoveDown, onOpenChange, onRename, onMove, onStatus, onDelete }: ItemMenuProps) {
  const { t } = useTranslation();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const onOpenChangeRef = useRef(onOpenChange);
  onOpenChangeRef.current = onOpenChange;

  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLElement>('.item-menu__panel button:not([disabled]), .item-menu__panel select')?.focus();
    const handlePointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) onOpenChangeRef.current(false);
    };
    document.addEventListener('pointerdown', handlePointer);
    return () => document.removeEventListener('pointerdown', handlePointer);
  }, [open]);

  const close = () => {
    onOpenChange(false);
    toggleRef.current?.focus();
  };

  return (
    <div
      className="item-menu"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
      onBlur={(e) => {
        if (open && !rootRef.current?.contains(e.relatedTarget as Node | null)) onOpenChange(false);
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className="icon-button item-menu__toggle"
        aria-label={t('outline.actionsFor', { title })}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => onOpenChange(!open)}
      >
        <Icon name="more" />
      </button>
      {open && (
        <div className="item-menu__panel" id={panelId}>
          <button type="button" className="item-menu__action" onClick={() => onRename()}>
            <Icon name="pencil" size={16} /> {t('outline.rename')}
          </button>
          <button type="button" className="item-menu__action" disabled={!canMoveUp} onClick={() => onMove(-1)}>
            <Icon name="up" size={16} /> {t('outline.moveUp')}
          </button>
          <button type="button" className="item-menu__action" disabled={!canMoveDown} onClick={() => onMove(1)}>
            <Icon name="down" size={16} /> {t('outline.moveDown')}
          </button>
          <label className="item-menu__status">
            <span>{t('outline.status')}</span>
            <select className="input select" value={status} onChange={(e) => onStatus(e.target.value as SectionStatus)}>
              {SECTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s, t)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="item-menu__action item-menu__action--danger" onClick={() => onDelete()}>
            <Icon name="trash" size={16} /> {t('outline.delete')}
          </button>
        </div>
      )}
    </div>
  );
}
