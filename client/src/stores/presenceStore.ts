/** Who else has the open report, fed from the sync provider's awareness (see sync/ReportSession.ts). */
import { create } from 'zustand';
import type { Role } from '../../../shared/api/roles.ts';

export interface Peer {
  clientId: number;
  name: string;
  color: string;
  /** The section the person has open, or null. */
  sectionId: string | null;
  /** Their role on the report, as their client announces it (display only). */
  role: Role | null;
}

interface PresenceState {
  peers: Peer[];
  setPeers(peers: Peer[]): void;
}

export const usePresenceStore = create<PresenceState>((set) => ({
  peers: [],
  setPeers: (peers) => set({ peers }),
}));
