/**
 * /library: model resolutions, ordinances, recommendations, policies and proclamations, with where they were
 * adopted. Anyone may open it: without an account it shows the published entries. Search and filters run in the
 * browser over the entries this device holds (useLibrary), so they work offline too.
 */
import { useEffect, useMemo, useState } from 'react';
import { ADOPTION_STATUSES, LIBRARY_KINDS, type AdoptionStatus, type LibraryEntry, type LibraryKind } from '../../../../shared/library/entry.ts';
import { searchLibrary } from '../../../../shared/library/search.ts';
import { describeTag } from '../../../../shared/taxonomy/describeTag.ts';
import { useAccount } from '../../auth/useAccount.ts';
import { handleLinkClick } from '../../app/router.ts';
import { signInPath } from '../../app/routes.ts';
import { TopBar } from '../../app/TopBar.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { EntryForm } from './EntryForm.tsx';
import { SubscriptionsPanel } from './SubscriptionsPanel.tsx';
import { KIND_LABELS, LEVEL_LABELS, originHost, STATUS_LABELS } from './labels.ts';
import { libraryEntryPath } from './paths.ts';
import { useLibrary } from './useLibrary.ts';
import './library.css';

export function LibraryPage() {
  const account = useAccount();
  const library = useLibrary(account?.id ?? null);
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<LibraryKind | ''>('');
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState<AdoptionStatus | ''>('');
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    document.title = 'Library — Rightsdraft';
  }, []);

  const tags = useMemo(() => [...new Set((library.entries ?? []).flatMap((e) => e.tags))].sort(), [library.entries]);
  const hits = useMemo(
    () => searchLibrary(library.entries ?? [], { q, kind: kind || null, tag: tag || null, status: status || null }).map((h) => h.entry),
    [library.entries, q, kind, tag, status],
  );
  const filtering = Boolean(q.trim() || kind || tag || status);

  return (
    <div className="page">
      {account ? (
        <TopBar />
      ) : (
        <TopBar>
          <nav className="main-nav" aria-label="Main">
            <a href="/library" className="main-nav__link" aria-current="page" onClick={handleLinkClick}>
              Library
            </a>
            <a href={signInPath('/library')} className="main-nav__link" onClick={handleLinkClick}>
              Sign in
            </a>
          </nav>
        </TopBar>
      )}
      <main id="main" className="list-page library-page">
        <div className="list-page__head">
          <div>
            <h1 className="page-title">Library</h1>
            <p className="muted">
              Model resolutions, ordinances and practices for realising human rights locally, and where they were proposed, adopted and carried out.
              {account ? '' : ' These are the entries published on this instance.'}
            </p>
          </div>
          {account && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)} disabled={library.state === 'offline'}>
              <Icon name="plus" /> New entry
            </button>
          )}
        </div>
        {library.state === 'offline' && (
          <div className="notice" role="status">
            <Icon name="device" />
            <span>You are offline. Searching the {library.entries?.length ?? 0} entries kept on this device.</span>
          </div>
        )}
        <form className="library-filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <label className="library-filters__search">
            <span className="visually-hidden">Search the library</span>
            <input className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search titles, text, tags and places" maxLength={200} />
          </label>
          <label>
            <span className="visually-hidden">Kind</span>
            <select className="input select" value={kind} onChange={(e) => setKind(e.target.value as LibraryKind | '')} aria-label="Kind">
              <option value="">All kinds</option>
              {LIBRARY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="visually-hidden">Tag</span>
            <select className="input select" value={tag} onChange={(e) => setTag(e.target.value)} aria-label="Tag">
              <option value="">All tags</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {describeTag(t).label}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="visually-hidden">Adoption status</span>
            <select className="input select" value={status} onChange={(e) => setStatus(e.target.value as AdoptionStatus | '')} aria-label="Adoption status">
              <option value="">Any status</option>
              {ADOPTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        </form>
        {library.entries === null ? (
          <p className="muted" role="status">
            Loading the library…
          </p>
        ) : hits.length === 0 ? (
          <div className="empty">
            <h2>{filtering ? 'Nothing matches' : 'The library is empty'}</h2>
            <p className="muted">
              {filtering
                ? 'Try fewer words, or clear a filter.'
                : account
                  ? 'Add a model text your coalition wrote or found, or ask the administrator to load the starter entries.'
                  : 'Nothing has been published here yet.'}
            </p>
          </div>
        ) : (
          <>
            <p className="muted library-count" role="status">
              {hits.length === 1 ? '1 entry' : `${hits.length} entries`}
              {filtering ? ' match' : ''}
            </p>
            <ul className="report-list" aria-label="Library entries">
              {hits.map((e) => (
                <EntryCard key={e.id} entry={e} />
              ))}
            </ul>
          </>
        )}
        {account?.isAdmin && <SubscriptionsPanel onChange={library.refresh} />}
      </main>
      {account && (
        <Dialog open={creating} onClose={() => setCreating(false)} title="New library entry" className="dialog--wide">
          <EntryForm
            onCancel={() => setCreating(false)}
            onSaved={(entry) => {
              library.keep(entry);
              setCreating(false);
            }}
          />
        </Dialog>
      )}
    </div>
  );
}

function EntryCard({ entry }: { entry: LibraryEntry }) {
  const statuses = [...new Set(entry.adoptions.map((a) => a.status))];
  return (
    <li className="report-card library-card" data-testid="library-card">
      <a href={libraryEntryPath(entry.id)} className="report-card__link" onClick={handleLinkClick}>
        <span className="report-card__title">{entry.title}</span>
      </a>
      <p className="report-card__meta">
        <span className="library-kind">{KIND_LABELS[entry.kind]}</span>
        <span>{LEVEL_LABELS[entry.level]}</span>
        {entry.adoptions.length > 0 && (
          <span>
            {entry.adoptions.length === 1 ? '1 adoption record' : `${entry.adoptions.length} adoption records`} ({statuses.map((s) => STATUS_LABELS[s].toLowerCase()).join(', ')})
          </span>
        )}
        {entry.origin && <span>From {originHost(entry.origin.instance)}</span>}
        {entry.visibility === 'coalition' && <span className="library-private">Coalition only</span>}
      </p>
      <p className="library-card__excerpt">{entry.text.split('\n').find((l) => l.length > 0)?.slice(0, 220)}</p>
    </li>
  );
}
