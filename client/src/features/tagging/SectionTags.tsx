/**
 * The tags of one section, on its header: chips (full text on hover or focus; click filters the outline by the
 * tag; × removes it) and the picker. Each add or remove is one key of the section's `tags` Y.Map, so
 * co-authors adding and removing tags at once, online or offline, all keep their changes.
 */
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { setSectionTag, type SectionInfo } from '../../../../shared/report/layout.ts';
import { compareTagIds } from '../../../../shared/taxonomy/tagIds.ts';
import { useTreatyUiStore } from '../treaty/treatyUiStore.ts';
import { TagChip } from './TagChip.tsx';
import { TagPicker } from './TagPicker.tsx';
import { chipLabel, useTagDescriber } from './useTagDescriber.ts';
import './tagging.css';

export function SectionTags({ doc, section, canEdit }: { doc: Y.Doc; section: SectionInfo; canEdit: boolean }) {
  const { t } = useTranslation();
  const describe = useTagDescriber(doc);
  const setTagFilter = useTreatyUiStore((s) => s.setTagFilter);
  const title = section.title.trim() || t('outline.untitled');
  const tags = [...section.tags].sort(compareTagIds);
  if (!canEdit && tags.length === 0) return null;
  return (
    <div className="section-tags" role="group" aria-label={t('submission.sectionTags.group', { title })} data-testid="section-tags">
      {tags.length > 0 ? (
        <ul className="tag-chips">
          {tags.map((id) => (
            <li key={id}>
              <TagChip
                id={id}
                description={describe(id)}
                onActivate={() => setTagFilter(id)}
                activateHint={t('tags.activateHint')}
                onRemove={canEdit ? () => setSectionTag(doc, section.id, id, false) : undefined}
              />
            </li>
          ))}
        </ul>
      ) : (
        <span className="section-tags__none muted">{t('tags.none')}</span>
      )}
      {canEdit && (
        <TagPicker
          doc={doc}
          present={tags}
          label={t('submission.sectionTags.add', { title })}
          onPick={(id) => setSectionTag(doc, section.id, id, true)}
        />
      )}
      <span className="visually-hidden" aria-live="polite">
        {tags.length === 0 ? '' : t('submission.sectionTags.announce', { count: tags.length, tags: tags.map((id) => chipLabel(id, describe(id))).join(', ') })}
      </span>
    </div>
  );
}
