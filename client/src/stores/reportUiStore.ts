/** View state of the open report: the selected section and the outline drawer on small screens. */
import { create } from 'zustand';

interface ReportUiState {
  selectedSectionId: string | null;
  outlineOpen: boolean;
  selectSection(id: string | null): void;
  setOutlineOpen(open: boolean): void;
}

export const useReportUiStore = create<ReportUiState>((set) => ({
  selectedSectionId: null,
  outlineOpen: false,
  selectSection: (id) => set({ selectedSectionId: id, outlineOpen: false }),
  setOutlineOpen: (open) => set({ outlineOpen: open }),
}));
