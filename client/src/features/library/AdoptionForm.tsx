/** Recording where an entry was proposed, adopted, implemented or repealed, with the follow-up that came of it. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ADOPTION_STATUSES, LIBRARY_LIMITS, type AdoptionStatus, type LibraryEntry } from '../../../../shared/library/entry.ts';
import { validateAdoption } from '../../../../shared/library/validate.ts';
import { describeError } from '../../api/http.ts';
import { TextField } from '../../ui/TextField.tsx';
import { addAdoption } from './libraryApi.ts';
import { statusLabel } from './labels.ts';

export function AdoptionForm({ entryId, onCancel, onSaved }: { entryId: string; onCancel: () => void; onSaved: (entry: LibraryEntry) => void }) {
  const { t } = useTranslation();
  const [place, setPlace] = useState('');
  const [body, setBody] = useState('');
  const [date, setDate] = useState('');
  const [status, setStatus] = useState<AdoptionStatus>('adopted');
  const [link, setLink] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const fields = { place, body, date, status, link: link.trim() || undefined, followUp };
    const checked = validateAdoption(fields);
    if (!checked.ok) {
      setErrors(Object.fromEntries(checked.problems.map((p) => [p.field, p.message])));
      return;
    }
    setBusy(true);
    try {
      onSaved(await addAdoption(entryId, fields));
    } catch (err) {
      setBusy(false);
      setErrors({ form: describeError(err) });
    }
  };

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      <div className="library-form__row">
        <TextField label={t('adoption.place')} value={place} onChange={(e) => setPlace(e.target.value)} maxLength={LIBRARY_LIMITS.placeChars} placeholder={t('adoption.placeExample')} error={errors.place} />
        <TextField label={t('adoption.body')} optional value={body} onChange={(e) => setBody(e.target.value)} maxLength={LIBRARY_LIMITS.bodyChars} placeholder={t('adoption.bodyExample')} />
      </div>
      <div className="library-form__row">
        <TextField label={t('adoption.date')} type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.date} />
        <div className="field">
          <label htmlFor="adoption-status">{t('adoption.status')}</label>
          <select id="adoption-status" className="input select" value={status} onChange={(e) => setStatus(e.target.value as AdoptionStatus)}>
            {ADOPTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <TextField
        label={t('adoption.link')}
        optional
        type="url"
        value={link}
        onChange={(e) => setLink(e.target.value)}
        // i18n-exempt: the URL scheme, the same in every language
        placeholder="https://"
        error={errors.link}
      />
      <div className="field">
        <label htmlFor="adoption-follow-up">
          {t('adoption.followUp')}<span className="field__optional"> {t('common.optional')}</span>
        </label>
        <textarea id="adoption-follow-up" className="input" rows={4} value={followUp} onChange={(e) => setFollowUp(e.target.value)} maxLength={LIBRARY_LIMITS.followUpChars} />
      </div>
      {errors.form && (
        <p className="form__error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('testimony.saving') : t('adoption.submit')}
        </button>
      </div>
    </form>
  );
}
