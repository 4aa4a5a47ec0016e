/**
 * Export the open report as Word or PDF. The file is made in this browser from the report's copy on this device
 * (the same shared exporter as the server's), so it works offline and gives the same file online; the server's
 * export is offered as an alternative link when online.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { exportInputFromDoc } from '../../../../shared/export/input.ts';
import { exportFileName } from '../../../../shared/export/fileName.ts';
import { defaultExportOptions, exportQuery, type ExportFormat, type ExportOptions } from '../../../../shared/export/options.ts';
import type { ReportSession, SessionSnapshot } from '../../sync/ReportSession.ts';
import { useOnline } from '../../app/useOnline.ts';
import { loadTaxonomy } from '../tagging/taxonomy.ts';
import { useReview } from '../review/ReviewContext.tsx';
import { coverOrganisations, pendingOrganisations } from '../../../../shared/report/signOn.ts';
import { currentSignOn, useLastSignOn } from '../submission/signOnStore.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { fontsOnDevice } from './fontCache.ts';
import { PDF_FONT_URLS } from './pdfFontUrls.ts';
import { ExportFailed, runExport, type ExportRun } from './runExport.ts';
import { saveFile } from './saveFile.ts';
import { progressAnnouncement } from './progressText.ts';
import './export.css';

export default function ExportDialog({ open, onClose, session, snapshot }: { open: boolean; onClose: () => void; session: ReportSession; snapshot: SessionSnapshot }) {
  return (
    <Dialog open={open} onClose={onClose} title="Export report" className="dialog--wide export-dialog">
      <ExportForm session={session} snapshot={snapshot} onClose={onClose} />
    </Dialog>
  );
}

function failureMessage(err: unknown): string {
  const code = err instanceof ExportFailed ? err.code : 'failed';
  if (code === 'fonts_unavailable') return 'The PDF fonts are not on this device yet. Connect to the internet once (or export to Word, which needs no fonts).';
  if (code === 'worker_unavailable' && !navigator.onLine) {
    return 'Export’s files are not on this device yet. Open a report once while online; after that, export works offline.';
  }
  return 'The file could not be made. Try again; if it keeps failing, export to the other format or from the server.';
}

type Phase = { kind: 'idle' } | { kind: 'running'; fraction: number } | { kind: 'done'; fileName: string } | { kind: 'error'; message: string };

const FORMATS: { value: ExportFormat; title: string; help: string }[] = [
  { value: 'docx', title: 'Word (.docx)', help: 'The format the UN asks for: editable, with real footnotes.' },
  { value: 'pdf', title: 'PDF', help: 'For reading and printing. Notes are printed at the end.' },
];

function ExportForm({ session, snapshot, onClose }: { session: ReportSession; snapshot: SessionSnapshot; onClose: () => void }) {
  const { meta } = snapshot;
  const id = useId();
  const online = useOnline();
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [options, setOptions] = useState<ExportOptions>(() => defaultExportOptions(meta.mechanism));
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [fontsReady, setFontsReady] = useState<boolean | null>(null);
  const run = useRef<ExportRun | null>(null);
  const discussion = useReview()?.discussion.doc ?? null;
  useLastSignOn(session.reportId, online);
  const signOn = currentSignOn(session.reportId, session.doc);
  const pending = signOn ? pendingOrganisations(signOn) : [];
  const upr = meta.mechanism === 'UPR';
  const fileName = exportFileName(meta, format);
  const running = phase.kind === 'running';

  // Closing the dialog (or leaving the report) stops an export that is still running.
  useEffect(() => () => run.current?.cancel(), []);

  useEffect(() => {
    if (format !== 'pdf') return;
    let live = true;
    void fontsOnDevice(Object.values(PDF_FONT_URLS)).then((ready) => live && setFontsReady(ready));
    return () => {
      live = false;
    };
  }, [format, online]);

  const pdfBlocked = format === 'pdf' && !online && fontsReady === false;
  const set = <K extends keyof ExportOptions>(key: K, value: ExportOptions[K]) => setOptions((o) => ({ ...o, [key]: value }));

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (running || pdfBlocked) return;
    setPhase({ kind: 'running', fraction: 0 });
    // Read now: the file holds the report as it is when Export is pressed, co-authors' later edits aside.
    let describeTag;
    try {
      // Names the annex's tags; loaded lazily (and cached for offline use) like everywhere else in the app.
      describeTag = (await loadTaxonomy()).describeReportTag;
    } catch (err) {
      console.warn('Rightsdraft: the taxonomy could not be loaded; the annex shows tag ids', err);
    }
    // Open suggestions are applied to a copy of this device's text (never to the report itself) when asked.
    const suggestions = discussion ? { discussion, mode: options.suggestions } : undefined;
    // The cover names the organisations that signed on, as the server last said (this works offline too).
    const known = currentSignOn(session.reportId, session.doc);
    const input = exportInputFromDoc(session.doc, { describeTag, suggestions, organisations: known ? coverOrganisations(known) : undefined });
    const current = runExport({ input, format, options, fontUrls: PDF_FONT_URLS }, (fraction) =>
      setPhase((p) => (p.kind === 'running' ? { kind: 'running', fraction } : p)),
    );
    run.current = current;
    try {
      const file = await current.result;
      saveFile(file.bytes, file.fileName, file.mimeType);
      setPhase({ kind: 'done', fileName: file.fileName });
    } catch (err) {
      if (err instanceof ExportFailed && err.message === 'cancelled') return;
      console.error('Rightsdraft: export failed', err);
      setPhase({ kind: 'error', message: failureMessage(err) });
    } finally {
      if (run.current === current) run.current = null;
    }
  };

  const cancel = () => {
    run.current?.cancel();
    run.current = null;
    setPhase({ kind: 'idle' });
  };

  const percent = phase.kind === 'running' ? Math.round(phase.fraction * 100) : 0;
  const serverHref = `/api/reports/${encodeURIComponent(session.reportId)}/export?${exportQuery(format, options)}`;

  return (
    <form className="form export-form" onSubmit={handleSubmit} aria-describedby={`${id}-about`}>
      <p id={`${id}-about`} className="export-form__about muted">
        {online ? 'The file is made on this device from your copy of the report.' : 'You are offline: the file is made on this device from your copy of the report.'}
      </p>

      {pending.length > 0 && (
        <p className="field__help export-form__warning" data-testid="export-sign-on-pending">
          Still waiting for {pending.join(', ')} to confirm sign-on: the cover leaves {pending.length === 1 ? 'it' : 'them'} out.
        </p>
      )}

      <fieldset className="choice-group" disabled={running}>
        <legend className="choice-group__legend">Format</legend>
        <div className="choice-cards">
          {FORMATS.map((f) => (
            <label key={f.value} className={`choice-card${format === f.value ? ' choice-card--checked' : ''}`}>
              <input type="radio" name={`${id}-format`} value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} />
              <span className="choice-card__text">
                <span className="choice-card__title">{f.title}</span>
                <span className="choice-card__help">{f.help}</span>
              </span>
            </label>
          ))}
        </div>
        {upr && format === 'pdf' && <p className="field__help export-form__warning">UPR submissions are accepted in Word only; use PDF for reading.</p>}
        {pdfBlocked && (
          <p className="field__error" role="alert">
            The PDF fonts are not on this device yet. Connect to the internet once to make PDFs offline, or export to Word.
          </p>
        )}
      </fieldset>

      <fieldset className="choice-group" disabled={running}>
        <legend className="choice-group__legend">Notes</legend>
        <label className="check">
          <input type="radio" name={`${id}-notes`} checked={options.notes === 'footnotes'} onChange={() => set('notes', 'footnotes')} disabled={format === 'pdf'} />
          <span>Footnotes at the foot of each page</span>
        </label>
        <label className="check">
          <input type="radio" name={`${id}-notes`} checked={options.notes === 'endnotes' || format === 'pdf'} onChange={() => set('notes', 'endnotes')} disabled={format === 'pdf'} />
          <span>Endnotes at the end of the report{upr ? ' (UPR submissions use endnotes)' : ''}</span>
        </label>
        {format === 'pdf' && <p className="field__help">A PDF always prints its notes at the end.</p>}
      </fieldset>

      <fieldset className="choice-group" disabled={running}>
        <legend className="choice-group__legend">Contents</legend>
        <label className="check">
          <input type="checkbox" checked={options.numberParagraphs} onChange={(e) => set('numberParagraphs', e.target.checked)} />
          <span>Number the paragraphs (1., 2., 3. through the report)</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={options.includeAnnex} onChange={(e) => set('includeAnnex', e.target.checked)} />
          <span>Include the annex (tags per section, earlier recommendations)</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={options.suggestions === 'accepted'} onChange={(e) => set('suggestions', e.target.checked ? 'accepted' : 'rejected')} />
          <span>Include open suggestions as if accepted</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={options.watermark} onChange={(e) => set('watermark', e.target.checked)} />
          <span>Mark every page as DRAFT</span>
        </label>
      </fieldset>

      <div className="export-form__file">
        <span className="muted">File name</span>
        <code className="export-form__name" data-testid="export-file-name">
          {fileName}
        </code>
      </div>
      {/* The server cannot read an encrypted report: it has no copy to offer. */}
      {online && !running && !session.encrypted && (
        <p className="export-form__alt muted">
          Or{' '}
          <a href={serverHref} download={fileName}>
            download the server’s copy
          </a>{' '}
          (without changes not yet synced).
        </p>
      )}

      <div className="dialog-footer">
        <div className="export-form__status">
          {phase.kind === 'running' && (
            <div className="export-progress">
              <label htmlFor={`${id}-progress`} className="export-progress__label">
                {percent === 0 ? `Preparing the ${format === 'pdf' ? 'PDF' : 'Word file'}…` : `Making the ${format === 'pdf' ? 'PDF' : 'Word file'}… ${percent}%`}
              </label>
              <progress id={`${id}-progress`} className="export-progress__bar" max={100} value={percent} />
            </div>
          )}
          {phase.kind === 'done' && (
            <p className="export-form__done" data-testid="export-done">
              Downloaded <strong>{phase.fileName}</strong>.
            </p>
          )}
          {phase.kind === 'error' && (
            <p className="field__error" role="alert">
              {phase.message}
            </p>
          )}
        </div>
        <p className="visually-hidden" role="status" aria-live="polite">
          {progressAnnouncement(phase.kind === 'running' ? phase.fraction : null, phase.kind === 'done' ? phase.fileName : null)}
        </p>

        <div className="form__actions export-form__actions">
          {running ? (
            <button type="button" className="button" onClick={cancel}>
              Stop
            </button>
          ) : (
            <button type="button" className="button" onClick={onClose}>
              {phase.kind === 'done' ? 'Done' : 'Cancel'}
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={running || pdfBlocked}>
            {running ? 'Exporting…' : `Export ${format === 'pdf' ? 'PDF' : 'Word file'}`}
          </button>
        </div>
      </div>
    </form>
  );
}
