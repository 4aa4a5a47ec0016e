import { useTranslation } from 'react-i18next';
import { memo, Suspense } from 'react';
import type * as Y from 'yjs';
import { getSectionBody, type SectionInfo } from '../../../../shared/report/layout.ts';
import type { ReportSession } from '../../sync/ReportSession.ts';
import { usePresenceStore } from '../../stores/presenceStore.ts';
import type { LocalUser } from '../../user/user.ts';
import { PeerDots } from '../outline/PeerDots.tsx';
import { PeerJoinAnnouncer } from './PeerJoinAnnouncer.tsx';
import { StatusBadge } from '../outline/StatusBadge.tsx';
import { ReviewSection } from '../review/ReviewSection.tsx';
import { SectionTags } from '../tagging/SectionTags.tsx';
import { SectionWordFooter } from '../submission/SectionWordFooter.tsx';
import { EvidencePanel } from '../evidence/EvidencePanel.tsx';

import { LazySectionEditor as SectionEditor } from '../../editor/LazySectionEditor.ts';

/** A stable number per fragment object: undoing a section's deletion restores it as a new fragment. */
const fragmentKeys = new WeakMap<Y.XmlFragment, number>();
let nextFragmentKey = 1;
export function fragmentKey(fragment: Y.XmlFragment): number {
  let key = fragmentKeys.get(fragment);
  if (key === undefined) {
    key = nextFragmentKey++;
    fragmentKeys.set(fragment, key);
  }
  return key;
}

/** Memoised so typing (which changes sync facts, not these props) does not re-render the editor's parent. */
export const SectionPane = memo(function SectionPane({
  session,
  section,
  index,
  count,
  user,
  canEdit,
}: {
  session: ReportSession;
  section: SectionInfo;
  index: number;
  count: number;
  user: LocalUser;
  canEdit: boolean;
}) {
  const peers = usePresenceStore((s) => s.peers).filter((p) => p.sectionId === section.id);
  const body = getSectionBody(session.doc, section.id);
  const { t } = useTranslation();
  const stored = section.title.trim();
  // i18n-exempt: the default title stored in the document (data), shown translated instead
  const title = stored && stored !== 'Untitled section' ? stored : t('outline.untitled');
  return (
    <section className="section-pane" aria-labelledby="section-heading">
      <div className="section-pane__head">
        <p className="eyebrow">{t('section.position', { n: index + 1, count })}</p>
        <div className="section-pane__title-row">
          <h2 id="section-heading" className="section-pane__title" dir="auto">
            {title}
          </h2>
          <StatusBadge status={section.status} />
          <PeerDots peers={peers} />
          <PeerJoinAnnouncer peers={peers} sectionId={section.id} />
        </div>
        <SectionTags doc={session.doc} section={section} canEdit={canEdit} />
      </div>
      {body ? (
        <ReviewSection key={`${section.id}:${fragmentKey(body)}`} sectionId={section.id} fragment={body} canEdit={canEdit}>
          {(review) => (
            <Suspense fallback={<div className="editor editor--loading" aria-busy="true">{t('section.loadingEditor')}</div>}>
              <SectionEditor
                fragment={body}
                provider={session.provider}
                user={user}
                editable={review.editable}
                label={t('section.textOf', { title })}
                review={review.review}
                showToolbar={review.showToolbar}
                onHandle={review.onHandle}
                footer={<SectionWordFooter doc={session.doc} sectionId={section.id} canEdit={canEdit} />}
              >
                {review.overlay}
              </SectionEditor>
            </Suspense>
          )}
        </ReviewSection>
      ) : (
        <p className="muted">{t('section.noBody')}</p>
      )}
      <EvidencePanel doc={session.doc} reportId={session.reportId} sectionId={section.id} canEdit={canEdit} userName={user.name} />
    </section>
  );
});
