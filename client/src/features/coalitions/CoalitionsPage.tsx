/** /coalitions: the coalitions the user belongs to, and creating one. */
import { useEffect, useState, type FormEvent } from 'react';
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
  const { coalitions, state } = useCoalitions();
  const online = useOnline();
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    document.title = 'Coalitions — Rightsdraft';
  }, []);
  return (
    <div className="page">
      <TopBar />
      <main id="main" className="list-page">
        <div className="list-page__head">
          <div>
            <h1 className="page-title">Coalitions</h1>
            <p className="muted">The groups writing joint submissions: their organisations, members and the role each member has on their reports.</p>
          </div>
          <button type="button" className="button button--primary" onClick={() => setCreating(true)} disabled={!online}>
            <Icon name="plus" /> New coalition
          </button>
        </div>
        {(!online || state === 'unreachable') && (
          <div className="notice" role="status">
            <Icon name="device" />
            <span>{online ? 'The server can’t be reached right now.' : 'You are offline.'} Coalitions are managed on the server; this list may be out of date.</span>
          </div>
        )}
        {coalitions === null ? (
          <p className="muted" role="status">
            {state === 'loading' ? 'Loading coalitions…' : 'Your coalitions can’t be shown without a connection.'}
          </p>
        ) : coalitions.length === 0 ? (
          <div className="empty">
            <h2>No coalition yet</h2>
            <p className="muted">
              Create one for a joint submission, then invite the people writing it with a link. Or ask a coalition’s coordinator for an invitation.
            </p>
            <button type="button" className="button button--primary" onClick={() => setCreating(true)} disabled={!online}>
              <Icon name="plus" /> New coalition
            </button>
          </div>
        ) : (
          <ul className="report-list" aria-label="Your coalitions">
            {coalitions.map((c) => (
              <li key={c.id} className="report-card" data-testid="coalition-card">
                <a href={coalitionPath(c.id)} className="report-card__link" onClick={handleLinkClick}>
                  <span className="report-card__title">{c.name}</span>
                </a>
                <p className="report-card__meta">
                  {c.organisations.length > 0 ? c.organisations.join(' · ') : <span className="muted">No organisations listed yet</span>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </main>
      <Dialog open={creating} onClose={() => setCreating(false)} title="New coalition" className="dialog--wide">
        <NewCoalitionForm onCancel={() => setCreating(false)} />
      </Dialog>
    </div>
  );
}

function NewCoalitionForm({ onCancel }: { onCancel: () => void }) {
  const [name, setName] = useState('');
  const [organisations, setOrganisations] = useState<string[]>(['']);
  const [errors, setErrors] = useState<{ name?: string; organisations?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!name.trim()) next.name = 'Give the coalition a name.';
    else if (name.trim().length > 200) next.name = 'Use at most 200 characters.';
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
        label="Name"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setErrors((x) => ({ ...x, name: undefined }));
        }}
        maxLength={200}
        placeholder="e.g. Freedonia Coalition for Racial Justice"
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
      <p className="field__help">You become its manager: you invite members, choose their role on the coalition’s reports, and can make others managers.</p>
      {errors.form && (
        <p className="field__error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create coalition'}
        </button>
      </div>
    </form>
  );
}
