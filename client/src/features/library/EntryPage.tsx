/**
 * /library/:id: one entry, its text, tags, adoption records and the reports that used it (those the reader may
 * open). Its writer and its coalition's managers change it, record adoptions or delete it. Offline, the copy on the
 * device is shown.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryEntry, LibraryEntryView } from '../../../../shared/library/entry.ts';
import { useDescribeTagInLanguage } from '../taxonomyLanguage/useDescribeTag.ts';
import { ApiError, describeError, NetworkError } from '../../api/http.ts';
import { useAccount } from '../../auth/useAccount.ts';
import { handleLinkClick, navigate } from '../../app/router.ts';
import { reportPath, signInPath } from '../../app/routes.ts';
import { TopBar } from '../../app/TopBar.tsx';
import { ANONYMOUS, libraryCopy, putLibraryEntry, removeLibraryEntry } from '../../db/LibraryDb.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { formatDate } from '../../ui/dates.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { AdoptionForm } from './AdoptionForm.tsx';
import { EntryForm } from './EntryForm.tsx';
import { kindLabel, levelLabel, originHost, statusLabel, visibilityLabel } from './labels.ts';
import { deleteEntry, fetchEntry } from './libraryApi.ts';
import { ModelText } from './ModelText.tsx';
import './library.css';

type Loaded = { entry: LibraryEntryView; offline: false } | { entry: LibraryEntry; offline: true };

export function EntryPage({ entryId }: { entryId: string }) {
  const { t } = useTranslation();
  const describeTag = useDescribeTagInLanguage();
  const account = useAccount();
  const store = account?.id ?? ANONYMOUS;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const showToast = useToastStore((s) => s.show);

  useEffect(() => {
    let live = true;
    fetchEntry(entryId).then(
      (entry) => {
        if (!live) return;
        setLoaded({ entry, offline: false });
        document.title = t('entry.pageTitle', { title: entry.title });
      },
      async (err: unknown) => {
        if (!live) return;
        if (err instanceof NetworkError) {
          const copy = (await libraryCopy(store).catch(() => [])).find((e) => e.id === entryId);
          if (copy && live) return setLoaded({ entry: copy, offline: true });
        }
        if (live) setProblem(err instanceof ApiError && err.status === 404 ? t('entry.notFound') : describeError(err));
      },
    );
    return () => {
      live = false;
    };
  }, [entryId, store, t]);

  const saved = (entry: LibraryEntry) => {
    setLoaded((l) => (l && !l.offline ? { entry: { ...l.entry, ...entry }, offline: false } : l));
    void putLibraryEntry(store, entry).catch(() => undefined);
  };

  const entry = loaded?.entry;
  const view = loaded && !loaded.offline ? loaded.entry : null;
  return (
    <div className="page">
      {account ? (
        <TopBar />
      ) : (
        <TopBar>
          <nav className="main-nav" aria-label={t('nav.main')}>
            <a href="/library" className="main-nav__link" onClick={handleLinkClick}>
              {t('library.title')}
            </a>
            <a href={signInPath(location.pathname)} className="main-nav__link" onClick={handleLinkClick}>
              {t('auth.signInLink')}
            </a>
          </nav>
        </TopBar>
      )}
      <main id="main" className="list-page library-entry">
        <a href="/library" className="button button--ghost button--small library-back" onClick={handleLinkClick}>
          <Icon name="back" /> {t('library.title')}
        </a>
        {!entry ? (
          <p className={problem ? 'notice' : 'muted'} role="status">
            {problem ?? t('entry.opening')}
          </p>
        ) : (
          <>
            {loaded?.offline && (
              <div className="notice" role="status">
                <Icon name="device" />
                <span>{t('entry.offline')}</span>
              </div>
            )}
            <header className="library-entry__head">
              <p className="library-entry__kind">
                {kindLabel(entry.kind)} · {levelLabel(entry.level)}
              </p>
              <h1 className="page-title">{entry.title}</h1>
              <p className="muted library-entry__meta">
                {t('entry.version', { version: entry.version, date: formatDate(entry.updatedAt) })} · {entry.licence}
                {entry.writer ? ` · ${t('entry.writtenBy', { name: entry.writer.name })}` : ''}
                {entry.origin ? ` · ${t('entry.fromHost', { host: originHost(entry.origin.instance) })}` : ''}
                {entry.subscriptionId ? ` ${t('entry.subscribed')}` : ''}
                {account ? ` · ${visibilityLabel(entry.visibility)}` : ''}
              </p>
              {view?.canEdit && (
                <div className="library-entry__actions">
                  <button type="button" className="button" onClick={() => setEditing(true)}>
                    <Icon name="pencil" /> {t('entry.edit')}
                  </button>
                  <button type="button" className="button" onClick={() => setRecording(true)}>
                    <Icon name="plus" /> {t('entry.recordAdoption')}
                  </button>
                  <button type="button" className="button button--danger-ghost" onClick={() => setDeleting(true)}>
                    <Icon name="trash" /> {t('entry.delete')}
                  </button>
                </div>
              )}
            </header>
            <article className="library-entry__text" lang={entry.language}>
              <ModelText content={entry.content} />
            </article>
            {entry.tags.length > 0 && (
              <section aria-labelledby="entry-tags">
                <h2 id="entry-tags" className="library-entry__h2">
                  {t('entry.relatedTo')}
                </h2>
                <ul className="library-tags">
                  {entry.tags.map((tagId) => (
                    <li key={tagId} className="library-tag" title={describeTag(tagId).text}>
                      {describeTag(tagId).label}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <section aria-labelledby="entry-adoptions">
              <h2 id="entry-adoptions" className="library-entry__h2">
                {t('entry.adoptions')}
              </h2>
              {entry.adoptions.length === 0 ? (
                <p className="muted">{t('entry.noAdoptions')}</p>
              ) : (
                <ul className="library-adoptions">
                  {entry.adoptions.map((a) => (
                    <li key={a.id} className="library-adoption">
                      <p>
                        <span className={`library-status library-status--${a.status}`}>{statusLabel(a.status)}</span> <strong>{a.place}</strong>
                        {a.body ? `, ${a.body}` : ''} · {formatDate(`${a.date}T12:00:00Z`)}
                        {a.link && (
                          <>
                            {' · '}
                            <a href={a.link} rel="noopener noreferrer nofollow" target="_blank">
                              {t('entry.reference')}
                            </a>
                          </>
                        )}
                      </p>
                      {a.followUp && <p className="library-adoption__follow-up">{a.followUp}</p>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {view && view.usedIn.length > 0 && (
              <section aria-labelledby="entry-used">
                <h2 id="entry-used" className="library-entry__h2">
                  {t('entry.usedIn')}
                </h2>
                <ul className="library-used">
                  {view.usedIn.map((u) => (
                    <li key={u.reportId}>
                      <a href={reportPath(u.reportId)} onClick={handleLinkClick}>
                        {u.title}
                      </a>{' '}
                      <span className="muted">{u.version < entry.version ? t('entry.usedVersionOlder', { version: u.version }) : t('entry.usedVersion', { version: u.version })}</span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {entry.source && (
              <p className="muted library-entry__source">
                <strong>{t('entry.sourceLabel')}</strong> {entry.source}
              </p>
            )}
          </>
        )}
      </main>
      {view?.canEdit && (
        <>
          <Dialog open={editing} onClose={() => setEditing(false)} title={t('entry.editTitle')} className="dialog--wide">
            <EntryForm
              entry={view}
              onCancel={() => setEditing(false)}
              onSaved={(e) => {
                saved(e);
                setEditing(false);
              }}
            />
          </Dialog>
          <Dialog open={recording} onClose={() => setRecording(false)} title={t('entry.recordAdoption')} className="dialog--wide">
            <AdoptionForm
              entryId={view.id}
              onCancel={() => setRecording(false)}
              onSaved={(e) => {
                saved(e);
                setRecording(false);
              }}
            />
          </Dialog>
          <ConfirmDialog
            open={deleting}
            title={t('entry.deleteTitle')}
            confirmLabel={t('entry.delete')}
            danger
            onClose={() => setDeleting(false)}
            onConfirm={async () => {
              await deleteEntry(view.id);
              await removeLibraryEntry(store, view.id).catch(() => undefined);
              showToast({ message: t('entry.deleted', { title: view.title }) });
              navigate('/library');
            }}
          >
            <p>{t('entry.deleteText')}</p>
          </ConfirmDialog>
        </>
      )}
    </div>
  );
}
