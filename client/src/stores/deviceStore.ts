/** This device's presence colour (the name comes from the account; see sessionStore). */
import { create } from 'zustand';
import { loadDeviceColor, saveDeviceColor } from '../user/user.ts';

interface DeviceState {
  color: string;
  setColor(color: string): void;
}

export const useDeviceStore = create<DeviceState>((set) => ({
  color: loadDeviceColor(),
  setColor(color) {
    saveDeviceColor(color);
    set({ color });
  },
}));
