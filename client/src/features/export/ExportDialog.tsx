/**
 * Export the open report as Word or PDF. The file is made in this browser from the report's copy on this device
 * (the same shared exporter as the server's), so it works offline and gives the same file online; the server's
 * export is offered as an alternative link when online.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { t as translate } from '../../i18n/i18n.ts';
import { formatList } from '../../i18n/format.ts';
import { exportInputFromDoc } from '../../../../shared/export/input.ts';
import { browserExportImages } from '../evidence/exportImages.ts';
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
// The accessible (tagged) PDF from the server (issue 13).
import { fetchAccessiblePdf, useAccessiblePdfAvailable } from './accessiblePdf.ts';
import './export.css';
// Testimony consent and the export's audience (issue 12).
import { AudienceChoice, consentProblem, exportedTitle } from '../testimony/AudienceChoice.tsx';

export default function ExportDialog({ open, onClose, session, snapshot }: { open: boolean; onClose: () => void; session: ReportSession; snapshot: SessionSnapshot }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t('export.title')} className="dialog--wide export-dialog">
      <ExportForm session={session} snapshot={snapshot} onClose={onClose} />
    </Dialog>
  );
}

function failureMessage(err: unknown): string {
  const code = err instanceof ExportFailed ? err.code : 'failed';
  if (code === 'fonts_unavailable') return translate('export.error.fonts');
  if (code === 'worker_unavailable' && !navigator.onLine) return translate('export.error.worker');
  return translate('export.error.failed');
}

type Phase = { kind: 'idle' } | { kind: 'running'; fraction: number } | { kind: 'done'; fileName: string } | { kind: 'error'; message: string };


function ExportForm({ session, snapshot, onClose }: { session: ReportSession; snapshot: SessionSnapshot; onClose: () => void }) {
  const { t } = useTranslation();
  const FORMATS: { value: ExportFormat; title: string; help: string }[] = [
    { value: 'docx', title: t('export.format.docx'), help: t('export.format.docxHelp') },
    { value: 'pdf', title: t('export.format.pdf'), help: t('export.format.pdfHelp') },
  ];
  const { meta } = snapshot;
  const id = useId();
  const online = useOnline();
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [options, setOptions] = useState<ExportOptions>(() => defaultExportOptions(meta.mechanism));
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [fontsReady, setFontsReady] = useState<boolean | null>(null);
  const [accessible, setAccessible] = useState(false);
  const accessibleAvailable = useAccessiblePdfAvailable(online);
  // The tagged PDF is made by the server, which cannot read an encrypted report: the browser's PDF only.
  const tagged = format === 'pdf' && accessible && online && accessibleAvailable === true && !session.encrypted;
  const run = useRef<ExportRun | null>(null);
  const serverRun = useRef<AbortController | null>(null);
  const discussion = useReview()?.discussion.doc ?? null;
  useLastSignOn(session.reportId, online, session.encrypted);
  const signOn = currentSignOn(session.reportId, session.doc, session.encrypted);
  const pending = signOn ? pendingOrganisations(signOn) : [];
  const upr = meta.mechanism === 'UPR';
  // The file's name comes from the title as exported: sensitive names replaced.
  const fileName = exportFileName({ ...meta, title: exportedTitle(session.doc, meta.title) }, format);
  const running = phase.kind === 'running';

  // Closing the dialog (or leaving the report) stops an export that is still running.
  useEffect(
    () => () => {
      run.current?.cancel();
      serverRun.current?.abort();
    },
    [],
  );

  useEffect(() => {
    if (format !== 'pdf') return;
    let live = true;
    void fontsOnDevice(Object.values(PDF_FONT_URLS)).then((ready) => live && setFontsReady(ready));
    return () => {
      live = false;
    };
  }, [format, online]);

  const pdfBlocked = format === 'pdf' && !online && fontsReady === false && !tagged;
  const set = <K extends keyof ExportOptions>(key: K, value: ExportOptions[K]) => setOptions((o) => ({ ...o, [key]: value }));

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (running || pdfBlocked) return;
    setPhase({ kind: 'running', fraction: 0 });
    if (tagged) {
      // Made by the server from its copy: no progress to report until the file arrives.
      const abort = new AbortController();
      serverRun.current = abort;
      try {
        const bytes = await fetchAccessiblePdf(session.reportId, exportQuery('pdf', options), abort.signal);
        saveFile(bytes, fileName, 'application/pdf');
        setPhase({ kind: 'done', fileName });
      } catch (err) {
        if (!abort.signal.aborted) setPhase({ kind: 'error', message: t('export.accessible.failed', { message: err instanceof Error ? err.message : '' }) });
      } finally {
        if (serverRun.current === abort) serverRun.current = null;
      }
      return;
    }
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
    const known = currentSignOn(session.reportId, session.doc, session.encrypted);
    const input = exportInputFromDoc(session.doc, { describeTag, suggestions, organisations: known ? coverOrganisations(known) : undefined });
    const blocked = consentProblem(input, options);
    if (blocked) {
      setPhase({ kind: 'error', message: blocked });
      return;
    }
    // Images from this device's cache (issue 12).
    input.images = await browserExportImages(session.reportId, input.sections);
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
    serverRun.current?.abort();
    serverRun.current = null;
    setPhase({ kind: 'idle' });
  };

  const percent = phase.kind === 'running' ? Math.round(phase.fraction * 100) : 0;
  const serverHref = `/api/reports/${encodeURIComponent(session.reportId)}/export?${exportQuery(format, options)}`;

  return (
    <form className="form export-form" onSubmit={handleSubmit} aria-describedby={`${id}-about`}>
      <p id={`${id}-about`} className="export-form__about muted">
        {online ? t('export.about') : t('export.aboutOffline')}
      </p>

      {pending.length > 0 && (
        <p className="field__help export-form__warning" data-testid="export-sign-on-pending">
          {t('export.pendingSignOn', { names: formatList(pending), count: pending.length })}
        </p>
      )}

      <fieldset className="choice-group" disabled={running}>
        <legend className="choice-group__legend">{t('export.format')}</legend>
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
        {format === 'pdf' && (
          <div className="export-form__accessible">
            <label className="check">
              <input
                type="checkbox"
                checked={accessible}
                disabled={!online || accessibleAvailable !== true || session.encrypted}
                onChange={(e) => setAccessible(e.target.checked)}
                aria-describedby={`${id}-accessible-help`}
              />
              <span>{t('export.accessible.label')}</span>
            </label>
            <p id={`${id}-accessible-help`} className="field__help" data-testid="accessible-pdf-help">
              {session.encrypted
                ? t('e2eeLeaks.export.accessibleEncrypted')
                : !online
                  ? t('export.accessible.offline')
                  : accessibleAvailable === false ? t('export.accessible.unavailable') : t('export.accessible.help')}
            </p>
          </div>
        )}
        {upr && format === 'pdf' && <p className="field__help export-form__warning">{t('export.uprWordOnly')}</p>}
        {pdfBlocked && (
          <p className="field__error" role="alert">
            {t('export.fontsMissing')}
          </p>
        )}
      </fieldset>

      <fieldset className="choice-group" disabled={running}>
        <legend className="choice-group__legend">{t('export.notes')}</legend>
        <label className="check">
          <input type="radio" name={`${id}-notes`} checked={options.notes === 'footnotes'} onChange={() => set('notes', 'footnotes')} disabled={format === 'pdf'} />
          <span>{t('export.footnotes')}</span>
        </label>
        <label className="check">
          <input type="radio" name={`${id}-notes`} checked={options.notes === 'endnotes' || format === 'pdf'} onChange={() => set('notes', 'endnotes')} disabled={format === 'pdf'} />
          <span>{upr ? t('export.endnotesUpr') : t('export.endnotes')}</span>
        </label>
        {format === 'pdf' && <p className="field__help">{t('export.pdfNotes')}</p>}
      </fieldset>

      <fieldset className="choice-group" disabled={running}>
        <legend className="choice-group__legend">{t('export.contents')}</legend>
        <label className="check">
          <input type="checkbox" checked={options.numberParagraphs} onChange={(e) => set('numberParagraphs', e.target.checked)} />
          <span>{t('export.numberParagraphs')}</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={options.includeAnnex} onChange={(e) => set('includeAnnex', e.target.checked)} />
          <span>{t('export.includeAnnex')}</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={options.suggestions === 'accepted'} onChange={(e) => set('suggestions', e.target.checked ? 'accepted' : 'rejected')} />
          <span>{t('export.suggestions')}</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={options.watermark} onChange={(e) => set('watermark', e.target.checked)} />
          <span>{t('export.watermark')}</span>
        </label>
      </fieldset>

      <AudienceChoice doc={session.doc} options={options} onChange={set} disabled={running} />

      <div className="export-form__file">
        <span className="muted">{t('export.fileName')}</span>
        <code className="export-form__name" data-testid="export-file-name" dir="ltr">
          {fileName}
        </code>
      </div>
      {/* The server cannot read an encrypted report: it has no copy to offer. */}
      {online && !running && !session.encrypted && (
        <p className="export-form__alt muted">
          {t('export.serverCopyBefore')}{' '}
          <a href={serverHref} download={fileName}>
            {t('export.serverCopy')}
          </a>{' '}
          {t('export.serverCopyAfter')}
        </p>
      )}

      <div className="dialog-footer">
        <div className="export-form__status">
          {phase.kind === 'running' && (
            <div className="export-progress">
              <label htmlFor={`${id}-progress`} className="export-progress__label">
                {percent === 0 ? t('export.preparing', { format }) : t('export.making', { format, percent })}
              </label>
              <progress id={`${id}-progress`} className="export-progress__bar" max={100} value={percent} />
            </div>
          )}
          {phase.kind === 'done' && (
            <p className="export-form__done" data-testid="export-done">
              {t('export.downloaded', { fileName: phase.fileName })}
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
              {t('export.stop')}
            </button>
          ) : (
            <button type="button" className="button" onClick={onClose}>
              {phase.kind === 'done' ? t('export.done') : t('common.cancel')}
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={running || pdfBlocked}>
            {running ? t('export.exporting') : t('export.submit', { format })}
          </button>
        </div>
      </div>
    </form>
  );
}
