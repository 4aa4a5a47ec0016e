/** The local user's display name and colour, shown to co-authors beside their caret and in the outline. */
export interface LocalUser {
  name: string;
  color: string;
}

export const USER_STORAGE_KEY = 'rightsdraft.user';

/** Colours that keep white text readable (contrast of 4.5:1 or more) and stay distinct from each other. */
export const USER_COLORS = ['#1f5fa8', '#0f7a55', '#a23a8c', '#b4441b', '#5b4bb7', '#006f86', '#8a5a00', '#b3283f'] as const;

export function randomColor(): string {
  return USER_COLORS[Math.floor(Math.random() * USER_COLORS.length)] ?? USER_COLORS[0];
}

const HEX = /^#[0-9a-f]{6}$/i;

/** Parse the stored JSON; null when missing or malformed (the name dialog then asks again). */
export function parseUser(raw: string | null): LocalUser | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { name, color } = value as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '') return null;
    return { name: name.trim().slice(0, 60), color: typeof color === 'string' && HEX.test(color) ? color : randomColor() };
  } catch {
    return null;
  }
}

export function loadUser(): LocalUser | null {
  try {
    return parseUser(localStorage.getItem(USER_STORAGE_KEY));
  } catch {
    return null;
  }
}

export function saveUser(user: LocalUser): void {
  try {
    localStorage.setItem(USER_STORAGE_KEY, JSON.stringify(user));
  } catch {
    // Private mode with storage disabled: the name lasts for this visit only.
  }
}

/** Up to two initials for an avatar: "Amina Diallo" -> "AD", "ngo" -> "N". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
