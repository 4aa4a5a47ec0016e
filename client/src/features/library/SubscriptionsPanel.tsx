/**
 * For administrators, on the Library page: the other instances' published feeds this instance follows. A new
 * address is read at once (the server refuses private and loopback addresses, and anything that is not a feed);
 * each line says when it was last read, how many entries it brought and what went wrong, if anything.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibrarySubscription } from '../../../../shared/library/entry.ts';
import { describeError } from '../../api/http.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { TextField } from '../../ui/TextField.tsx';
import { fetchSubscriptions, subscribe, unsubscribe } from './libraryApi.ts';

export function SubscriptionsPanel({ onChange }: { onChange: () => void }) {
  const { t } = useTranslation();
  const [subscriptions, setSubscriptions] = useState<LibrarySubscription[] | null>(null);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    fetchSubscriptions().then(
      (r) => setSubscriptions(r.subscriptions),
      () => setSubscriptions((s) => s ?? []),
    );
  }, []);
  useEffect(load, [load]);

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!url.trim()) return setError(t('feeds.addressRequired'));
    setBusy(true);
    setError(undefined);
    try {
      await subscribe(url.trim());
      setUrl('');
      load();
      onChange();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="library-subscriptions" aria-labelledby="library-subscriptions">
      <h2 id="library-subscriptions" className="library-entry__h2">
        {t('feeds.title')}
      </h2>
      <p className="muted">{t('feeds.intro')}</p>
      {subscriptions && subscriptions.length > 0 && (
        <ul className="library-subscriptions__list">
          {subscriptions.map((s) => (
            <li key={s.id} data-testid="library-subscription">
              <span className="library-subscriptions__url">{s.url}</span>
              <span className="muted">
                {t('library.count', { count: s.entries })}
                {s.lastPolledAt ? ` · ${t('feeds.read', { when: formatDateTime(s.lastPolledAt) })}` : ''}
              </span>
              {s.lastError && <span className="field__error">{s.lastError}</span>}
              <button
                type="button"
                className="button button--small button--danger-ghost"
                onClick={() => {
                  void unsubscribe(s.id).then(() => {
                    load();
                    onChange();
                  }, (err: unknown) => setError(describeError(err)));
                }}
              >
                {t('feeds.unfollow')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="library-subscriptions__form" onSubmit={handleSubmit} noValidate>
        <TextField
          label={t('feeds.address')}
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          // i18n-exempt: an example address, the same in every language
          placeholder="https://other-instance.example/library/feed.json"
          maxLength={2000}
          error={error}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('feeds.reading') : t('feeds.follow')}
        </button>
      </form>
    </section>
  );
}
