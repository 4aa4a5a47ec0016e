/** /coalitions/<id>: a coalition's organisations, its reports, its members and (for managers) invitations. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { fetchCoalition, updateCoalition, type CoalitionDetail } from '../../api/coalitionsApi.ts';
import { ApiError, describeError } from '../../api/http.ts';
import { fetchServerReports, type ServerReport } from '../../api/reportsApi.ts';
import { TopBar } from '../../app/TopBar.tsx';
import { handleLinkClick, navigate } from '../../app/router.ts';
import { reportPath } from '../../app/routes.ts';
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

  const name = load.state === 'ok' ? load.coalition.name : 'Coalition';
  useEffect(() => {
    document.title = `${name} — Rightsdraft`;
  }, [name]);

  return (
    <div className="page">
      <TopBar />
      <main id="main" className="list-page coalition-page">
        <a href="/coalitions" className="back-link coalition-page__back" onClick={handleLinkClick}>
          <Icon name="back" size={16} /> All coalitions
        </a>
        {load.state === 'loading' && (
          <p className="muted" role="status">
            Loading the coalition…
          </p>
        )}
        {load.state === 'missing' && (
          <div className="empty">
            <h1 className="page-title">No such coalition</h1>
            <p className="muted">It does not exist, or you are not one of its members.</p>
          </div>
        )}
        {load.state === 'failed' && (
          <div className="notice" role="alert">
            <span>{load.message}</span>
            <button type="button" className="button button--small" onClick={refresh}>
              Try again
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
                showToast({ message: `You left ${load.coalition.name}` });
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
  return (
    <div className="coalition-head">
      <div className="list-page__head">
        <div>
          <h1 className="page-title">{coalition.name}</h1>
          <p className="muted">
            You are {coalition.me.manager ? 'a manager' : 'a member'}; your role on its reports: <RoleBadge role={coalition.me.role} focusable />
          </p>
        </div>
        {coalition.me.manager && (
          <button type="button" className="button" onClick={onEdit}>
            <Icon name="pencil" size={16} /> Edit name and organisations
          </button>
        )}
      </div>
      <section className="panel" aria-label="Organisations">
        <h2 className="panel__title">Organisations</h2>
        {coalition.organisations.length === 0 ? (
          <p className="muted">No organisations listed yet. {coalition.me.manager ? 'Add them: the cover page lists them in this order.' : ''}</p>
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
  const [name, setName] = useState(coalition.name);
  const [organisations, setOrganisations] = useState<string[]>(coalition.organisations.length ? coalition.organisations : ['']);
  const [errors, setErrors] = useState<{ name?: string; organisations?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!name.trim()) next.name = 'Give the coalition a name.';
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
    <form className="panel form" onSubmit={handleSubmit} noValidate aria-label="Edit the coalition">
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} error={errors.name} autoFocus />
      <OrganisationsEditor value={organisations} onChange={setOrganisations} error={errors.organisations} />
      {errors.form && (
        <p className="field__error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}

function CoalitionReports({ reports }: { reports: ServerReport[] | null }) {
  if (reports === null) return null;
  return (
    <section className="panel" aria-label="Reports of the coalition">
      <h2 className="panel__title">
        Reports <span className="muted panel__count">{reports.length}</span>
      </h2>
      {reports.length === 0 ? (
        <p className="muted">No report yet. Choose this coalition when you create a report, and its members can open it with their role.</p>
      ) : (
        <ul className="plain-list">
          {reports.map((r) => (
            <li key={r.id} className="plain-list__item">
              <a href={reportPath(r.id)} onClick={handleLinkClick}>
                {r.title || 'Untitled report'}
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
