/** A version opened read-only: every section as it was, rendered with the editor's own schema. */
import { useEffect, useMemo, useState } from 'react';
import { generateHTML } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import { editorExtensions } from '../../../../shared/schema/extensions.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { fetchVersionContent, type Version, type VersionContent } from './reviewApi.ts';
import { fullTime } from './timeText.ts';

export default function VersionViewer({
  reportId,
  version,
  onClose,
  onCompare,
  onRestore,
  loadContent,
}: {
  reportId: string;
  version: Version;
  onClose: () => void;
  onCompare: () => void;
  onRestore?: () => void;
  /** Where the text comes from when not the server (an encrypted report's version, opened in the browser). */
  loadContent?: () => Promise<VersionContent>;
}) {
  const { t } = useTranslation();
  const [content, setContent] = useState<VersionContent | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    (loadContent ? loadContent() : fetchVersionContent(reportId, version.id)).then(
      (c) => live && setContent(c),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [reportId, version.id]);

  const extensions = useMemo(() => editorExtensions(), []);
  const sections = useMemo(
    () =>
      content?.sections.map((s) => {
        let html = '';
        try {
          // DOM serialisation of the schema's nodes: text is escaped, links are filtered by the link extension.
          html = generateHTML(s.content as Parameters<typeof generateHTML>[0], extensions);
        } catch {
          html = '';
        }
        return { ...s, html };
      }) ?? [],
    [content, extensions],
  );

  return (
    <Dialog open onClose={onClose} title={t('reviewUi.versionViewer.title', { name: version.name })} className="dialog--sheet">
      <div className="sheet" data-testid="version-viewer">
        <div className="sheet__bar">
          <p className="muted">
            {t('reviewUi.versionViewer.meta', {
              kind: version.kind === 'before-deletion' ? 'deletion' : version.auto ? 'automatic' : 'named',
              hasAuthor: version.authorName ? 'yes' : 'no',
              author: version.authorName ?? '',
              time: fullTime(version.createdAt),
            })}
          </p>
          <div className="sheet__actions">
            <button type="button" className="button button--small" onClick={onCompare}>
              {t('reviewUi.versions.compareWithNow')}
            </button>
            {onRestore && (
              <button type="button" className="button button--small" onClick={onRestore}>
                {t('reviewUi.versions.restoreOpen')}
              </button>
            )}
          </div>
        </div>
        <div className="sheet__body">
          {failed && <p className="field__error">{t('reviewUi.versionViewer.failed')}</p>}
          {!content && !failed && <p className="muted">{t('common.loading')}</p>}
          {content && (
            <article className="version-doc">
              <h1 className="version-doc__title">{content.title || t('report.untitled')}</h1>
              {sections.length === 0 && <p className="muted">{t('reviewUi.versionViewer.noSections')}</p>}
              {sections.map((s, i) => (
                <section key={s.id} className="version-doc__section" aria-labelledby={`v-${s.id}`}>
                  <p className="eyebrow">{t('reviewUi.versionViewer.section', { n: i + 1 })}</p>
                  <h2 id={`v-${s.id}`} className="version-doc__section-title">
                    {s.title || t('outline.untitled')}
                  </h2>
                  {s.html ? <div className="prose prose--static" dangerouslySetInnerHTML={{ __html: s.html }} /> : <p className="muted">{t('reviewUi.versionViewer.noText')}</p>}
                </section>
              ))}
            </article>
          )}
        </div>
      </div>
    </Dialog>
  );
}
