/**
 * Account settings: the person's private calendar feed of deadlines. Its address is a secret the server keeps
 * only as a hash, so it is shown when it is made (on first opening this page) and when it is replaced; a new one
 * stops the old one at once (for a leaked address, or to see it again).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/http.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { CopyField } from '../settings/CopyField.tsx';
import { fetchCalendar, regenerateCalendar, type CalendarAddress } from './deadlinesApi.ts';
import './deadlines.css';

export function CalendarSection() {
  const { t } = useTranslation();
  const [address, setAddress] = useState<CalendarAddress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    fetchCalendar().then(setAddress, (err: unknown) => setError(describeError(err)));
  }, []);
  const regenerate = () => {
    setBusy(true);
    regenerateCalendar()
      .then((a) => {
        setAddress(a);
        setError(null);
      })
      .catch((err: unknown) => setError(describeError(err)))
      .finally(() => setBusy(false));
  };
  return (
    <section className="panel settings__section" aria-labelledby="calendar-title" data-testid="calendar-section">
      <h2 id="calendar-title" className="panel__title">
        {t('deadlines.calendar.title')}
      </h2>
      <p className="muted">
        {t('deadlines.calendar.intro')}
      </p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {address === null && !error && <p className="muted">{t('common.loading')}</p>}
      {address?.url && (
        <>
          <CopyField label={t('deadlines.calendar.address')} value={address.url} />
          <p className="field__help">{t('deadlines.calendar.copyNow')}</p>
          {address.warning && <p className="field__help">{address.warning}</p>}
        </>
      )}
      {address && !address.url && (
        <p className="muted" data-testid="calendar-made">
          {address.createdAt ? t('deadlines.calendar.made', { when: formatDateTime(address.createdAt) }) : t('deadlines.calendar.madeEarlier')}
        </p>
      )}
      {address && (
        <button type="button" className="button calendar-section__regenerate" onClick={regenerate} disabled={busy}>
          {busy ? t('deadlines.calendar.regenerating') : t('deadlines.calendar.regenerate')}
        </button>
      )}
    </section>
  );
}
