/**
 * The whole report as one document: every section in order, scrolling together, the outline as its table of
 * contents. Sections render as they come near the viewport (see nearViewport.ts); choosing one in the outline
 * (or a comment in the review panel) jumps there at once and mounts it. The section holding the focus, or else
 * the one at the top of the screen, is the selected one: the outline marks it and presence reports it.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SectionInfo } from '../../../../shared/report/layout.ts';
import type { EditorHandle } from '../../editor/review/editorHandle.ts';
import { useReportUiStore } from '../../stores/reportUiStore.ts';
import type { ReportSession } from '../../sync/ReportSession.ts';
import type { LocalUser } from '../../user/user.ts';
import { NearViewport } from './nearViewport.ts';
import { WholeSection, wholeSectionDomId, type WholeShared } from './WholeSection.tsx';
import './wholeReport.css';

/** Pixels below the scroller's top edge that still count as "at the top" for the section being read. */
const READING_LINE_PX = 24;

/** How long a jump keeps its section at the top while the sections around it render and change height. */
const HOLD_MS = 2000;

/**
 * Scroll `target` to the top of `root` and keep it there while the placeholders around it become text of another
 * height, until the reader scrolls, clicks or types, or HOLD_MS have passed. The first section goes to the very top,
 * with the layout switch above it, and nothing is held.
 */
function holdAtTop(root: HTMLElement, content: HTMLElement, target: HTMLElement, onEnd: () => void): (() => void) | null {
  if (target === content.firstElementChild) {
    // Nothing above it to change height.
    root.scrollTop = 0;
    return null;
  }
  const align = () => {
    root.scrollTop += target.getBoundingClientRect().top - root.getBoundingClientRect().top - 8;
  };
  align();
  const resized = new ResizeObserver(align);
  resized.observe(content);
  const stop = () => {
    resized.disconnect();
    clearTimeout(timer);
    onEnd();
    for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) root.removeEventListener(type, stop);
  };
  const timer = setTimeout(stop, HOLD_MS);
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) root.addEventListener(type, stop, { passive: true });
  return stop;
}

export function WholeReport({ session, sections, user, canEdit }: { session: ReportSession; sections: SectionInfo[]; user: LocalUser; canEdit: boolean }) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [observer, setObserver] = useState<NearViewport | null>(null);
  const selectedId = useReportUiStore((s) => s.selectedSectionId);
  const selectSection = useReportUiStore((s) => s.selectSection);
  /** The selection this view made itself (focus, scrolling): no jump for those. */
  const followed = useRef<string | null>(null);
  const [jumpedTo, setJumpedTo] = useState<string | null>(null);
  /** Ends the current jump's hold (see holdAtTop); null when none is on. */
  const holding = useRef<(() => void) | null>(null);
  const heights = useRef(new Map<string, number>()).current;
  const handles = useRef(new Map<string, EditorHandle>()).current;

  const scroller = useCallback(() => rootRef.current?.closest<HTMLElement>('.workspace__main') ?? null, []);

  useEffect(() => {
    const root = scroller();
    if (!root) return;
    const created = new NearViewport(root);
    setObserver(created);
    return () => created.disconnect();
  }, [scroller]);

  const follow = useCallback(
    (id: string) => {
      if (useReportUiStore.getState().selectedSectionId === id) return;
      followed.current = id;
      selectSection(id);
    },
    [selectSection],
  );

  // Chosen elsewhere (outline, review panel, opening the view): jump there at once and render it.
  useLayoutEffect(() => {
    if (!selectedId || selectedId === followed.current) return;
    followed.current = selectedId;
    const root = scroller();
    const target = document.getElementById(wholeSectionDomId(selectedId));
    setJumpedTo(selectedId);
    holding.current?.();
    if (root && target && rootRef.current) {
      const stop = holdAtTop(root, rootRef.current, target, () => {
        if (holding.current === stop) holding.current = null;
      });
      holding.current = stop;
    }
  }, [selectedId, scroller]);
  useEffect(() => () => holding.current?.(), []);

  // Reading on: the section at the top of the screen becomes the selected one, unless the focus is in a section.
  useEffect(() => {
    const root = scroller();
    if (!root) return;
    let frame = 0;
    const handleScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (holding.current || (rootRef.current?.contains(document.activeElement) && document.activeElement !== document.body)) return;
        const line = root.getBoundingClientRect().top + READING_LINE_PX;
        for (const el of rootRef.current?.querySelectorAll<HTMLElement>('.whole-section') ?? []) {
          if (el.getBoundingClientRect().bottom > line) {
            const id = el.dataset.sectionId;
            if (id) follow(id);
            return;
          }
        }
      });
    };
    root.addEventListener('scroll', handleScroll, { passive: true });
    return () => {
      root.removeEventListener('scroll', handleScroll);
      cancelAnimationFrame(frame);
    };
  }, [scroller, follow]);

  const shared = useMemo<WholeShared>(() => ({ session, observer, heights, handles, onFocusSection: follow }), [session, observer, heights, handles, follow]);

  return (
    <div ref={rootRef} className="whole-report" data-testid="whole-report">
      {sections.map((s, i) => (
        <WholeSection key={s.id} shared={shared} section={s} index={i} count={sections.length} user={user} canEdit={canEdit} pinned={s.id === jumpedTo} />
      ))}
    </div>
  );
}
