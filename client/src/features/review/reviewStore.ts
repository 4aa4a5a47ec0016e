/** View state of reviewing the open report: mode, the side panel, what is active, the comment being written. */
import { create } from 'zustand';
import type { Anchor } from '../../../../shared/discussion/anchors.ts';
import type { EditorHandle } from '../../editor/review/editorHandle.ts';

export type ReviewPanelTab = 'comments' | 'suggestions' | 'versions';

export interface CommentDraft {
  sectionId: string;
  anchor: Anchor;
  quote: string;
  /** Linear offsets, for the highlight while the comment is being written. */
  start: number;
  end: number;
}

export interface ThreadFilters {
  status: 'open' | 'resolved' | 'all';
  /** 'all' or a section id. */
  sectionId: string;
  /** 'all' or an author id. */
  authorId: string;
  attention: boolean;
}

interface ReviewUiState {
  /** Editors' "Suggesting" switch (reviewers always suggest). */
  suggesting: boolean;
  panel: ReviewPanelTab | null;
  activeThreadId: string | null;
  activeSuggestionId: string | null;
  draft: CommentDraft | null;
  filters: ThreadFilters;
  /** The editor of the open section, for positions, comments on the selection and accepting suggestions. */
  editor: EditorHandle | null;
  /** Every open section's editor (the whole-report view has several), for the positions of its margin's cards. */
  sectionEditors: Readonly<Record<string, EditorHandle>>;
  /** A highlight to scroll into view once its section's editor is open: `thread:<id>` or `suggestion:<id>`. */
  reveal: string | null;
  /** Polite announcement for screen readers (new comments, accepted suggestions). */
  announcement: { text: string; at: number } | null;
  setSuggesting(on: boolean): void;
  openPanel(tab: ReviewPanelTab | null): void;
  activateThread(id: string | null): void;
  activateSuggestion(id: string | null): void;
  setDraft(draft: CommentDraft | null): void;
  setFilters(patch: Partial<ThreadFilters>): void;
  setEditor(editor: EditorHandle | null): void;
  setSectionEditor(sectionId: string, editor: EditorHandle | null): void;
  announce(text: string): void;
  requestReveal(key: string | null): void;
  reset(): void;
}

const INITIAL_FILTERS: ThreadFilters = { status: 'open', sectionId: 'all', authorId: 'all', attention: false };

export const useReviewStore = create<ReviewUiState>((set) => ({
  suggesting: false,
  panel: null,
  activeThreadId: null,
  activeSuggestionId: null,
  draft: null,
  filters: INITIAL_FILTERS,
  editor: null,
  sectionEditors: {},
  announcement: null,
  reveal: null,
  setSuggesting: (suggesting) => set({ suggesting }),
  openPanel: (panel) => set({ panel }),
  activateThread: (activeThreadId) => set({ activeThreadId, activeSuggestionId: null }),
  activateSuggestion: (activeSuggestionId) => set({ activeSuggestionId, activeThreadId: null }),
  setDraft: (draft) => set(draft ? { draft, activeThreadId: null, activeSuggestionId: null } : { draft }),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  setEditor: (editor) => set({ editor }),
  setSectionEditor: (sectionId, editor) =>
    set((s) => {
      if (editor) return { sectionEditors: { ...s.sectionEditors, [sectionId]: editor } };
      if (!(sectionId in s.sectionEditors)) return s;
      const { [sectionId]: _gone, ...rest } = s.sectionEditors;
      return { sectionEditors: rest };
    }),
  announce: (text) => set({ announcement: { text, at: Date.now() } }),
  requestReveal: (reveal) => set({ reveal }),
  reset: () => set({ suggesting: false, panel: null, activeThreadId: null, activeSuggestionId: null, draft: null, filters: INITIAL_FILTERS, editor: null, sectionEditors: {}, reveal: null }),
}));
