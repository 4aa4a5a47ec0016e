import { useState, type FormEvent } from 'react';
import { MECHANISMS, MECHANISM_NAMES, type Mechanism } from '../../../../shared/api/mechanisms.ts';
import { validateCreateReport, LIMITS } from '../../../../shared/api/validate.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { navigate } from '../../app/router.ts';
import { reportPath } from '../../app/routes.ts';
import { useTemplateChoice } from '../treaty/TemplateFields.tsx';
import { ApiError } from '../../api/reportsApi.ts';

/** Create a report: works offline (the report is published when the server is reachable). */
export function NewReportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="New report" className="dialog--wide">
      <NewReportForm onCancel={onClose} />
    </Dialog>
  );
}

type Errors = Partial<Record<'title' | 'mechanism' | 'stateUnderReview' | 'form', string>>;

function NewReportForm({ onCancel }: { onCancel: () => void }) {
  const [title, setTitle] = useState('');
  const [mechanism, setMechanism] = useState<Mechanism | ''>('');
  const [stateUnderReview, setState] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  // Issue 4: start from a template, and for the UPR say whether one organisation submits or several.
  const { choice, fields: templateFields } = useTemplateChoice(mechanism);
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validateCreateReport({ title, mechanism: mechanism || undefined, stateUnderReview });
    if (!checked.ok) {
      const next: Errors = {};
      for (const p of checked.problems) {
        if (p.field === 'title') next.title ??= p.code === 'too_long' ? `Use at most ${LIMITS.titleChars} characters.` : 'Give the report a title.';
        else if (p.field === 'mechanism') next.mechanism ??= 'Choose the UN mechanism the report is for.';
        else if (p.field === 'stateUnderReview') next.stateUnderReview ??= `Use at most ${LIMITS.stateChars} characters.`;
      }
      setErrors(next);
      return;
    }
    setBusy(true);
    try {
      const { createLocalReport } = await import('./createLocalReport.ts');
      const { title: t, mechanism: m, stateUnderReview: s } = checked.value;
      const { createReportFromChoice, browserCreateDeps } = await import('../treaty/createFromTemplate.ts');
      const deps = { ...(await browserCreateDeps()), createLocal: createLocalReport };
      const { id } = await createReportFromChoice({ title: t, mechanism: m, stateUnderReview: s }, choice, deps);
      navigate(reportPath(id));
    } catch (err) {
      console.error(err);
      if (err instanceof ApiError) {
        setErrors({ form: `The server refused the report: ${err.message}` });
        setBusy(false);
        return;
      }
      setErrors({ form: 'The report could not be saved on this device. Check that the browser allows site storage.' });
      setBusy(false);
    }
  };

  const describedBy = (field: keyof Errors, help?: string) =>
    [errors[field] ? `new-${field}-error` : null, help].filter(Boolean).join(' ') || undefined;

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      <div className="field">
        <label htmlFor="new-title">Title</label>
        <input
          id="new-title"
          className="input"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            setErrors((x) => ({ ...x, title: undefined }));
          }}
          maxLength={LIMITS.titleChars}
          placeholder="e.g. Joint shadow report on racial discrimination in housing"
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={describedBy('title')}
          autoFocus
        />
        {errors.title && <p id="new-title-error" className="field__error">{errors.title}</p>}
      </div>
      <div className="field">
        <label htmlFor="new-mechanism">Mechanism</label>
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
          <option value="">Choose a treaty body or review…</option>
          {MECHANISMS.map((m) => (
            <option key={m} value={m}>
              {MECHANISM_NAMES[m]}
            </option>
          ))}
        </select>
        {errors.mechanism && <p id="new-mechanism-error" className="field__error">{errors.mechanism}</p>}
      </div>
      <div className="field">
        <label htmlFor="new-state">
          State under review <span className="field__optional">(optional)</span>
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
          aria-describedby={describedBy('stateUnderReview', 'new-state-help')}
        />
        {errors.stateUnderReview && <p id="new-stateUnderReview-error" className="field__error">{errors.stateUnderReview}</p>}
        <p id="new-state-help" className="field__help">
          The report is saved on this device first, so you can create it offline.
        </p>
      </div>
      {templateFields}
      {errors.form && <p className="field__error" role="alert">{errors.form}</p>}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create report'}
        </button>
      </div>
    </form>
  );
}
