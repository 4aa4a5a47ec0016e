/** The import dialog's preview: the sections a .docx gives, with their words and notes, and what it leaves out. */
import { useTranslation } from 'react-i18next';
import type { SkippedContent } from '../../../../shared/import/index.ts';
import { skippedNotice, type ImportSummary } from './importSummary.ts';

export function ImportPreview({ reading, summary, skipped }: { reading: boolean; summary: ImportSummary | null; skipped: SkippedContent | null }) {
  const { t } = useTranslation();
  if (reading) {
    return (
      <p className="import-preview import-preview--reading muted">
        {t('editing.import.reading')}
      </p>
    );
  }
  if (!summary) return null;
  const found = t('editing.importPreview.found', { sections: summary.sections.length, words: summary.words, notes: summary.notes });
  const notice = skipped ? skippedNotice(skipped) : null;
  return (
    <section className="import-preview" aria-labelledby="import-preview-title" data-testid="import-preview">
      <h3 id="import-preview-title" className="import-preview__title">
        {found}
      </h3>

      <ol className="import-preview__list">
        {summary.sections.map((s, i) => (
          <li key={i} className="import-preview__item">
            <span className="import-preview__name">{s.title || t('outline.untitled')}</span>
            <span className="import-preview__counts muted">
              {s.notes > 0 ? t('editing.importPreview.wordsAndNotes', { words: s.words, notes: s.notes }) : t('editing.importPreview.words', { words: s.words })}
            </span>
          </li>
        ))}
      </ol>
      {notice && (
        <p className="import-preview__notice" data-testid="import-skipped">
          {notice}
        </p>
      )}
    </section>
  );
}
