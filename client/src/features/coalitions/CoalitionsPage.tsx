/** /coalitions: the coalitions the user belongs to, and creating one. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createCoalition } from '../../api/coalitionsApi.ts';
import { ApiError, describeError } from '../../api/http.ts';
import { TopBar } from '../../app/TopBar.tsx';
import { handleLinkClick, navigate } from '../../app/router.ts';
import { coalitionPath } from '../../app/routes.ts';
import { useOnline } from '../../app/useOnline.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { cleanOrganisations, organisationsProblem } from './organisations.ts';
import { OrganisationsEditor } from './OrganisationsEditor.tsx';
import { useCoalitions } from './useCoalitions.ts';
import './coalitions.css';

export function CoalitionsPage() {
  const { t } = useTranslation();
  const { coalitions, state } = useCoalitions();
  const online = useOnline();
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    document.title = t('coalitionsUi.coalitionsPage.documentTitle');
  }, [t]);
  return (
    <div className="page">
      <TopBar />
      <main id="main" className="list-page">
        <div className="list-page__head">
          <div>
            <h1 className="page-title">{t('nav.coalitions')}</h1>
            <p className="muted">{t('coalitionsUi.coalitionsPage.intro')}</p>
          </div>
          <button type="button" className="button button--primary" onClick={() => setCreating(true)} disabled={!online}>
            <Icon name="plus" /> {t('coalitionsUi.coalitionsPage.newCoalition')}
          </button>
        </div>
        {(!online || state === 'unreachable') && (
          <div className="notice" role="status">
            <Icon name="device" />
            <span>{online ? t('coalitionsUi.coalitionsPage.unreachable') : t('coalitionsUi.coalitionsPage.offline')}</span>
          </div>
        )}
        {coalitions === null ? (
          <p className="muted" role="status">
            {state === 'loading' ? t('coalitionsUi.coalitionsPage.loading') : t('coalitionsUi.coalitionsPage.needsConnection')}
          </p>
        ) : coalitions.length === 0 ? (
          <div className="empty">
            <h2>{t('coalitionsUi.coalitionsPage.emptyTitle')}</h2>
            <p className="muted">{t('coalitionsUi.coalitionsPage.emptyText')}</p>
            <button type="button" className="button button--primary" onClick={() => setCreating(true)} disabled={!online}>
              <Icon name="plus" /> {t('coalitionsUi.coalitionsPage.newCoalition')}
            </button>
          </div>
        ) : (
          <ul className="report-list" aria-label={t('account.coalitions')}>
            {coalitions.map((c) => (
              <li key={c.id} className="report-card" data-testid="coalition-card">
                <a href={coalitionPath(c.id)} className="report-card__link" onClick={handleLinkClick}>
                  <span className="report-card__title">{c.name}</span>
                </a>
                <p className="report-card__meta">
                  {c.organisations.length > 0 ? c.organisations.join(' · ') : <span className="muted">{t('coalitionsUi.coalitionsPage.noOrganisations')}</span>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </main>
      <Dialog open={creating} onClose={() => setCreating(false)} title={t('coalitionsUi.coalitionsPage.newCoalition')} className="dialog--wide">
        <NewCoalitionForm onCancel={() => setCreating(false)} />
      </Dialog>
    </div>
  );
}

function NewCoalitionForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [organisations, setOrganisations] = useState<string[]>(['']);
  const [errors, setErrors] = useState<{ name?: string; organisations?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!name.trim()) next.name = t('coalitionsUi.coalitionForm.nameRequired');
    else if (name.trim().length > 200) next.name = t('coalitionsUi.coalitionForm.nameTooLong', { max: 200 });
    const problem = organisationsProblem(organisations);
    if (problem) next.organisations = problem;
    setErrors(next);
    if (next.name || next.organisations) return;
    setBusy(true);
    try {
      const created = await createCoalition(name.trim(), cleanOrganisations(organisations));
      navigate(coalitionPath(created.id));
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.field === 'name') setErrors({ name: err.message });
      else if (err instanceof ApiError && err.field === 'organisations') setErrors({ organisations: err.message });
      else setErrors({ form: describeError(err) });
    }
  };

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      <TextField
        label={t('coalitionsUi.coalitionForm.name')}
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setErrors((x) => ({ ...x, name: undefined }));
        }}
        maxLength={200}
        placeholder={t('coalitionsUi.coalitionsPage.namePlaceholder')}
        error={errors.name}
      />
      <OrganisationsEditor
        value={organisations}
        onChange={(next) => {
          setOrganisations(next);
          setErrors((x) => ({ ...x, organisations: undefined }));
        }}
        error={errors.organisations}
      />
      <p className="field__help">{t('coalitionsUi.coalitionsPage.managerHelp')}</p>
      {errors.form && (
        <p className="field__error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('coalitionsUi.coalitionsPage.creating') : t('coalitionsUi.coalitionsPage.create')}
        </button>
      </div>
    </form>
  );
}
