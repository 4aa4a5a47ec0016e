/**
 * How co-authors see this person beside their caret and in the outline: the account's name and a colour
 * chosen per device (so two devices of one person can be told apart).
 */
export interface LocalUser {
  name: string;
  color: string;
}

/** Where the device's colour is kept; before accounts it held a display name too, whose colour is reused. */
export const COLOR_STORAGE_KEY = 'rightsdraft.color';
const LEGACY_USER_KEY = 'rightsdraft.user';

/** Colours that keep white text readable (contrast of 4.5:1 or more) and stay distinct from each other. */
export const USER_COLORS = ['#1f5fa8', '#0f7a55', '#a23a8c', '#b4441b', '#5b4bb7', '#006f86', '#8a5a00', '#b3283f'] as const;

export function randomColor(): string {
  return USER_COLORS[Math.floor(Math.random() * USER_COLORS.length)] ?? USER_COLORS[0];
}

const HEX = /^#[0-9a-f]{6}$/i;

/** A stored colour if it is a plain hex colour (it lands in style attributes), else null. */
export function parseColor(raw: string | null): string | null {
  if (!raw) return null;
  let value: unknown = raw;
  try {
    // The legacy entry is JSON ({"name","color"}); the current one is the colour itself.
    if (raw.startsWith('{')) value = (JSON.parse(raw) as { color?: unknown }).color;
  } catch {
    return null;
  }
  return typeof value === 'string' && HEX.test(value) ? value.toLowerCase() : null;
}

/** This device's colour: the stored one, the one chosen before accounts existed, or a new random one (kept). */
export function loadDeviceColor(): string {
  try {
    const color = parseColor(localStorage.getItem(COLOR_STORAGE_KEY)) ?? parseColor(localStorage.getItem(LEGACY_USER_KEY));
    if (color) return color;
    const chosen = randomColor();
    localStorage.setItem(COLOR_STORAGE_KEY, chosen);
    return chosen;
  } catch {
    return randomColor();
  }
}

export function saveDeviceColor(color: string): void {
  try {
    localStorage.setItem(COLOR_STORAGE_KEY, color);
  } catch {
    // Private mode with storage disabled: the colour lasts for this visit only.
  }
}

/** Up to two initials for an avatar: "Amina Diallo" -> "AD", "ngo" -> "N". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
