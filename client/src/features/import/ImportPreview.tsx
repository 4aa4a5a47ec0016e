/** The import dialog's preview: the sections a .docx gives, with their words and notes, and what it leaves out. */
import type { SkippedContent } from '../../../../shared/import/index.ts';
import { plural, skippedNotice, type ImportSummary } from './importSummary.ts';

export function ImportPreview({ reading, summary, skipped }: { reading: boolean; summary: ImportSummary | null; skipped: SkippedContent | null }) {
  if (reading) {
    return (
      <p className="import-preview import-preview--reading muted">
        Reading the document…
      </p>
    );
  }
  if (!summary) return null;
  const found = `Found ${plural(summary.sections.length, 'section', 'sections')} · ${plural(summary.words, 'word', 'words')} · ${plural(summary.notes, 'note', 'notes')}`;
  const notice = skipped ? skippedNotice(skipped) : null;
  return (
    <section className="import-preview" aria-labelledby="import-preview-title" data-testid="import-preview">
      <h3 id="import-preview-title" className="import-preview__title">
        {found}
      </h3>

      <ol className="import-preview__list">
        {summary.sections.map((s, i) => (
          <li key={i} className="import-preview__item">
            <span className="import-preview__name">{s.title || 'Untitled section'}</span>
            <span className="import-preview__counts muted">
              {plural(s.words, 'word', 'words')}
              {s.notes > 0 ? ` · ${plural(s.notes, 'note', 'notes')}` : ''}
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
