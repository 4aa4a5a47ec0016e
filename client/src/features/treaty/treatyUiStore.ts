/** View state of the treaty features on the open report: which report view is shown, and the outline's tag filter. */
import { create } from 'zustand';

export const REPORT_VIEWS = ['sections', 'coverage', 'recommendations', 'earlier', 'checklist', 'cover'] as const;
export type ReportViewName = (typeof REPORT_VIEWS)[number];

interface TreatyUiState {
  view: ReportViewName;
  /** Show only the sections about this tag in the outline; null shows all. */
  tagFilter: string | null;
  setView(view: ReportViewName): void;
  setTagFilter(tagId: string | null): void;
  reset(): void;
}

export const useTreatyUiStore = create<TreatyUiState>((set) => ({
  view: 'sections',
  tagFilter: null,
  setView: (view) => set({ view }),
  setTagFilter: (tagFilter) => set({ tagFilter }),
  reset: () => set({ view: 'sections', tagFilter: null }),
}));
