/** The find bar's state: open or not, the query and its options, and the match being shown. */
import { create } from 'zustand';
import type { ReportMatch } from './findInReport.ts';

export interface FindState {
  open: boolean;
  /** The replace row is shown (Ctrl+H, or the bar's "Replace" switch). */
  replacing: boolean;
  query: string;
  replacement: string;
  matchCase: boolean;
  wholeWord: boolean;
  /** The match the bar points at, highlighted in its section's editor. */
  current: ReportMatch | null;
  /** Raised each time a match is to be scrolled into view and selected again (next, previous, a new query). */
  reveal: number;
  /** Bumped to put the keyboard focus in the find field (the shortcut pressed again while open). */
  focusRequest: number;
  openBar(replacing: boolean): void;
  close(): void;
  set(patch: Partial<Pick<FindState, 'query' | 'replacement' | 'matchCase' | 'wholeWord' | 'replacing'>>): void;
  show(match: ReportMatch | null): void;
  /** Follow the current match after an edit moved it, without selecting it again (the writer may be typing). */
  track(match: ReportMatch | null): void;
}

export const useFindStore = create<FindState>((set) => ({
  open: false,
  replacing: false,
  query: '',
  replacement: '',
  matchCase: false,
  wholeWord: false,
  current: null,
  reveal: 0,
  focusRequest: 0,
  openBar: (replacing) => set((s) => ({ open: true, replacing: replacing || s.replacing, focusRequest: s.focusRequest + 1 })),
  close: () => set({ open: false, current: null }),
  set: (patch) => set(patch),
  show: (match) => set((s) => ({ current: match, reveal: s.reveal + 1 })),
  track: (match) => set({ current: match }),
}));
