/** Sections marked internal only: the coalition's own notes, never exported. */
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { SectionInfo } from '../../../../shared/report/layout.ts';
import { setSectionInternal } from '../../../../shared/report/testimony.ts';

export function InternalSections({ doc, sections, internal, canEdit }: { doc: Y.Doc; sections: SectionInfo[]; internal: string[]; canEdit: boolean }) {
  const { t } = useTranslation();
  if (sections.length === 0) return null;
  return (
    <section aria-labelledby="internal-sections-title">
      <h3 id="internal-sections-title">{t('internal.title')}</h3>
      <p className="muted testimony-panel__intro">{t('internal.intro')}</p>
      <div className="testimony-sections">
        {sections.map((s) => (
          <label key={s.id} className="check">
            <input type="checkbox" checked={internal.includes(s.id)} disabled={!canEdit} onChange={(e) => setSectionInternal(doc, s.id, e.target.checked, 'testimony-panel')} />
            {/* i18n-exempt: the title stored for a new section (data), compared here, never shown */}
            <span>{s.title && s.title !== 'Untitled section' ? s.title : t('outline.untitled')}</span>
          </label>
        ))}
      </div>
    </section>
  );
}
