/**
 * The report views other than the sections, loaded on demand: the checks and recommendation lists reach the
 * editor schema, and coverage the taxonomy, none of which the first paint of a report needs.
 */
import type * as Y from 'yjs';
import { CoverageView } from '../coverage/CoverageView.tsx';
import { EarlierRecommendationsView } from '../recommendations/EarlierRecommendationsView.tsx';
import { RecommendationsView } from '../recommendations/RecommendationsView.tsx';
import { ChecklistView } from '../submission/ChecklistView.tsx';
import { CoverForm } from '../submission/CoverForm.tsx';
import type { ReportViewName } from './treatyUiStore.ts';
import './treaty.css';

export default function TreatyViews({ view, doc, canEdit }: { view: Exclude<ReportViewName, 'sections'>; doc: Y.Doc; canEdit: boolean }) {
  switch (view) {
    case 'coverage':
      return <CoverageView doc={doc} />;
    case 'recommendations':
      return <RecommendationsView doc={doc} />;
    case 'earlier':
      return <EarlierRecommendationsView doc={doc} canEdit={canEdit} />;
    case 'checklist':
      return <ChecklistView doc={doc} canEdit={canEdit} />;
    case 'cover':
      return <CoverForm doc={doc} canEdit={canEdit} />;
  }
}
