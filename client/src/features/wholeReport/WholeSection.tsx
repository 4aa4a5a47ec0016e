/**
 * One section in the whole-report view. Its heading is always there (the document reads as a whole while
 * scrolling fast); its text is the same review-wrapped SectionEditor as the one-section view, mounted only while
 * the section is near the viewport, or holds the focus or a comment being written, and otherwise a placeholder
 * of the height it last had (or an estimate).
 */
import { memo, Suspense, useCallback, useEffect, useRef, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getSectionBody, type SectionInfo } from '../../../../shared/report/layout.ts';
import type { EditorHandle } from '../../editor/review/editorHandle.ts';
import type { ReportSession } from '../../sync/ReportSession.ts';
import { usePresenceStore } from '../../stores/presenceStore.ts';
import type { LocalUser } from '../../user/user.ts';
import { PeerDots } from '../outline/PeerDots.tsx';
import { StatusBadge } from '../outline/StatusBadge.tsx';
import { fragmentKey } from '../report/SectionPane.tsx';
import { ReviewSection } from '../review/ReviewSection.tsx';
import { useReviewStore } from '../review/reviewStore.ts';
import { useWideLayout } from '../review/useWideLayout.ts';
import { SectionWordFooter } from '../submission/SectionWordFooter.tsx';
import { SectionTags } from '../tagging/SectionTags.tsx';
import type { NearViewport, Nearness } from './nearViewport.ts';
import { estimateSectionHeight } from './sectionHeight.ts';

import { LazySectionEditor as SectionEditor } from '../../editor/LazySectionEditor.ts';

export const wholeSectionDomId = (sectionId: string) => `whole-section-${sectionId}`;

export interface WholeShared {
  session: ReportSession;
  observer: NearViewport | null;
  /** Last measured height of each section's text, kept while it is unmounted. */
  heights: Map<string, number>;
  /** The review handle of each mounted section's editor. */
  handles: Map<string, EditorHandle>;
  /** Called when the focus enters a section. */
  onFocusSection(sectionId: string): void;
}

export const WholeSection = memo(function WholeSection({
  shared,
  section,
  index,
  count,
  user,
  canEdit,
  pinned,
}: {
  shared: WholeShared;
  section: SectionInfo;
  index: number;
  count: number;
  user: LocalUser;
  canEdit: boolean;
  /** Mount now whatever the viewport says (the section just jumped to). */
  pinned: boolean;
}) {
  const { session, observer, heights, handles } = shared;
  const ref = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [nearness, setNearness] = useState<Nearness>('far');
  const [focused, setFocused] = useState(false);
  const drafting = useReviewStore((s) => s.draft?.sectionId === section.id);
  const [mounted, setMounted] = useState(false);
  const peers = usePresenceStore((s) => s.peers).filter((p) => p.sectionId === section.id);
  const body = getSectionBody(session.doc, section.id);
  const { t } = useTranslation();
  // A new section is stored as "Untitled section" (outline/Outline.tsx): shown in the interface language.
  const stored = section.title.trim();
  // i18n-exempt: the title stored for a new section (data), compared here, never shown
  const title = stored && stored !== 'Untitled section' ? stored : t('outline.untitled');
  const headingId = `${wholeSectionDomId(section.id)}-heading`;
  const held = pinned || focused || drafting;
  const wide = useWideLayout();

  useEffect(() => (observer && ref.current ? observer.watch(ref.current, setNearness) : undefined), [observer]);
  useEffect(() => {
    if (nearness === 'near' || held) setMounted(true);
    else if (nearness === 'far') setMounted(false);
  }, [nearness, held]);

  // Remember the text's height while it is on screen, for the placeholder after it goes.
  useEffect(() => {
    const el = bodyRef.current;
    if (!mounted || !el) return;
    const observe = new ResizeObserver(() => {
      if (el.offsetHeight > 0) heights.set(section.id, el.offsetHeight);
    });
    observe.observe(el);
    return () => observe.disconnect();
  }, [mounted, heights, section.id]);

  // The review bar, comment button and margin follow one editor: the one holding the focus, else the newest.
  const innerHandle = useRef<((h: EditorHandle | null) => void) | undefined>(undefined);
  const focusedRef = useRef(false);
  const pinnedRef = useRef(pinned);
  pinnedRef.current = pinned;
  const relayHandle = useCallback(
    (h: EditorHandle | null) => {
      if (h) handles.set(section.id, h);
      else handles.delete(section.id);
      // Its margin places its cards beside its words even while another section's editor is the current one.
      useReviewStore.getState().setSectionEditor(section.id, h);
      const current = useReviewStore.getState().editor;
      if (!h || !current || current.sectionId === section.id || focusedRef.current || pinnedRef.current) innerHandle.current?.(h);
    },
    [handles, section.id],
  );

  const handleFocus = () => {
    focusedRef.current = true;
    setFocused(true);
    const h = handles.get(section.id);
    if (h && useReviewStore.getState().editor !== h) useReviewStore.getState().setEditor(h);
    shared.onFocusSection(section.id);
  };
  const handleBlur = (e: FocusEvent<HTMLElement>) => {
    if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
    focusedRef.current = false;
    setFocused(false);
  };

  // The text column: the section less the comment margin on wide screens and the editor's padding.
  const textWidth = (ref.current?.clientWidth ?? 760) - (wide ? 320 : 0) - 90;
  const reserved = heights.get(section.id) ?? estimateSectionHeight(body, textWidth);

  return (
    <section
      ref={ref}
      id={wholeSectionDomId(section.id)}
      className="whole-section"
      aria-labelledby={headingId}
      data-section-id={section.id}
      data-mounted={mounted}
      onFocus={handleFocus}
      onBlur={handleBlur}
    >
      <div className="whole-section__head">
        <p className="eyebrow">
          {t('section.position', { n: index + 1, count })}
        </p>
        <div className="section-pane__title-row">
          <h2 id={headingId} className="whole-section__title">
            {title}
          </h2>
          <StatusBadge status={section.status} />
          <PeerDots peers={peers} />
        </div>
        {mounted && <SectionTags doc={session.doc} section={section} canEdit={canEdit} />}
      </div>
      {!body ? (
        <p className="muted">{t('section.noBody')}</p>
      ) : mounted ? (
        <div ref={bodyRef} className="whole-section__body">
          <ReviewSection key={`${section.id}:${fragmentKey(body)}`} sectionId={section.id} fragment={body} canEdit={canEdit} headingId={headingId}>
            {(review) => {
              innerHandle.current = review.onHandle;
              return (
                <Suspense fallback={<div className="editor editor--loading" aria-busy="true" style={{ minHeight: reserved }}>{t('section.loadingEditor')}</div>}>
                  <SectionEditor
                    fragment={body}
                    provider={session.provider}
                    user={user}
                    editable={review.editable}
                    label={t('section.textOf', { title })}
                    review={review.review}
                    showToolbar={review.showToolbar}
                    onHandle={relayHandle}
                    footer={<SectionWordFooter doc={session.doc} sectionId={section.id} canEdit={canEdit} />}
                  >
                    {review.overlay}
                  </SectionEditor>
                </Suspense>
              );
            }}
          </ReviewSection>
        </div>
      ) : (
        <div className="whole-section__placeholder" style={{ height: reserved }} aria-hidden="true" data-testid="section-placeholder" />
      )}
    </section>
  );
});
