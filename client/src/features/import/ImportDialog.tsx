/**
 * Import a Word document (.docx): into a new report (uploaded to the server when online, made on this device when
 * offline), or into the open report, as new sections or appended to the selected section. The document is read in
 * the browser first, so the sections it will give are shown before anything is written.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MECHANISMS, type Mechanism } from '../../../../shared/api/mechanisms.ts';
import { mechanismName } from '../../../../shared/i18n/mechanismNames.ts';
import { currentLanguage, i18n } from '../../i18n/i18n.ts';
import { LIMITS, validateCreateReport } from '../../../../shared/api/validate.ts';
import type { SkippedContent, SplitResult } from '../../../../shared/import/index.ts';
import { ApiError, NetworkError } from '../../api/reportsApi.ts';
import { navigate } from '../../app/router.ts';
import { reportPath } from '../../app/routes.ts';
import { useOnline } from '../../app/useOnline.ts';
import { useReportUiStore } from '../../stores/reportUiStore.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { useAccount } from '../../auth/useAccount.ts';
import type { ReportSession } from '../../sync/ReportSession.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { CoalitionChoice, JUST_ME } from '../coalitions/CoalitionChoice.tsx';
import { OUTLINE_ORIGIN } from '../outline/outlineUndo.ts';
import '../export/export.css';
import { importErrorMessage, MAX_IMPORT_FILE_BYTES } from './importMessages.ts';
import { ImportPreview } from './ImportPreview.tsx';
import { skippedNotice, summariseImport } from './importSummary.ts';
import { ImportRefused, readDocx } from './readDocx.ts';
import { uploadImport } from './uploadImport.ts';
import './import.css';
import { prepareImportedImages } from '../evidence/importedImages.ts';

/** Where the imported sections go. */
export type ImportTarget = { kind: 'new' } | { kind: 'report'; session: ReportSession; sectionId: string | null; sectionTitle: string | null };

export default function ImportDialog({ open, onClose, target }: { open: boolean; onClose: () => void; target: ImportTarget }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={target.kind === 'new' ? t('editing.importDialog.titleNew') : t('editing.importDialog.titleInto')} className="dialog--wide import-dialog">
      <ImportForm target={target} onClose={onClose} />
    </Dialog>
  );
}

type Placement = 'end' | 'after' | 'into';
type Read = { state: 'none' } | { state: 'reading' } | { state: 'read'; result: SplitResult } | { state: 'refused'; message: string };
type Errors = Partial<Record<'file' | 'title' | 'mechanism' | 'stateUnderReview' | 'coalition' | 'form', string>>;

const LEVELS = [1, 2, 3] as const;
const LEVEL_LABELS = ['editing.importDialog.level1', 'editing.importDialog.level2', 'editing.importDialog.level3'] as const;

