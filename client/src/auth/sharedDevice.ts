/**
 * Whether the person said this device is shared (a library or office computer, a borrowed phone). Chosen at
 * sign-in, kept for the device (not the account), changeable in the account menu. On a shared device, signing
 * out removes this device's copies of the reports unless the person unticks it.
 */
import { create } from 'zustand';

export const SHARED_DEVICE_KEY = 'rightsdraft.sharedDevice';

export function loadSharedDevice(): boolean {
  try {
    return localStorage.getItem(SHARED_DEVICE_KEY) === 'true';
  } catch {
    return false;
  }
}

function saveSharedDevice(shared: boolean): void {
  try {
    localStorage.setItem(SHARED_DEVICE_KEY, shared ? 'true' : 'false');
  } catch {
    // Storage disabled: the choice holds for this visit.
  }
}

interface SharedDeviceState {
  shared: boolean;
  setShared(shared: boolean): void;
}

export const useSharedDevice = create<SharedDeviceState>((set) => ({
  shared: loadSharedDevice(),
  setShared(shared) {
    saveSharedDevice(shared);
    set({ shared });
  },
}));
