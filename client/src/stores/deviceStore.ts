/** The local user (name and colour) and whether the name dialog is open. */
import { create } from 'zustand';
import { loadUser, randomColor, saveUser, type LocalUser } from '../user/user.ts';

interface UserState {
  user: LocalUser | null;
  nameDialogOpen: boolean;
  setName(name: string): void;
  openNameDialog(): void;
  closeNameDialog(): void;
}

export const useUserStore = create<UserState>((set, get) => {
  const user = loadUser();
  return {
    user,
    nameDialogOpen: user === null,
    setName(name) {
      const next = { name: name.trim(), color: get().user?.color ?? randomColor() };
      saveUser(next);
      set({ user: next, nameDialogOpen: false });
    },
    openNameDialog: () => set({ nameDialogOpen: true }),
    closeNameDialog: () => set((s) => ({ nameDialogOpen: s.user === null })),
  };
});
