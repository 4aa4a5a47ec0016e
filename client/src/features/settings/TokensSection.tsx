/**
 * Account settings: personal access tokens for tools and scripts. A new token's secret is shown once, to copy;
 * the server keeps only its hash. Each token expires (90 days unless chosen otherwise).
 */
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { TOKEN_LIMITS } from '../../../../shared/api/validate.ts';
import { createToken, fetchTokens, revokeToken, type AccessTokenView } from '../../api/accountApi.ts';
import { describeError } from '../../api/http.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { formatDate } from '../../ui/dates.ts';
import { TextField } from '../../ui/TextField.tsx';
import { CopyField } from './CopyField.tsx';
import { LoadError, Loading } from './SectionStatus.tsx';
import { useRemote } from './useRemote.ts';

/** The lifetimes offered, with the message key of each label. */
const EXPIRY_CHOICES = [
  { days: 30, label: 'settings.tokens.expiry.30' },
  { days: 90, label: 'settings.tokens.expiry.90' },
  { days: 365, label: 'settings.tokens.expiry.365' },
] as const;

export function TokensSection() {
  const { remote, reload, set } = useRemote(fetchTokens);
  const showToast = useToastStore((s) => s.show);
  const [name, setName] = useState('');
  const [days, setDays] = useState<number>(TOKEN_LIMITS.defaultDays);
  const [nameError, setNameError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<AccessTokenView | null>(null);
  const { t } = useTranslation();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setNameError(t('settings.tokens.nameMissing'));
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const token = await createToken(name.trim(), days);
      const { token: secret, ...view } = token;
      setCreated({ name: view.name, token: secret });
      if (remote.state === 'ok') set([...remote.data, view]);
      else reload();
      setName('');
      showToast({ message: t('settings.tokens.createdToast', { name: view.name }) });
    } catch (err) {
      setFormError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async () => {
    if (!revoking) return;
    await revokeToken(revoking.id);
    if (remote.state === 'ok') set(remote.data.filter((token) => token.id !== revoking.id));
    showToast({ message: t('settings.tokens.revokedToast', { name: revoking.name }) });
    setRevoking(null);
  };

  return (
    <section className="panel settings__section" aria-labelledby="settings-tokens">
      <h2 id="settings-tokens" className="panel__title">
        {t('settings.tokens.title')}
      </h2>
      <p className="muted">{t('settings.tokens.help')}</p>
      {created && (
        <div className="settings__created" role="status" data-testid="new-token">
          <p>
            <Trans i18nKey="settings.tokens.copyNow" values={{ name: created.name }} components={{ strong: <strong /> }} />
          </p>
          <CopyField label={t('settings.tokens.newTokenLabel')} value={created.token} />
          <button type="button" className="button button--small" onClick={() => setCreated(null)}>
            {t('settings.tokens.copied')}
          </button>
        </div>
      )}
      {remote.state === 'loading' ? (
        <Loading message={t('settings.tokens.loading')} />
      ) : remote.state === 'error' ? (
        <LoadError message={remote.message} onRetry={reload} />
      ) : remote.data.length === 0 ? (
        <p className="settings__empty">{t('settings.tokens.none')}</p>
      ) : (
        <ul className="settings__list" aria-label={t('settings.tokens.title')}>
          {remote.data.map((token) => {
            const expired = new Date(token.expiresAt).getTime() < Date.now();
            return (
              <li key={token.id} className="settings__row" data-testid="token-row">
                <div className="settings__row-main">
                  <strong>{token.name}</strong>
                  {expired && <span className="badge badge--unsynced">{t('settings.tokens.expired')}</span>}
                  <span className="muted settings__row-meta">
                    {t('settings.tokens.meta', {
                      created: formatDate(token.createdAt),
                      everUsed: token.lastUsedAt ? 'yes' : 'no',
                      lastUsed: token.lastUsedAt ? formatDate(token.lastUsedAt) : '',
                      expired: expired ? 'yes' : 'no',
                      expires: formatDate(token.expiresAt),
                    })}
                  </span>
                </div>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setRevoking(token)}
                  aria-label={t('settings.tokens.revokeLabel', { name: token.name })}
                >
                  {t('settings.tokens.revoke')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form className="form settings__form settings__inline-form" onSubmit={submit} noValidate>
        <h3 className="settings__subtitle">{t('settings.tokens.newTitle')}</h3>
        {formError && (
          <p className="form__error" role="alert">
            {formError}
          </p>
        )}
        <div className="settings__fields">
          <TextField
            label={t('settings.tokens.name')}
            value={name}
            maxLength={TOKEN_LIMITS.nameChars}
            placeholder={t('settings.tokens.namePlaceholder')}
            onChange={(e) => {
              setName(e.target.value);
              setNameError(undefined);
            }}
            error={nameError}
          />
          <div className="field">
            <label htmlFor="token-expiry">{t('settings.tokens.expiresAfter')}</label>
            <select id="token-expiry" className="input" value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {EXPIRY_CHOICES.map((c) => (
                <option key={c.days} value={c.days}>
                  {t(c.label)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="form__actions settings__actions">
          <button type="submit" className="button" disabled={busy}>
            {t(busy ? 'settings.tokens.creating' : 'settings.tokens.create')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={revoking !== null}
        title={t('settings.tokens.confirmTitle')}
        confirmLabel={t('settings.tokens.revoke')}
        danger
        onConfirm={revoke}
        onClose={() => setRevoking(null)}
      >
        <p>{t('settings.tokens.confirmBody', { name: revoking?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