function ImportForm({ target, onClose }: { target: ImportTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const accountId = useAccount()?.id ?? '';
  const id = useId();
  const online = useOnline();
  const [file, setFile] = useState<File | null>(null);
  const [level, setLevel] = useState(1);
  const [read, setRead] = useState<Read>({ state: 'none' });
  const [title, setTitle] = useState('');
  const [titleTouched, setTitleTouched] = useState(false);
  const [mechanism, setMechanism] = useState<Mechanism | ''>('');
  const [stateUnderReview, setStateUnderReview] = useState('');
  const [coalitionId, setCoalitionId] = useState(JUST_ME);
  const [placement, setPlacement] = useState<Placement>('end');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const isNew = target.kind === 'new';

  // Read the document again whenever the file or the heading level changes; the preview follows.
  useEffect(() => {
    if (!file) {
      setRead({ state: 'none' });
      return;
    }
    let live = true;
    setRead({ state: 'reading' });
    readDocx(file, level).then(
      (result) => {
        if (!live) return;
        setRead({ state: 'read', result });
        if (isNew && !titleTouched) setTitle((result.title ?? file.name.replace(/\.docx$/i, '')).slice(0, LIMITS.titleChars));
      },
      (err: unknown) => {
        if (!live) return;
        if (!(err instanceof ImportRefused)) console.error('Rightsdraft: reading a .docx failed', err);
        setRead({ state: 'refused', message: err instanceof ImportRefused ? importErrorMessage(err.code) : importErrorMessage('invalid_xml') });
      },
    );
    return () => {
      live = false;
    };
    // The title is filled in once per read; typing in it must not read the file again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, level]);

  const summary = read.state === 'read' ? summariseImport(read.result.sections) : null;
  const notice = read.state === 'read' ? skippedNotice(read.result.skipped) : null;

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (read.state !== 'read') {
      setErrors({ file: read.state === 'refused' ? read.message : read.state === 'reading' ? t('editing.importDialog.stillReading') : importErrorMessage('missing_file') });
      return;
    }
    setBusy(true);
    try {
      if (target.kind === 'new') await importAsNewReport(read.result);
      else await importIntoReport(target, read.result);
    } finally {
      setBusy(false);
    }
  };

  const importAsNewReport = async (result: SplitResult) => {
    const checked = validateCreateReport({ title, mechanism: mechanism || undefined, stateUnderReview });
    if (!checked.ok) {
      const next: Errors = {};
      for (const p of checked.problems) {
        if (p.field === 'title') next.title ??= p.code === 'too_long' ? t('form.tooLong', { max: LIMITS.titleChars }) : t('newReport.titleMissing');
        else if (p.field === 'mechanism') next.mechanism ??= t('newReport.mechanismMissing');
        else if (p.field === 'stateUnderReview') next.stateUnderReview ??= t('form.tooLong', { max: LIMITS.stateChars });
      }
      setErrors(next);
      return;
    }
    const input = { title: checked.value.title, mechanism: checked.value.mechanism, stateUnderReview: checked.value.stateUnderReview };
    const count = result.sections.length;
    if (navigator.onLine) {
      try {
        const report = await uploadImport({ file: file!, fileName: file!.name, headingLevel: level, coalitionId: coalitionId || null, ...input });
        navigate(reportPath(report.id));
        useToastStore.getState().show({ message: withNotice(i18n.t('editing.importDialog.importedFrom', { count, file: file!.name }), report.skipped) });
        return;
      } catch (err) {
        if (err instanceof ApiError) {
          setErrors({ [errorField(err)]: importErrorMessage(err.code, err.message) });
          return;
        }
        if (!(err instanceof NetworkError)) throw err;
        // The server could not be reached: make the report on this device instead, as the New report dialog does.
      }
    }
    try {
      const [{ createLocalReport }, { writeImportedSections }] = await Promise.all([import('../reports/createLocalReport.ts'), import('../../../../shared/import/index.ts')]);
      // Its pictures wait in this device's upload queue (issue 12).
      const prepared = await prepareImportedImages(result);
      const reportId = await createLocalReport({ ...input, coalitionId: coalitionId || null, accountId }, { write: (doc) => writeImportedSections(doc, prepared.result.sections) });
      await prepared.queue(reportId);
      navigate(reportPath(reportId));
      useToastStore.getState().show({ message: withNotice(i18n.t('editing.importDialog.importedOffline', { count }), prepared.result.skipped) });
    } catch (err) {
      console.error(err);
      setErrors({ form: t('newReport.storageFailed') });
    }
  };

  const importIntoReport = async (to: Extract<ImportTarget, { kind: 'report' }>, read: SplitResult) => {
    const { writeImportedSections, importIntoSection } = await import('../../../../shared/import/index.ts');
    // Its pictures wait in this device's upload queue (issue 12).
    const prepared = await prepareImportedImages(read);
    const result = prepared.result;
    await prepared.queue(to.session.reportId);
    {
      const { session } = to;
      const count = result.sections.length;
      if (placement === 'into' && to.sectionId) {
        importIntoSection(session.doc, to.sectionId, result.sections);
        useToastStore.getState().show({ message: withNotice(to.sectionTitle === null ? i18n.t('editing.importDialog.addedIntoThis', { count }) : i18n.t('editing.importDialog.addedInto', { count, title: to.sectionTitle }), result.skipped) });
      } else {
        // One outline change: the toast's Undo takes every imported section away again.
        const ids = writeImportedSections(session.doc, result.sections, { after: placement === 'after' ? to.sectionId : null, origin: OUTLINE_ORIGIN });
        session.outlineUndo.stopCapturing();
        if (ids[0]) useReportUiStore.getState().selectSection(ids[0]);
        useToastStore.getState().show({ message: withNotice(i18n.t('editing.importDialog.imported', { count }), result.skipped), action: { label: i18n.t('editing.importDialog.undo'), run: () => session.outlineUndo.undo() } });
      }
      onClose();
    }
  };

  const fileError = errors.file ?? (read.state === 'refused' ? read.message : undefined);
  const describedBy = (field: keyof Errors, help?: string) => [errors[field] ? `${id}-${field}-error` : null, help].filter(Boolean).join(' ') || undefined;

  return (
    <form className="form import-form" onSubmit={handleSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('editing.importDialog.file')}</label>
        <input
          id={`${id}-file`}
          className="file-input"
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setErrors((x) => ({ ...x, file: undefined, form: undefined }));
          }}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={[fileError ? `${id}-file-error` : null, `${id}-file-help`].filter(Boolean).join(' ')}
          data-testid="import-file"
        />
        <p id={`${id}-file-help`} className="field__help">
          {t('editing.importDialog.fileHelp', { size: MAX_IMPORT_FILE_BYTES / 1024 / 1024 })}
        </p>
        {fileError && (
          <p id={`${id}-file-error`} className="field__error" role="alert" data-testid="import-error">
            {fileError}
          </p>
        )}
      </div>

      <div className="field">
        <label htmlFor={`${id}-level`}>{t('editing.importDialog.level')}</label>
        <select id={`${id}-level`} className="input select" value={level} onChange={(e) => setLevel(Number(e.target.value))} aria-describedby={`${id}-level-help`}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(LEVEL_LABELS[l - 1]!)}
            </option>
          ))}
        </select>
        <p id={`${id}-level-help`} className="field__help">
          {t('editing.importDialog.levelHelp')}
        </p>
      </div>

      <ImportPreview reading={read.state === 'reading'} summary={summary} skipped={read.state === 'read' ? read.result.skipped : null} />
      {/* One live region that is always there, so screen readers hear the reading and what was found. */}
      <p className="visually-hidden" role="status">
        {read.state === 'reading'
          ? t('editing.import.reading')
          : summary
            ? [t('editing.importDialog.found', { sections: summary.sections.length, words: summary.words, notes: summary.notes }), notice].filter(Boolean).join(' ')
            : ''}
      </p>

      {isNew ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-title`}>{t('report.titleLabel')}</label>
            <input
              id={`${id}-title`}
              className="input"
              value={title}
              maxLength={LIMITS.titleChars}
              onChange={(e) => {
                setTitle(e.target.value);
                setTitleTouched(true);
                setErrors((x) => ({ ...x, title: undefined }));
              }}
              aria-invalid={errors.title ? true : undefined}
              aria-describedby={describedBy('title')}
            />
            {errors.title && <p id={`${id}-title-error`} className="field__error">{errors.title}</p>}
          </div>
          <div className="field">
            <label htmlFor={`${id}-mechanism`}>{t('newReport.field.mechanism')}</label>
            <select
              id={`${id}-mechanism`}
              className="input select"
              value={mechanism}
              onChange={(e) => {
                setMechanism(e.target.value as Mechanism | '');
                setErrors((x) => ({ ...x, mechanism: undefined }));
              }}
              aria-invalid={errors.mechanism ? true : undefined}
              aria-describedby={describedBy('mechanism')}
            >
              <option value="">{t('editing.importDialog.chooseMechanism')}</option>
              {MECHANISMS.map((m) => (
                <option key={m} value={m}>
                  {mechanismName(m, currentLanguage())}
                </option>
              ))}
            </select>
            {errors.mechanism && <p id={`${id}-mechanism-error`} className="field__error">{errors.mechanism}</p>}
          </div>
          <div className="field">
            <label htmlFor={`${id}-state`}>
              {t('newReport.field.state')} <span className="field__optional">{t('common.optional')}</span>
            </label>
            <input
              id={`${id}-state`}
              className="input"
              value={stateUnderReview}
              maxLength={LIMITS.stateChars}
              autoComplete="country-name"
              onChange={(e) => {
                setStateUnderReview(e.target.value);
                setErrors((x) => ({ ...x, stateUnderReview: undefined }));
              }}
              aria-invalid={errors.stateUnderReview ? true : undefined}
              aria-describedby={describedBy('stateUnderReview')}
            />
            {errors.stateUnderReview && <p id={`${id}-stateUnderReview-error`} className="field__error">{errors.stateUnderReview}</p>}
          </div>
          <CoalitionChoice
            name={`${id}-coalition`}
            value={coalitionId}
            onChange={(next) => {
              setCoalitionId(next);
              setErrors((x) => ({ ...x, coalition: undefined }));
            }}
            error={errors.coalition}
          />
          {!online && <p className="field__help">{t('editing.importDialog.offline')}</p>}
        </>
      ) : (
        <fieldset className="choice-group">
          <legend className="choice-group__legend">{t('editing.importDialog.placement')}</legend>
          <label className="check">
            <input type="radio" name={`${id}-placement`} checked={placement === 'end'} onChange={() => setPlacement('end')} />
            <span>{t('editing.importDialog.placeEnd')}</span>
          </label>
          {target.sectionId && (
            <>
              <label className="check">
                <input type="radio" name={`${id}-placement`} checked={placement === 'after'} onChange={() => setPlacement('after')} />
                <span>{t('editing.importDialog.placeAfter', { title: target.sectionTitle })}</span>
              </label>
              <label className="check">
                <input type="radio" name={`${id}-placement`} checked={placement === 'into'} onChange={() => setPlacement('into')} />
                <span>{t('editing.importDialog.placeInto', { title: target.sectionTitle })}</span>
              </label>
            </>
          )}
        </fieldset>
      )}

      <div className="dialog-footer">
        {errors.form && (
          <p className="field__error" role="alert">
            {errors.form}
          </p>
        )}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || read.state === 'reading'}>
            {busy ? t('editing.importDialog.importing') : isNew ? t('newReport.create') : summary ? t('editing.importDialog.importSections', { count: summary.sections.length }) : t('import.button')}
          </button>
        </div>
      </div>
    </form>
  );
}

/** The toast after an import, with the images it left out when there were any. */
function withNotice(message: string, skipped: SkippedContent): string {
  const notice = skippedNotice(skipped);
  return notice ? `${message} ${notice}` : message;
}

/** Where the server's refusal of an upload is shown: under its field, or for the whole form. */
function errorField(err: ApiError): keyof Errors {
  if (err.field === 'title' || err.field === 'mechanism' || err.field === 'stateUnderReview' || err.field === 'file') return err.field;
  // The coalition check answers 400 on coalitionId, or 403 when the member's role there cannot create reports.
  if (err.field === 'coalitionId' || err.code === 'forbidden') return 'coalition';
  return 'form';
}
