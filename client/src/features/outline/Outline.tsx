/**
 * The report's sections: select, add, rename inline, reorder (drag and drop, Alt+Arrow keys, or the
 * actions menu), change status, delete with undo. Every change goes through shared/report/layout.ts with
 * OUTLINE_ORIGIN, so the outline's own undo manager sees only outline changes, and only this user's.
 */
import { memo, useEffect, useLayoutEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addSection,
  deleteSection,
  listSections,
  moveSection,
  moveSectionBy,
  renameSection,
  setSectionStatus,
  type SectionInfo,
  type SectionStatus,
} from '../../../../shared/report/layout.ts';
import type { ReportSession } from '../../sync/ReportSession.ts';
import { OUTLINE_ORIGIN } from './outlineUndo.ts';
import { usePresenceStore } from '../../stores/presenceStore.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { Icon } from '../../ui/Icon.tsx';
import { OutlineItem } from './OutlineItem.tsx';

// i18n-exempt: the title stored in the shared document for a new section (data); shown as t('outline.untitled')
export const UNTITLED_SECTION = 'Untitled section';

interface OutlineProps {
  session: ReportSession;
  sections: SectionInfo[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  canEdit: boolean;
}

/** Memoised: the page re-renders as sync facts change, the outline only when its own props do. */
export const Outline = memo(function Outline({ session, sections, selectedId, onSelect, canEdit }: OutlineProps) {
  const doc = session.doc;
  const peers = usePresenceStore((s) => s.peers);
  const showToast = useToastStore((s) => s.show);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [menuId, setMenuId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const focusAfterRender = useRef<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // React moves a reordered item's DOM node, and a moved node loses focus: give it back.
  useLayoutEffect(() => {
    const id = focusAfterRender.current;
    if (!id) return;
    focusAfterRender.current = null;
    listRef.current?.querySelector<HTMLElement>(`[data-section-id="${id}"] .outline-item__select`)?.focus();
  });

  useEffect(() => {
    if (renamingId && !sections.some((s) => s.id === renamingId)) setRenamingId(null);
  }, [sections, renamingId]);

  const { t } = useTranslation();
  const titleOf = (s: SectionInfo | undefined) => {
    const stored = s?.title.trim();
    return stored && stored !== UNTITLED_SECTION ? stored : t('outline.untitled');
  };

  const announceMove = (id: string) => {
    // Read the new order from the doc: the props still hold the order before the move.
    const now = listSections(doc);
    const index = now.findIndex((s) => s.id === id);
    if (index >= 0) setAnnouncement(t('outline.moved', { title: titleOf(now[index]), n: index + 1, count: now.length }));
  };

  const move = (id: string, delta: -1 | 1) => {
    const at = sections.findIndex((s) => s.id === id);
    const to = at + delta;
    if (at < 0 || to < 0 || to >= sections.length) return;
    moveSectionBy(doc, id, delta, OUTLINE_ORIGIN);
    focusAfterRender.current = id;
    announceMove(id);
  };

  const add = () => {
    const id = addSection(doc, { title: UNTITLED_SECTION, after: selectedId }, OUTLINE_ORIGIN);
    onSelect(id);
    setRenamingId(id);
    setAnnouncement(t('outline.added'));
  };

  const rename = (id: string, title: string) => {
    setRenamingId(null);
    focusAfterRender.current = id;
    const current = sections.find((s) => s.id === id);
    const next = title.trim();
    if (!current || !next || next === current.title) return;
    renameSection(doc, id, next, OUTLINE_ORIGIN);
  };

  const remove = (id: string) => {
    const at = sections.findIndex((s) => s.id === id);
    const section = sections[at];
    if (!section) return;
    const neighbour = sections[at + 1] ?? sections[at - 1] ?? null;
    deleteSection(doc, id, OUTLINE_ORIGIN);
    const undo = session.outlineUndo;
    const step = undo.undoStack[undo.undoStack.length - 1];
    if (selectedId === id) onSelect(neighbour?.id ?? null);
    if (neighbour) focusAfterRender.current = neighbour.id;
    showToast({
      message: t('outline.deleted', { title: titleOf(section) }),
      action: {
        label: t('toolbar.undo'),
        run: () => {
          // The outline undo is a stack: undoing now would revert a later change instead.
          if (undo.undoStack[undo.undoStack.length - 1] !== step) {
            showToast({ message: t('outline.cantUndo') });
            return;
          }
          undo.undo();
          onSelect(id);
          focusAfterRender.current = id;
        },
      },
    });
  };

  const setStatus = (id: string, status: SectionStatus) => setSectionStatus(doc, id, status, OUTLINE_ORIGIN);

  const focusItem = (index: number) => {
    const target = sections[Math.max(0, Math.min(sections.length - 1, index))];
    if (target) listRef.current?.querySelector<HTMLElement>(`[data-section-id="${target.id}"] .outline-item__select`)?.focus();
  };

  const handleDragOver = (e: DragEvent<HTMLLIElement>, index: number) => {
    if (!dragId) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const rect = e.currentTarget.getBoundingClientRect();
    setDropIndex(e.clientY < rect.top + rect.height / 2 ? index : index + 1);
  };

  const handleDrop = (e: DragEvent) => {
    e.preventDefault();
    const id = dragId;
    const slot = dropIndex;
    setDragId(null);
    setDropIndex(null);
    if (!id || slot === null) return;
    const from = sections.findIndex((s) => s.id === id);
    // moveSection counts positions in the list without the moved section.
    const to = slot > from ? slot - 1 : slot;
    if (from < 0 || to === from) return;
    moveSection(doc, id, to, OUTLINE_ORIGIN);
    focusAfterRender.current = id;
    announceMove(id);
  };

  return (
    <nav className="outline" aria-label={t('outline.label')}>
      <div className="outline__head">
        <h2 className="outline__title">{t('outline.title')}</h2>
        <span className="muted outline__count">
          {t('outline.count', { count: sections.length })}
        </span>
      </div>
      {sections.length > 0 && (
        <ol
          className="outline__list"
          ref={listRef}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropIndex(null);
          }}
          onKeyDown={(e) => {
            // Undo and redo of outline changes while focus is in the outline (the editor has its own).
            const mod = e.ctrlKey || e.metaKey;
            if (!mod || renamingId || e.key.toLowerCase() !== 'z' || !canEdit) return;
            e.preventDefault();
            if (e.shiftKey) session.outlineUndo.redo();
            else session.outlineUndo.undo();
          }}
        >
          {sections.map((s, i) => (
            <OutlineItem
              key={s.id}
              section={s}
              index={i}
              count={sections.length}
              selected={s.id === selectedId}
              peers={peers.filter((p) => p.sectionId === s.id)}
              canEdit={canEdit}
              renaming={renamingId === s.id}
              menuOpen={menuId === s.id}
              dropBefore={dropIndex === i && dragId !== null}
              dropAfter={dropIndex === sections.length && i === sections.length - 1 && dragId !== null}
              dragging={dragId === s.id}
              onSelect={() => onSelect(s.id)}
              onStartRename={() => {
                setMenuId(null);
                setRenamingId(s.id);
              }}
              onRename={(title) => rename(s.id, title)}
              onCancelRename={() => {
                setRenamingId(null);
                focusAfterRender.current = s.id;
              }}
              onMove={(delta) => move(s.id, delta)}
              onStatus={(status) => setStatus(s.id, status)}
              onDelete={() => {
                setMenuId(null);
                remove(s.id);
              }}
              onMenu={(open) => setMenuId(open ? s.id : null)}
              onFocusSibling={(delta) => focusItem(i + delta)}
              onDragStart={(e) => {
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', s.title);
                setDragId(s.id);
              }}
              onDragEnd={() => {
                setDragId(null);
                setDropIndex(null);
              }}
              onDragOver={(e) => handleDragOver(e, i)}
              onDrop={handleDrop}
            />
          ))}
        </ol>
      )}
      {sections.length === 0 && <p className="muted outline__empty">{t('outline.empty')}</p>}
      {canEdit && (
        <button type="button" className="button button--ghost outline__add" onClick={add}>
          <Icon name="plus" /> {t('outline.add')}
        </button>
      )}
      {canEdit && sections.length > 1 && (
        <p className="outline__hint muted">
          {t('outline.hint')}
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </nav>
  );
});
