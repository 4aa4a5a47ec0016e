/** What the page shows about an open encrypted report: its key state, members' safety codes, refused messages. */
import { create } from 'zustand';
import type { MemberView } from '../../e2ee/reportKeyring.ts';

export type EncryptionPhase =
  /** This device does not hold the account's keys yet: the password (or recovery code) opens them. */
  | 'locked'
  | 'loading-keys'
  /** The report key has not been shared with this member yet. */
  | 'waiting-for-key'
  | 'ready'
  /** The key server could not be reached; the report stays editable on this device. */
  | 'offline';

export interface Rejection {
  signer: string;
  reason: string;
  /** The rule a refused discussion change broke (shared/discussion/changeRules.ts), in the guard's words. */
  detail?: string;
  at: number;
}

interface EncryptionState {
  reportId: string | null;
  phase: EncryptionPhase;
  generation: number;
  members: MemberView[];
  rejected: Rejection[];
  set(reportId: string, fields: Partial<Pick<EncryptionState, 'phase' | 'generation' | 'members' | 'rejected'>>): void;
  reject(reportId: string, r: Rejection): void;
  reset(): void;
  /** The recovery code of keys just made, on screen until the person confirms they kept it (not per report). */
  recoveryCode: string | null;
  showRecoveryCode(code: string | null): void;
}

const initial = { reportId: null, phase: 'loading-keys' as EncryptionPhase, generation: 0, members: [] as MemberView[], rejected: [] as Rejection[] };

export const useEncryptionStore = create<EncryptionState>((set, get) => ({
  ...initial,
  set: (reportId, fields) => set(get().reportId === reportId ? fields : { ...initial, reportId, ...fields }),
  reject: (reportId, r) => set(get().reportId === reportId ? { rejected: [...get().rejected.slice(-19), r] } : { ...initial, reportId, rejected: [r] }),
  reset: () => set(initial),
  recoveryCode: null,
  showRecoveryCode: (recoveryCode) => set({ recoveryCode }),
}));
