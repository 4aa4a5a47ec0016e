/**
 * The display theme: standard or high contrast, chosen by the person ("system" follows the device's
 * `prefers-contrast: more`) and kept on this device (localStorage), not on the account: contrast needs differ by
 * screen and room. Applied as `data-theme` on <html>: client/public/theme.js does it before the first paint from the
 * same key, this module keeps it current (a new choice, the system setting changing while the app is open). The
 * theme's colours are in highContrast.css.
 */
import { useSyncExternalStore } from 'react';
import './highContrast.css';
import './reflow.css';

export const THEME_KEY = 'rightsdraft.theme';
export const THEME_CHOICES = ['system', 'standard', 'high-contrast'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type Theme = Exclude<ThemeChoice, 'system'>;

export const HIGH_CONTRAST_QUERY = '(prefers-contrast: more)';

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/** The theme a choice gives: "system" is high contrast when the device asks for more contrast. */
export function resolveTheme(choice: ThemeChoice, systemWantsMore: boolean): Theme {
  if (choice === 'system') return systemWantsMore ? 'high-contrast' : 'standard';
  return choice;
}

export function readThemeChoice(): ThemeChoice {
  try {
    const kept = localStorage.getItem(THEME_KEY);
    return isThemeChoice(kept) ? kept : 'system';
  } catch {
    return 'system';
  }
}

function systemWantsMore(): boolean {
  return typeof matchMedia === 'function' && matchMedia(HIGH_CONTRAST_QUERY).matches;
}

const listeners = new Set<() => void>();
let choice: ThemeChoice = typeof window === 'undefined' ? 'system' : readThemeChoice();

export function applyTheme(): void {
  if (typeof document === 'undefined') return;
  document.documentElement.dataset.theme = resolveTheme(choice, systemWantsMore());
}

/** Choose a theme on this device. */
export function setThemeChoice(next: ThemeChoice): void {
  choice = next;
  try {
    if (next === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, next);
  } catch {
    // Storage refused (private mode): the choice holds until the page closes.
  }
  applyTheme();
  for (const listener of listeners) listener();
}

export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => choice,
    () => 'system',
  );
}

if (typeof window !== 'undefined') {
  applyTheme();
  // The device's setting changes while the app is open; another tab of the app chooses.
  if (typeof matchMedia === 'function') matchMedia(HIGH_CONTRAST_QUERY).addEventListener?.('change', applyTheme);
  window.addEventListener('storage', (e) => {
    if (e.key !== THEME_KEY && e.key !== null) return;
    choice = readThemeChoice();
    applyTheme();
    for (const listener of listeners) listener();
  });
}
