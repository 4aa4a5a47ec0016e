/**
 * The report page: header, outline and the selected section's editor. Loaded on demand, with Yjs and the
 * sync code, so the report list stays light.
 */
import { useTranslation } from 'react-i18next';
import { t as translate } from '../../i18n/i18n.ts';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { CloseCodes } from '../../../../shared/protocol/closeCodes.ts';
import { addSection } from '../../../../shared/report/layout.ts';
import { TopBar } from '../../app/TopBar.tsx';
import { handleLinkClick } from '../../app/router.ts';
import { useAccount, usePresenceUser } from '../../auth/useAccount.ts';
import { useReportUiStore } from '../../stores/reportUiStore.ts';
import type { PresenceUser, ReportSession, SessionSnapshot } from '../../sync/ReportSession.ts';
import { OUTLINE_ORIGIN } from '../outline/outlineUndo.ts';
import { useReportSession, useSessionSnapshot } from '../../sync/useReportSession.ts';
import { Icon } from '../../ui/Icon.tsx';
import { Outline, UNTITLED_SECTION } from '../outline/Outline.tsx';
import { useOutline } from '../outline/useOutline.ts';
import { Banners } from './Banners.tsx';
import { EncryptionPanel } from '../e2ee/EncryptionPanel.tsx';
import { DiscussionBanner } from '../review/DiscussionBanner.tsx';
import { ReportHeader } from './ReportHeader.tsx';
import { SectionPane } from './SectionPane.tsx';
import { ReviewProvider } from '../review/ReviewContext.tsx';
import { ReviewChrome } from '../review/ReviewChrome.tsx';
import { ReviewHeaderButton } from '../review/ReviewHeaderButton.tsx';
import './report.css';
import '../review/review.css';
// Treaty features (issue 4): views bar, outline tag filter, and the report views other than the sections.
import { OutlineTagFilter } from '../tagging/OutlineTagFilter.tsx';
import { ReportViewsBar } from '../treaty/ReportViewsBar.tsx';
import { useTreatyUiStore } from '../treaty/treatyUiStore.ts';
// Find and replace across the report, and Print (issue 10).
import { FindBar, FindButton, useFindShortcuts } from '../find/FindBar.tsx';
import { useFindStore } from '../find/findStore.ts';
import { PrintButton } from '../print/PrintButton.tsx';
import { useUploadFlush } from '../evidence/useUploadQueue.ts';
// The whole report as one document (issue 10).
import { LayoutToggle } from '../wholeReport/LayoutToggle.tsx';
import { useReportLayout } from '../wholeReport/reportLayout.ts';
import { WholeReport } from '../wholeReport/WholeReport.tsx';
// Testimony, consent and sensitive names (issue 12).
import { TestimonyButton, TestimonyDialog } from '../testimony/TestimonyButton.tsx';
// The first screen drawn from the device before the app loads, next time (issue 15).
import { useFirstScreenCapture } from '../../firstScreen/useFirstScreenCapture.ts';
import { useReportLanguage } from '../../i18n/useReportLanguage.ts';

const TreatyViews = lazy(() => import('../treaty/TreatyViews.tsx'));

/** Never shown: the app opens a report only for an account (see App). */
const NOBODY: PresenceUser = { name: '', color: '#5c6878' };

export default function ReportView({ reportId }: { reportId: string }) {
  const user = usePresenceUser() ?? NOBODY;
  const accountId = useAccount()?.id;
  const session = useReportSession(reportId, user, accountId);
  const { t } = useTranslation();
  return (
    <div className="page report-page">
      <TopBar>
        <a href="/" className="back-link" onClick={handleLinkClick}>
          <Icon name="back" size={16} /> {t('report.allReports')}
        </a>
      </TopBar>
      {session ? <SessionView session={session} user={user} /> : <Placeholder text={t('app.openingReport')} />}
    </div>
  );
}

