/**
 * /library: model resolutions, ordinances, recommendations, policies and proclamations, with where they were
 * adopted. Anyone may open it: without an account it shows the published entries. Search and filters run in the
 * browser over the entries this device holds (useLibrary), so they work offline too.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADOPTION_STATUSES, LIBRARY_KINDS, type AdoptionStatus, type LibraryEntry, type LibraryKind } from '../../../../shared/library/entry.ts';
import { searchLibrary } from '../../../../shared/library/search.ts';
import { useDescribeTagInLanguage } from '../taxonomyLanguage/useDescribeTag.ts';
import { useAccount } from '../../auth/useAccount.ts';
import { handleLinkClick } from '../../app/router.ts';
import { signInPath } from '../../app/routes.ts';
import { TopBar } from '../../app/TopBar.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { formatList } from '../../i18n/format.ts';
import { Icon } from '../../ui/Icon.tsx';
import { EntryForm } from './EntryForm.tsx';
import { SubscriptionsPanel } from './SubscriptionsPanel.tsx';
import { kindLabel, levelLabel, originHost, statusLabel } from './labels.ts';
import { libraryEntryPath } from './paths.ts';
import { useLibrary } from './useLibrary.ts';
import './library.css';

export function LibraryPage() {
  const { t } = useTranslation();
  const describeTag = useDescribeTagInLanguage();
  const account = useAccount();
  const library = useLibrary(account?.id ?? null);
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<LibraryKind | ''>('');
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState<AdoptionStatus | ''>('');
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    document.title = t('library.pageTitle');
  }, [t]);

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
          <nav className="main-nav" aria-label={t('nav.main')}>
            <a href="/library" className="main-nav__link" aria-current="page" onClick={handleLinkClick}>
              {t('library.title')}
            </a>
            <a href={signInPath('/library')} className="main-nav__link" onClick={handleLinkClick}>
              {t('auth.signInLink')}
            </a>
          </nav>
        </TopBar>
      )}
      <main id="main" className="list-page library-page">
        <div className="list-page__head">
          <div>
            <h1 className="page-title">{t('library.title')}</h1>
            <p className="muted">
              {t('library.intro')}
              {account ? '' : ` ${t('library.introPublic')}`}
            </p>
          </div>
          {account && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)} disabled={library.state === 'offline'}>
              <Icon name="plus" /> {t('library.newEntry')}
            </button>
          )}
        </div>
        {library.state === 'offline' && (
          <div className="notice" role="status">
            <Icon name="device" />
            <span>{t('library.offline', { count: library.entries?.length ?? 0 })}</span>
          </div>
        )}
        <form className="library-filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <label className="library-filters__search">
            <span className="visually-hidden">{t('library.search')}</span>
            <input className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('library.searchPlaceholder')} maxLength={200} />
          </label>
          <label>
            <span className="visually-hidden">{t('library.field.kind')}</span>
            <select className="input select" value={kind} onChange={(e) => setKind(e.target.value as LibraryKind | '')} aria-label={t('library.field.kind')}>
              <option value="">{t('library.allKinds')}</option>
              {LIBRARY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="visually-hidden">{t('library.field.tag')}</span>
            <select className="input select" value={tag} onChange={(e) => setTag(e.target.value)} aria-label={t('library.field.tag')}>
              <option value="">{t('library.allTags')}</option>
              {tags.map((tagId) => (
                <option key={tagId} value={tagId}>
                  {describeTag(tagId).label}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="visually-hidden">{t('library.field.status')}</span>
            <select className="input select" value={status} onChange={(e) => setStatus(e.target.value as AdoptionStatus | '')} aria-label={t('library.field.status')}>
              <option value="">{t('library.anyStatus')}</option>
              {ADOPTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          </label>
        </form>
        {library.entries === null ? (
          <p className="muted" role="status">
            {t('library.loading')}
          </p>
        ) : hits.length === 0 ? (
          <div className="empty">
            <h2>{filtering ? t('library.noMatch') : t('library.empty')}</h2>
            <p className="muted">
              {filtering
                ? t('library.noMatchHelp')
                : account
                  ? t('library.emptyHelp')
                  : t('library.emptyPublic')}
            </p>
          </div>
        ) : (
          <>
            <p className="muted library-count" role="status">
              {filtering ? t('library.countMatching', { count: hits.length }) : t('library.count', { count: hits.length })}
            </p>
            <ul className="report-list" aria-label={t('library.entries')}>
              {hits.map((e) => (
                <EntryCard key={e.id} entry={e} />
              ))}
            </ul>
          </>
        )}
        {account?.isAdmin && <SubscriptionsPanel onChange={library.refresh} />}
      </main>
      {account && (
        <Dialog open={creating} onClose={() => setCreating(false)} title={t('library.newEntryTitle')} className="dialog--wide">
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
  const { t } = useTranslation();
  const statuses = [...new Set(entry.adoptions.map((a) => a.status))];
  return (
    <li className="report-card library-card" data-testid="library-card">
      <a href={libraryEntryPath(entry.id)} className="report-card__link" onClick={handleLinkClick}>
        <span className="report-card__title">{entry.title}</span>
      </a>
      <p className="report-card__meta">
        <span className="library-kind">{kindLabel(entry.kind)}</span>
        <span>{levelLabel(entry.level)}</span>
        {entry.adoptions.length > 0 && (
          <span>
            {t('library.adoptionRecords', { count: entry.adoptions.length, statuses: formatList(statuses.map((s) => statusLabel(s).toLowerCase())) })}
          </span>
        )}
        {entry.origin && <span>{t('library.from', { host: originHost(entry.origin.instance) })}</span>}
        {entry.visibility === 'coalition' && <span className="library-private">{t('library.visibility.coalition')}</span>}
      </p>
      <p className="library-card__excerpt">{entry.text.split('\n').find((l) => l.length > 0)?.slice(0, 220)}</p>
    </li>
  );
}
