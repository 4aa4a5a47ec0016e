/** Short notices at the bottom of the screen, optionally with one action ("Undo"). */
import { create } from 'zustand';

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

interface ToastState {
  toasts: Toast[];
  show(toast: Omit<Toast, 'id'>, timeoutMs?: number): number;
  dismiss(id: number): void;
}

let nextId = 1;

export const useToastStore = create<ToastState>((set, get) => ({
  toasts: [],
  show(toast, timeoutMs = 8000) {
    const id = nextId++;
    // One toast at a time: a new one replaces the previous (its undo would now undo the wrong step).
    set({ toasts: [{ ...toast, id }] });
    setTimeout(() => get().dismiss(id), timeoutMs);
    return id;
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));