function Placeholder({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <main id="main" className="report-placeholder">
      <p role="status">{text}</p>
      {children}
    </main>
  );
}

const selectionKey = (reportId: string) => `rightsdraft.section.${reportId}`;

/** The workspace is rebuilt when the page switches between the device copy and the server's text. */
function SessionView({ session, user }: { session: ReportSession; user: PresenceUser }) {
  const snapshot = useSessionSnapshot(session);
  // Before an encrypted report's text arrives, its panel asks for the keys or says it waits for them (once it has
  // arrived, the workspace shows it). The workspace keeps its place in the tree either way, so it is not remounted.
  return (
    <>
      {session.encrypted && !snapshot.initialised ? <EncryptionPanel reportId={session.reportId} /> : null}
      <Workspace key={snapshot.facts.view} session={session} snapshot={snapshot} user={user} />
    </>
  );
}

function Workspace({ session, snapshot, user }: { session: ReportSession; snapshot: SessionSnapshot; user: PresenceUser }) {
  // Re-rendered when the interface language changes (its texts come from `translate`).
  useTranslation();
  const sections = useOutline(session.doc);
  const selectedId = useReportUiStore((s) => s.selectedSectionId);
  const selectSection = useReportUiStore((s) => s.selectSection);
  const outlineOpen = useReportUiStore((s) => s.outlineOpen);
  const setOutlineOpen = useReportUiStore((s) => s.setOutlineOpen);
  const drawerRef = useRef<HTMLElement>(null);
  const view = useTreatyUiStore((s) => s.view);
  const setView = useTreatyUiStore((s) => s.setView);
  const [layout, setLayout] = useReportLayout();
  // Choosing a section from the outline shows it, whichever report view was open.
  const openSection = useCallback(
    (id: string | null) => {
      selectSection(id);
      setView('sections');
    },
    [selectSection, setView],
  );
  const { facts, initialised, canEdit, meta } = snapshot;
  // Images and files added on this device go to the server while the report is open (issue 12).
  useUploadFlush(session.reportId, session.doc, canEdit);
  const reportLanguage = useReportLanguage(session.doc);
  useFirstScreenCapture({
    doc: session.doc,
    reportId: session.reportId,
    sectionId: view === 'sections' ? selectedId : null,
    accountId: useAccount()?.id,
    language: reportLanguage,
    encrypted: session.encrypted,
    ready: initialised,
  });
  // Carets carry the role too: the editor's caret extension replaces the whole awareness user.
  const presence = useMemo(() => ({ ...user, role: facts.role }), [user, facts.role]);

  // Keep a valid section selected: the remembered one, else the first.
  useEffect(() => {
    if (sections.length === 0) {
      if (selectedId !== null) selectSection(null);
      return;
    }
    if (selectedId && sections.some((s) => s.id === selectedId)) return;
    const remembered = sessionStorage.getItem(selectionKey(session.reportId));
    const next = sections.find((s) => s.id === remembered) ?? sections[0]!;
    selectSection(next.id);
  }, [sections, selectedId, selectSection, session.reportId]);

  useEffect(() => {
    session.setSection(selectedId);
    if (selectedId) sessionStorage.setItem(selectionKey(session.reportId), selectedId);
  }, [session, selectedId]);

  useEffect(() => () => selectSection(null), [selectSection]);

  useFindShortcuts();
  useEffect(() => () => useFindStore.getState().close(), []);

  useEffect(() => {
    document.title = translate('coalitionsUi.reportView.documentTitle', { title: meta.title || translate('report.untitled') });
  }, [meta.title]);

  // The drawer (small screens): focus moves into it and Escape closes it.
  useEffect(() => {
    if (!outlineOpen) return;
    const drawer = drawerRef.current;
    (drawer?.querySelector<HTMLElement>('[aria-current="true"]') ?? drawer?.querySelector<HTMLElement>('button'))?.focus();
    const handleKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOutlineOpen(false);
    };
    document.addEventListener('keydown', handleKey);
    return () => document.removeEventListener('keydown', handleKey);
  }, [outlineOpen, setOutlineOpen]);

  if (!facts.loaded) return <Placeholder text={translate('app.openingReport')} />;
  if (!initialised) {
    if (facts.closeCode === CloseCodes.UnknownReport.code) {
      return (
        <Placeholder text={translate('report.unknown')}>
          <a href="/" className="button" onClick={handleLinkClick}>
            {translate('report.backToReports')}
          </a>
        </Placeholder>
      );
    }
    if (facts.closeCode === CloseCodes.ReportDeleted.code) {
      return (
        <Placeholder text={translate('report.deletedOnServer')}>
          <a href="/" className="button" onClick={handleLinkClick}>
            {translate('report.backToReports')}
          </a>
        </Placeholder>
      );
    }
    if (facts.closeCode === CloseCodes.Unauthorized.code) {
      return <Placeholder text={translate('report.sessionEnded')} />;
    }
    if (!facts.online) {
      return (
        <Placeholder text={translate('report.notOnDevice')} />
      );
    }
    return <Placeholder text={translate('report.loadingFromServer')} />;
  }

  const selectedIndex = sections.findIndex((s) => s.id === selectedId);
  const selected = sections[selectedIndex];

  return (
    <ReviewProvider session={session}>
      <ReportHeader session={session} snapshot={canEdit === snapshot.canEdit ? snapshot : { ...snapshot, canEdit }} menuActions={
          <>
            <FindButton />
            <PrintButton session={session} />
            <TestimonyButton session={session} />
          </>
        }
        actions={<ReviewHeaderButton />}
      />
      <Banners session={session} snapshot={snapshot} />
      {session.encrypted && <EncryptionPanel reportId={session.reportId} />}
      <DiscussionBanner />
      <ReportViewsBar mechanism={meta.mechanism} />
      <FindBar doc={session.doc} role={facts.role} canEdit={canEdit} />
      <div className="workspace">
        <aside id="outline-pane" ref={drawerRef} className={`outline-pane${outlineOpen ? ' outline-pane--open' : ''}`}>
          <button type="button" className="icon-button drawer-close" aria-label={translate('outline.close')} onClick={() => setOutlineOpen(false)}>
            <Icon name="close" />
          </button>
          <OutlineTagFilter doc={session.doc} sections={sections} selectedId={selectedId} onSelect={openSection}>
            <Outline session={session} sections={sections} selectedId={selectedId} onSelect={openSection} canEdit={canEdit} />
          </OutlineTagFilter>
        </aside>
        {outlineOpen && <div className="drawer-backdrop" onClick={() => setOutlineOpen(false)} aria-hidden="true" />}
        <main id="main" className="workspace__main">
          {view !== 'sections' ? (
            <Suspense fallback={<p role="status">{translate('common.loading')}</p>}>
              <TreatyViews view={view} doc={session.doc} canEdit={canEdit} />
            </Suspense>
          ) : selected ? (
            <>
              <div className="layout-bar">
                <LayoutToggle layout={layout} onChange={setLayout} />
              </div>
              {layout === 'whole' ? (
                <WholeReport session={session} sections={sections} user={presence} canEdit={canEdit} />
              ) : (
                <SectionPane session={session} section={selected} index={selectedIndex} count={sections.length} user={presence} canEdit={canEdit} />
              )}
            </>
          ) : (
            <div className="empty">
              <h2>{translate('report.noSections')}</h2>
              <p className="muted">{translate('report.noSectionsHelp')}</p>
              {canEdit && (
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => selectSection(addSection(session.doc, { title: UNTITLED_SECTION }, OUTLINE_ORIGIN))}
                >
                  <Icon name="plus" /> {translate('report.addFirstSection')}
                </button>
              )}
            </div>
          )}
        </main>
      </div>
      <ReviewChrome />
      <TestimonyDialog session={session} snapshot={snapshot} />
    </ReviewProvider>
  );
}
