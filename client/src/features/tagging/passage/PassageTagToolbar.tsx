/**
 * The editor toolbar's part for passage tags: a "Tag passage" button that opens a row to tag the selected
 * words (or, with the caret in it, the paragraph) with the tag picker; the same row shows, whenever the caret or
 * selection is on tagged text, the tags there, each removable.
 */
import { useTranslation } from 'react-i18next';
import { useEffect, useRef } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import type * as Y from 'yjs';
import { TagChip } from '../TagChip.tsx';
import { TagPicker } from '../TagPicker.tsx';
import { useTagDescriber } from '../useTagDescriber.ts';
import { TreatyIcon } from '../../treaty/TreatyIcon.tsx';
import { passageTagsAt, passageTarget } from './passageTagRange.ts';
import './passageTags.css';

/** The button's key in the toolbar's "More" menu when it does not fit (a phone); its text is t('passage.button'). */
export const TAG_PASSAGE_LABEL = 'Tag passage'; // i18n-exempt: an overflow key, not shown

export function PassageTagButton({
  editor,
  open,
  onToggle,
  tabIndex,
  hidden = false,
}: {
  editor: Editor;
  open: boolean;
  onToggle: () => void;
  tabIndex: number;
  hidden?: boolean;
}) {
  const { t } = useTranslation();
  const target = useEditorState({ editor, selector: ({ editor: e }) => passageTarget(e) });
  return (
    <button
      type="button"
      className="toolbar__button toolbar__button--labelled"
      data-toolbar-item
      data-overflow-key={TAG_PASSAGE_LABEL}
      hidden={hidden}
      data-testid="tag-passage-button"
      tabIndex={tabIndex}
      aria-pressed={open}
      aria-keyshortcuts="Control+Alt+T"
      disabled={!open && target === null}
      title={target === 'selection' ? t('passage.tagSelection') : t('passage.tagParagraph')}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onToggle}
    >
      <TreatyIcon name="tag" />
      <span>{t('passage.button')}</span>
    </button>
  );
}

export function PassageTagControls({ editor, doc, open, onClose }: { editor: Editor; doc: Y.Doc; open: boolean; onClose: () => void }) {
  const current = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ target: passageTarget(e), tags: passageTagsAt(e).join('\n') }),
    equalityFn: (a, b) => a?.target === b?.target && a?.tags === b?.tags,
  });
  const { t } = useTranslation();
  const describe = useTagDescriber(doc);
  const rowRef = useRef<HTMLDivElement>(null);
  const tags = current.tags ? current.tags.split('\n') : [];

  useEffect(() => {
    if (open) rowRef.current?.querySelector<HTMLInputElement>('input[role="combobox"]')?.focus();
  }, [open]);

  if (!open && tags.length === 0) return null;
  const where = current.target === 'selection' || current.target === 'paragraph' ? current.target : null;
  return (
    <div
      ref={rowRef}
      className="passage-controls"
      role="group"
      aria-label={t('submission.passageTags.group')}
      data-testid="passage-tag-controls"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
          editor.commands.focus();
        }
      }}
    >
      <span className="passage-controls__title">
        <TreatyIcon name="tag" size={16} /> {tags.length > 0 ? t('submission.passageTags.onPassage') : t('passage.button')}
      </span>
      {tags.length > 0 && (
        <ul className="tag-chips" aria-label={t('submission.passageTags.onPassage')}>
          {tags.map((id) => (
            <li key={id}>
              <TagChip id={id} description={describe(id)} onRemove={() => editor.chain().removePassageTag(id).run()} />
            </li>
          ))}
        </ul>
      )}
      {open && where && (
        <div className="passage-controls__picker">
          <TagPicker
            doc={doc}
            present={tags}
            label={where === 'selection' ? t('submission.passageTags.tagSelection') : t('submission.passageTags.tagParagraph')}
            placeholder={where === 'selection' ? t('submission.passageTags.placeholderSelection') : t('submission.passageTags.placeholderParagraph')}
            onPick={(id) => editor.chain().addPassageTag(id).run()}
          />
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => {
              onClose();
              editor.commands.focus();
            }}
          >
            {t('submission.passageTags.done')}
          </button>
        </div>
      )}
      {open && !where && <span className="muted">{t('submission.passageTags.nothingSelected')}</span>}
    </div>
  );
}
