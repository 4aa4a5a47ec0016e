import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MECHANISMS, type Mechanism } from '../../../../shared/api/mechanisms.ts';
import { LANGUAGE_NAMES, UI_LANGUAGES } from '../../../../shared/i18n/languages.ts';
import { mechanismName } from '../../../../shared/i18n/mechanismNames.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { validateCreateReport, LIMITS } from '../../../../shared/api/validate.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { EncryptedChoice } from '../e2ee/EncryptedChoice.tsx';
import { navigate } from '../../app/router.ts';
import { reportPath } from '../../app/routes.ts';
import { useAccount } from '../../auth/useAccount.ts';
import { forgetReport } from '../../db/catalog.ts';
import { localDocName } from '../../sync/localDoc.ts';
import { CoalitionChoice, JUST_ME } from '../coalitions/CoalitionChoice.tsx';
import { useCoalitions } from '../coalitions/useCoalitions.ts';
import { publishReport, publishReportExplained } from './publish.ts';
import { useTemplateChoice } from '../treaty/TemplateFields.tsx';
import { ApiError } from '../../api/reportsApi.ts';
import type { CreateDeps } from '../treaty/createFromTemplate.ts';

/** Create a report: works offline (the report is published when the server is reachable). */
export function NewReportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t('newReport.title')} className="dialog--wide">
      <NewReportForm onCancel={onClose} />
    </Dialog>
  );
}

type Errors = Partial<Record<'title' | 'mechanism' | 'stateUnderReview' | 'coalition' | 'form', string>>;

function NewReportForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  // The report's own language: by default the one its creator uses Rightsdraft in.
  const [language, setLanguage] = useState<string>(() => currentLanguage());
  const [mechanism, setMechanism] = useState<Mechanism | ''>('');
  const [stateUnderReview, setState] = useState('');
  const [coalitionId, setCoalitionId] = useState(JUST_ME);
  const accountId = useAccount()?.id;
  const [errors, setErrors] = useState<Errors>({});
  // Issue 4: start from a template, and for the UPR say whether one organisation submits or several.
  // A coalition of several organisations makes the report a joint submission, unless chosen otherwise.
  const { coalitions } = useCoalitions();
  const coalitionOrganisations = coalitions?.find((c) => c.id === coalitionId)?.organisations.length ?? 0;
  const { choice, fields: templateFields } = useTemplateChoice(mechanism, coalitionOrganisations);
  const [busy, setBusy] = useState(false);
  const [encrypted, setEncrypted] = useState(false);

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
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
    if (!accountId) return;
    setBusy(true);
    try {
      const { createLocalReport } = await import('./createLocalReport.ts');
      const { title: name, mechanism: m, stateUnderReview: s } = checked.value;
      const { createReportFromChoice, browserCreateDeps } = await import('../treaty/createFromTemplate.ts');
      const base = await browserCreateDeps();
      const deps = {
        ...base,
        post: (body: Parameters<typeof base.post>[0]) => base.post({ ...body, ...(coalitionId ? { coalitionId } : {}) }),
        createLocal: (input: Parameters<CreateDeps['createLocal']>[0]) => createLocalReport({ ...input, coalitionId: coalitionId || null, accountId, encrypted }),
      };
      // An encrypted report is always made on this device, so its text and title never reach the server in the clear.
      const { id, createdOn } = encrypted
        ? { id: await deps.createLocal({ title: name, mechanism: m, stateUnderReview: s, language, ...choice }), createdOn: 'device' as const }
        : await createReportFromChoice({ title: name, mechanism: m, stateUnderReview: s, language }, choice, deps);
      if (createdOn === 'device' && coalitionId && navigator.onLine) {
        // The coalition may refuse (a viewer's role there cannot create reports): say so here, not later.
        const result = await publishReportExplained(id);
        if (!result.ok && result.refused && result.refused.status < 500) {
          await forgetReport(id, localDocName(id));
          setErrors({ coalition: result.refused.message });
          setBusy(false);
          return;
        }
      } else if (createdOn === 'device' && navigator.onLine) {
        void publishReport(id);
      }
      navigate(reportPath(id));
    } catch (err) {
      console.error(err);
      if (err instanceof ApiError) {
        setErrors({ form: t('newReport.refused', { message: err.message }) });
        setBusy(false);
        return;
      }
      setErrors({ form: t('newReport.storageFailed') });
      setBusy(false);
    }
  };

  const describedBy = (field: keyof Errors, help?: string) =>
    [errors[field] ? `new-${field}-error` : null, help].filter(Boolean).join(' ') || undefined;

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      <div className="field">
        <label htmlFor="new-title">{t('newReport.field.title')}</label>
        <input
          id="new-title"
          className="input"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            setErrors((x) => ({ ...x, title: undefined }));
          }}
          maxLength={LIMITS.titleChars}
          placeholder={t('newReport.field.titlePlaceholder')}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={describedBy('title')}
        />
        {errors.title && <p id="new-title-error" className="field__error">{errors.title}</p>}
      </div>
      <div className="field">
        <label htmlFor="new-mechanism">{t('newReport.field.mechanism')}</label>
        <select
          id="new-mechanism"
          className="input select"
          value={mechanism}
          onChange={(e) => {
            setMechanism(e.target.value as Mechanism | '');
            setErrors((x) => ({ ...x, mechanism: undefined }));
          }}
          aria-invalid={errors.mechanism ? true : undefined}
          aria-describedby={describedBy('mechanism')}
        >
          <option value="">{t('newReport.field.mechanismChoose')}</option>
          {MECHANISMS.map((m) => (
            <option key={m} value={m}>
              {mechanismName(m, currentLanguage())}
            </option>
          ))}
        </select>
        {errors.mechanism && <p id="new-mechanism-error" className="field__error">{errors.mechanism}</p>}
      </div>
      <div className="field">
        <label htmlFor="new-state">
          {t('newReport.field.state')} <span className="field__optional">{t('common.optional')}</span>
        </label>
        <input
          id="new-state"
          className="input"
          value={stateUnderReview}
          onChange={(e) => {
            setState(e.target.value);
            setErrors((x) => ({ ...x, stateUnderReview: undefined }));
          }}
          maxLength={LIMITS.stateChars}
          autoComplete="country-name"
          aria-invalid={errors.stateUnderReview ? true : undefined}
          aria-describedby={describedBy('stateUnderReview')}
        />
        {errors.stateUnderReview && <p id="new-stateUnderReview-error" className="field__error">{errors.stateUnderReview}</p>}
      </div>
      <div className="field">
        <label htmlFor="new-language">{t('newReport.field.language')}</label>
        <select id="new-language" className="input select" value={language} onChange={(e) => setLanguage(e.target.value)} aria-describedby="new-language-help">
          {UI_LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
        <p id="new-language-help" className="field__help">
          {t('newReport.field.languageHelp')}
        </p>
      </div>
      <CoalitionChoice
        name="new-coalition"
        value={coalitionId}
        onChange={(next) => {
          setCoalitionId(next);
          setErrors((x) => ({ ...x, coalition: undefined }));
        }}
        error={errors.coalition}
        help={t('newReport.field.coalitionHelp')}
      />
      {templateFields}
      <EncryptedChoice checked={encrypted} onChange={setEncrypted} />
      {errors.form && <p className="field__error" role="alert">{errors.form}</p>}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('newReport.creating') : t('newReport.create')}
        </button>
      </div>
    </form>
  );
}
