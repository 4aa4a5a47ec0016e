/**
 * The report page: header, outline and the selected section's editor. Loaded on demand, with Yjs and the
 * sync code, so the report list stays light.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, type ReactNode } from 'react';
import { CloseCodes } from '../../../../shared/protocol/closeCodes.ts';
import { addSection } from '../../../../shared/report/layout.ts';
import { TopBar } from '../../app/TopBar.tsx';
import { handleLinkClick } from '../../app/router.ts';
import { useReportUiStore } from '../../stores/reportUiStore.ts';
import { useUserStore } from '../../stores/userStore.ts';
import type { ReportSession } from '../../sync/ReportSession.ts';
import { OUTLINE_ORIGIN } from '../outline/outlineUndo.ts';
import { useReportSession, useSessionSnapshot } from '../../sync/useReportSession.ts';
import { Icon } from '../../ui/Icon.tsx';
import { randomColor, type LocalUser } from '../../user/user.ts';
import { Outline, UNTITLED_SECTION } from '../outline/Outline.tsx';
import { useOutline } from '../outline/useOutline.ts';
import { Banners } from './Banners.tsx';
import { ReportHeader } from './ReportHeader.tsx';
import { SectionPane } from './SectionPane.tsx';
import './report.css';
// Treaty features (issue 4): views bar, outline tag filter, and the report views other than the sections.
import { OutlineTagFilter } from '../tagging/OutlineTagFilter.tsx';
import { ReportViewsBar } from '../treaty/ReportViewsBar.tsx';
import { useTreatyUiStore } from '../treaty/treatyUiStore.ts';

const TreatyViews = lazy(() => import('../treaty/TreatyViews.tsx'));

/** Until the name dialog is answered, co-authors see this. */
const GUEST: LocalUser = { name: 'Guest', color: randomColor() };

export default function ReportView({ reportId }: { reportId: string }) {
  const user = useUserStore((s) => s.user) ?? GUEST;
  const session = useReportSession(reportId, user);
  return (
    <div className="page report-page">
      <TopBar>
        <a href="/" className="back-link" onClick={handleLinkClick}>
          <Icon name="back" size={16} /> All reports
        </a>
      </TopBar>
      {session ? <Workspace session={session} user={user} /> : <Placeholder text="Opening report…" />}
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

function Workspace({ session, user }: { session: ReportSession; user: LocalUser }) {
  const snapshot = useSessionSnapshot(session);
  const sections = useOutline(session.doc);
  const selectedId = useReportUiStore((s) => s.selectedSectionId);
  const selectSection = useReportUiStore((s) => s.selectSection);
  const outlineOpen = useReportUiStore((s) => s.outlineOpen);
  const setOutlineOpen = useReportUiStore((s) => s.setOutlineOpen);
  const drawerRef = useRef<HTMLElement>(null);
  const view = useTreatyUiStore((s) => s.view);
  const setView = useTreatyUiStore((s) => s.setView);
  // Choosing a section from the outline shows it, whichever report view was open.
  const openSection = useCallback(
    (id: string | null) => {
      selectSection(id);
      setView('sections');
    },
    [selectSection, setView],
  );
  const { facts, initialised, canEdit, meta } = snapshot;

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

  useEffect(() => {
    document.title = `${meta.title || 'Report'} — Rightsdraft`;
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

  if (!facts.loaded) return <Placeholder text="Opening report…" />;
  if (!initialised) {
    if (facts.closeCode === CloseCodes.UnknownReport.code) {
      return (
        <Placeholder text="There is no report at this address, on this device or on the server.">
          <a href="/" className="button" onClick={handleLinkClick}>
            Back to reports
          </a>
        </Placeholder>
      );
    }
    if (!facts.online) {
      return (
        <Placeholder text="This report is not on this device yet. Connect to the internet once to open it; after that it works offline." />
      );
    }
    return <Placeholder text="Loading the report from the server…" />;
  }

  const selectedIndex = sections.findIndex((s) => s.id === selectedId);
  const selected = sections[selectedIndex];

  return (
    <>
      <ReportHeader session={session} snapshot={snapshot} />
      <Banners session={session} snapshot={snapshot} />
      <ReportViewsBar mechanism={meta.mechanism} />
      <div className="workspace">
        <aside id="outline-pane" ref={drawerRef} className={`outline-pane${outlineOpen ? ' outline-pane--open' : ''}`}>
          <button type="button" className="icon-button drawer-close" aria-label="Close outline" onClick={() => setOutlineOpen(false)}>
            <Icon name="close" />
          </button>
          <OutlineTagFilter doc={session.doc} sections={sections} selectedId={selectedId} onSelect={openSection}>
            <Outline session={session} sections={sections} selectedId={selectedId} onSelect={openSection} canEdit={canEdit} />
          </OutlineTagFilter>
        </aside>
        {outlineOpen && <div className="drawer-backdrop" onClick={() => setOutlineOpen(false)} aria-hidden="true" />}
        <main id="main" className="workspace__main">
          {view !== 'sections' ? (
            <Suspense fallback={<p role="status">Loading…</p>}>
              <TreatyViews view={view} doc={session.doc} canEdit={canEdit} />
            </Suspense>
          ) : selected ? (
            <SectionPane session={session} section={selected} index={selectedIndex} count={sections.length} user={user} canEdit={canEdit} />
          ) : (
            <div className="empty">
              <h2>No sections yet</h2>
              <p className="muted">A shadow report is written section by section: an introduction, one section per article or issue, and recommendations.</p>
              {canEdit && (
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => selectSection(addSection(session.doc, { title: UNTITLED_SECTION }, OUTLINE_ORIGIN))}
                >
                  <Icon name="plus" /> Add the first section
                </button>
              )}
            </div>
          )}
        </main>
      </div>
    </>
  );
}
