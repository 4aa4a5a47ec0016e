/** /coalitions/<id>: a coalition's organisations, its reports, its members and (for managers) invitations. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCoalition, updateCoalition, type CoalitionDetail } from '../../api/coalitionsApi.ts';
import { ApiError, describeError } from '../../api/http.ts';
import { fetchServerReports, type ServerReport } from '../../api/reportsApi.ts';
import { TopBar } from '../../app/TopBar.tsx';
import { handleLinkClick, navigate } from '../../app/router.ts';
import { reportPath } from '../../app/routes.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { Icon } from '../../ui/Icon.tsx';
import { RoleBadge } from '../../ui/RoleBadge.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { CoalitionMembers } from './CoalitionMembers.tsx';
import { InvitePanel } from './InvitePanel.tsx';
import { cleanOrganisations, organisationsProblem } from './organisations.ts';
import { OrganisationsEditor } from './OrganisationsEditor.tsx';
import './coalitions.css';

type Load = { state: 'loading' } | { state: 'ok'; coalition: CoalitionDetail } | { state: 'missing' } | { state: 'failed'; message: string };

export function CoalitionPage({ coalitionId }: { coalitionId: string }) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [reports, setReports] = useState<ServerReport[] | null>(null);
  const [editing, setEditing] = useState(false);
  const showToast = useToastStore((s) => s.show);

  const refresh = useCallback(() => {
    fetchCoalition(coalitionId).then(
      (coalition) => setLoad({ state: 'ok', coalition }),
      (err: unknown) => setLoad(err instanceof ApiError && err.status === 404 ? { state: 'missing' } : { state: 'failed', message: describeError(err) }),
    );
    fetchServerReports().then(
      (all) => setReports(all.filter((r) => r.coalitionId === coalitionId)),
      () => setReports(null),
    );
  }, [coalitionId]);
  useEffect(refresh, [refresh]);

  const name = load.state === 'ok' ? load.coalition.name : t('coalitionsUi.coalitionPage.fallbackName');
  useEffect(() => {
    document.title = t('coalitionsUi.coalitionPage.documentTitle', { name });
  }, [name, t]);

  return (
    <div className="page">
      <TopBar />
      <main id="main" className="list-page coalition-page">
        <a href="/coalitions" className="back-link coalition-page__back" onClick={handleLinkClick}>
          <Icon name="back" size={16} /> {t('coalitionsUi.coalitionPage.allCoalitions')}
        </a>
        {load.state === 'loading' && (
          <p className="muted" role="status">
            {t('coalitionsUi.coalitionPage.loading')}
          </p>
        )}
        {load.state === 'missing' && (
          <div className="empty">
            <h1 className="page-title">{t('coalitionsUi.coalitionPage.missingTitle')}</h1>
            <p className="muted">{t('coalitionsUi.coalitionPage.missingText')}</p>
          </div>
        )}
        {load.state === 'failed' && (
          <div className="notice" role="alert">
            <span>{load.message}</span>
            <button type="button" className="button button--small" onClick={refresh}>
              {t('coalitionsUi.coalitionPage.tryAgain')}
            </button>
          </div>
        )}
        {load.state === 'ok' && (
          <>
            {editing ? (
              <EditCoalition
                coalition={load.coalition}
                onDone={(next) => {
                  if (next) setLoad({ state: 'ok', coalition: next });
                  setEditing(false);
                }}
              />
            ) : (
              <CoalitionHead coalition={load.coalition} onEdit={() => setEditing(true)} />
            )}
            <CoalitionReports reports={reports} />
            <CoalitionMembers
              coalition={load.coalition}
              onChanged={(coalition) => setLoad({ state: 'ok', coalition })}
              onLeft={() => {
                showToast({ message: t('coalitionsUi.coalitionPage.left', { name: load.coalition.name }) });
                navigate('/coalitions');
              }}
            />
            {load.coalition.me.manager && <InvitePanel coalitionId={load.coalition.id} coalitionName={load.coalition.name} />}
          </>
        )}
      </main>
    </div>
  );
}

function CoalitionHead({ coalition, onEdit }: { coalition: CoalitionDetail; onEdit: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="coalition-head">
      <div className="list-page__head">
        <div>
          <h1 className="page-title">{coalition.name}</h1>
          <p className="muted">
            {coalition.me.manager ? t('coalitionsUi.coalitionPage.youAreManager') : t('coalitionsUi.coalitionPage.youAreMember')} <RoleBadge role={coalition.me.role} focusable />
          </p>
        </div>
        {coalition.me.manager && (
          <button type="button" className="button" onClick={onEdit}>
            <Icon name="pencil" size={16} /> {t('coalitionsUi.coalitionPage.edit')}
          </button>
        )}
      </div>
      <section className="panel" aria-label={t('coalitionsUi.coalitionPage.organisations')}>
        <h2 className="panel__title">{t('coalitionsUi.coalitionPage.organisations')}</h2>
        {coalition.organisations.length === 0 ? (
          <p className="muted">{coalition.me.manager ? t('coalitionsUi.coalitionPage.noOrganisationsManager') : t('coalitionsUi.coalitionPage.noOrganisations')}</p>
        ) : (
          <ol className="organisations__shown">
            {coalition.organisations.map((o, i) => (
              <li key={i}>{o}</li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function EditCoalition({ coalition, onDone }: { coalition: CoalitionDetail; onDone: (next: CoalitionDetail | null) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(coalition.name);
  const [organisations, setOrganisations] = useState<string[]>(coalition.organisations.length ? coalition.organisations : ['']);
  const [errors, setErrors] = useState<{ name?: string; organisations?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!name.trim()) next.name = t('coalitionsUi.coalitionForm.nameRequired');
    const problem = organisationsProblem(organisations);
    if (problem) next.organisations = problem;
    setErrors(next);
    if (next.name || next.organisations) return;
    setBusy(true);
    try {
      onDone(await updateCoalition(coalition.id, { name: name.trim(), organisations: cleanOrganisations(organisations) }));
    } catch (err) {
      setBusy(false);
      setErrors({ form: describeError(err) });
    }
  };
  return (
    <form className="panel form" onSubmit={handleSubmit} noValidate aria-label={t('coalitionsUi.coalitionPage.editLabel')}>
      <TextField label={t('coalitionsUi.coalitionForm.name')} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} error={errors.name} autoFocus />
      <OrganisationsEditor value={organisations} onChange={setOrganisations} error={errors.organisations} />
      {errors.form && (
        <p className="field__error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('coalitionsUi.coalitionPage.saving') : t('coalitionsUi.coalitionPage.save')}
        </button>
      </div>
    </form>
  );
}

function CoalitionReports({ reports }: { reports: ServerReport[] | null }) {
  const { t } = useTranslation();
  if (reports === null) return null;
  return (
    <section className="panel" aria-label={t('coalitionsUi.coalitionPage.reportsLabel')}>
      <h2 className="panel__title">
        {t('coalitionsUi.coalitionPage.reports')} <span className="muted panel__count">{formatNumber(reports.length)}</span>
      </h2>
      {reports.length === 0 ? (
        <p className="muted">{t('coalitionsUi.coalitionPage.noReports')}</p>
      ) : (
        <ul className="plain-list">
          {reports.map((r) => (
            <li key={r.id} className="plain-list__item">
              <a href={reportPath(r.id)} onClick={handleLinkClick}>
                {r.title || t('report.untitled')}
              </a>
              <span className="mechanism-code">{r.mechanism}</span>
              <RoleBadge role={r.role} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
