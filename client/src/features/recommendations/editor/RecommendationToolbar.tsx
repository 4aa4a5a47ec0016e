/**
 * The editor toolbar's part for recommendation blocks: a button that sets the selected paragraphs apart as a
 * recommendation (or turns one back into paragraphs), and, while the caret is in one, a row to edit its
 * addressee and tags.
 */
import { useTranslation } from 'react-i18next';
import { useEditorState, type Editor } from '@tiptap/react';
import type * as Y from 'yjs';
import { TagChip } from '../../tagging/TagChip.tsx';
import { TagPicker } from '../../tagging/TagPicker.tsx';
import { useTagDescriber } from '../../tagging/useTagDescriber.ts';
import { SharedTextField } from '../../treaty/SharedTextField.tsx';
import { TreatyIcon } from '../../treaty/TreatyIcon.tsx';
import { useTreatyUiStore } from '../../treaty/treatyUiStore.ts';
import { recommendationAt, updateRecommendation } from './recommendationCommands.ts';
import '../recommendations.css';

/** Set the selection apart as a recommendation, or turn the one at the caret back into paragraphs. */
export function toggleRecommendation(editor: Editor, active: boolean): void {
  if (active) editor.chain().focus().unsetRecommendation().run();
  else editor.chain().focus().setRecommendation({ addressee: null, tags: [] }).run();
}

export function RecommendationButton({ editor, active, disabled, tabIndex, hidden }: { editor: Editor; active: boolean; disabled: boolean; tabIndex: number; hidden?: boolean }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="toolbar__button toolbar__button--labelled"
      data-toolbar-item
      data-overflow-key="Recommendation"
      hidden={hidden}
      tabIndex={tabIndex}
      aria-pressed={active}
      disabled={disabled && !active}
      title={active ? t('recommendation.unset') : t('recommendation.set')}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => toggleRecommendation(editor, active)}
    >
      <TreatyIcon name="flag" />
      <span>{t('toolbar.recommendation')}</span>
    </button>
  );
}

export function RecommendationControls({ editor, doc }: { editor: Editor; doc: Y.Doc }) {
  const current = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const rec = recommendationAt(e);
      return rec ? { addressee: rec.addressee ?? '', tags: rec.tags.join('\n') } : null;
    },
    equalityFn: (a, b) => a?.addressee === b?.addressee && a?.tags === b?.tags,
  });
  const { t } = useTranslation();
  const describe = useTagDescriber(doc);
  const setTagFilter = useTreatyUiStore((s) => s.setTagFilter);
  if (!current) return null;
  const tags = current.tags ? current.tags.split('\n') : [];
  // Positions move as co-authors type: find the block again at the moment of each change.
  const update = (patch: { addressee?: string | null; tags?: string[] }) => {
    const rec = recommendationAt(editor);
    if (rec) updateRecommendation(editor, rec.pos, patch);
  };
  return (
    <div className="rec-controls" role="group" aria-label={t('editing.recToolbar.label')} data-testid="recommendation-controls">
      <span className="rec-controls__title">
        <TreatyIcon name="flag" size={16} /> {t('editing.recToolbar.label')}
      </span>
      <label className="rec-controls__addressee">
        <span>{t('editing.recToolbar.addressedTo')}</span>
        <SharedTextField
          value={current.addressee}
          maxLength={200}
          placeholder={t('editing.recToolbar.addresseePlaceholder')}
          onCommit={(addressee) => update({ addressee: addressee || null })}
        />
      </label>
      <div className="rec-controls__tags">
        {tags.length > 0 && (
          <ul className="tag-chips">
            {tags.map((id) => (
              <li key={id}>
                <TagChip
                  id={id}
                  description={describe(id)}
                  onActivate={() => setTagFilter(id)}
                  onRemove={() => update({ tags: tags.filter((tag) => tag !== id) })}
                />
              </li>
            ))}
          </ul>
        )}
        <TagPicker
          doc={doc}
          present={tags}
          label={t('editing.recToolbar.addTag')}
          placeholder={t('editing.recToolbar.tagPlaceholder')}
          onPick={(id) => update({ tags: [...tags, id] })}
        />
      </div>
    </div>
  );
}
