/** Whether the Testimony panel is open: kept outside the header button, which a phone's menu unmounts on closing. */
import { create } from 'zustand';

interface TestimonyUi {
  open: boolean;
  setOpen(open: boolean): void;
}

export const useTestimonyUi = create<TestimonyUi>((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
