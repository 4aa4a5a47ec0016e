/**
 * The first screen of a report, kept on the device so it can be drawn before the app's scripts and the report's
 * Yjs copy have loaded (issue 15: text within 300 ms of navigation). What is kept is plain text by block kind,
 * never HTML, for the account that saw it; it is removed with the device's copies of reports (sign-out), and never
 * kept for an end-to-end encrypted report. No imports: the tiny script that paints it loads this alone.
 */

export type FirstScreenBlockKind = 'h2' | 'h3' | 'h4' | 'p' | 'li' | 'quote';

export interface FirstScreenBlock {
  k: FirstScreenBlockKind;
  /** The block's text. */
  x: string;
}

export interface FirstScreenSection {
  title: string;
  blocks: FirstScreenBlock[];
}

export interface FirstScreenSnapshot {
  v: 1;
  accountId: string;
  title: string;
  /** The report's language (BCP 47), for `lang` on the text. */
  language: string;
  firstSectionId: string;
  /** A few sections: the first and the last ones shown, newest last. */
  sections: Record<string, FirstScreenSection>;
  /** The interface as it was: its language and direction, and "Opening report…" in it, for the bar. */
  ui?: FirstScreenUi;
  savedAt: number;
}

export interface FirstScreenUi {
  lang: string;
  dir: 'ltr' | 'rtl';
  opening: string;
}

export const FIRST_SCREEN_PREFIX = 'rightsdraft.firstScreen.';
/** What a first screen may hold: enough text to fill a large screen, no more. */
export const FIRST_SCREEN_LIMITS = { blocks: 40, chars: 6000, sections: 3, reports: 20, bytes: 60_000 } as const;

const ACCOUNT_STORAGE_KEY = 'rightsdraft.account';

const isBlock = (b: unknown): b is FirstScreenBlock =>
  typeof b === 'object' && b !== null && typeof (b as FirstScreenBlock).x === 'string' && ['h2', 'h3', 'h4', 'p', 'li', 'quote'].includes((b as FirstScreenBlock).k);

/** The stored snapshot, or null when there is none or it is malformed. */
export function readFirstScreen(storage: Storage, reportId: string): FirstScreenSnapshot | null {
  try {
    const value = JSON.parse(storage.getItem(FIRST_SCREEN_PREFIX + reportId) ?? 'null') as FirstScreenSnapshot | null;
    if (!value || value.v !== 1 || typeof value.accountId !== 'string' || typeof value.title !== 'string') return null;
    if (typeof value.sections !== 'object' || value.sections === null) return null;
    for (const section of Object.values(value.sections)) {
      if (typeof section?.title !== 'string' || !Array.isArray(section.blocks) || !section.blocks.every(isBlock)) return null;
    }
    return value;
  } catch {
    return null;
  }
}

/** The id of the account signed in on this device (from its cached account), or null. */
export function cachedAccountId(storage: Storage): string | null {
  try {
    const account = JSON.parse(storage.getItem(ACCOUNT_STORAGE_KEY) ?? 'null') as { id?: unknown } | null;
    return typeof account?.id === 'string' && account.id ? account.id : null;
  } catch {
    return null;
  }
}

/**
 * Which section a new page of this report shows first, as the app chooses it: the one remembered in this tab,
 * else the report's first; null when the snapshot does not hold it.
 */
export function sectionToShow(snapshot: FirstScreenSnapshot, remembered: string | null): FirstScreenSection | null {
  const id = remembered ?? snapshot.firstSectionId;
  return snapshot.sections[id] ?? null;
}

/** Keep a section's first screen, for this account; older reports' snapshots make room when there are too many. */
export function keepFirstScreen(
  storage: Storage,
  reportId: string,
  fields: { accountId: string; title: string; language: string; firstSectionId: string; sectionId: string; section: FirstScreenSection; ui?: FirstScreenUi },
  now = Date.now(),
): void {
  const before = readFirstScreen(storage, reportId);
  const sections = before && before.accountId === fields.accountId ? { ...before.sections } : {};
  delete sections[fields.sectionId];
  sections[fields.sectionId] = fields.section;
  // Keep the first section and the newest others.
  const ids = Object.keys(sections);
  const keep = new Set([fields.firstSectionId, ...ids.slice(-(FIRST_SCREEN_LIMITS.sections - 1))]);
  for (const id of ids) if (!keep.has(id)) delete sections[id];
  const snapshot: FirstScreenSnapshot = { v: 1, accountId: fields.accountId, title: fields.title, language: fields.language, firstSectionId: fields.firstSectionId, sections, ui: fields.ui, savedAt: now };
  const json = JSON.stringify(snapshot);
  if (json.length > FIRST_SCREEN_LIMITS.bytes) return;
  try {
    storage.setItem(FIRST_SCREEN_PREFIX + reportId, json);
  } catch {
    // Storage full or refused: the report opens as before, only without the early first screen.
    return;
  }
  evictOldest(storage);
}

function evictOldest(storage: Storage): void {
  const kept: { key: string; savedAt: number }[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(FIRST_SCREEN_PREFIX)) continue;
    const snapshot = readFirstScreen(storage, key.slice(FIRST_SCREEN_PREFIX.length));
    kept.push({ key, savedAt: snapshot?.savedAt ?? 0 });
  }
  kept.sort((a, b) => b.savedAt - a.savedAt);
  for (const { key } of kept.slice(FIRST_SCREEN_LIMITS.reports)) storage.removeItem(key);
}

/** Forget the first screens of these reports, or of every report when none are named. */
export function forgetFirstScreens(storage: Storage, reportIds?: Iterable<string>): void {
  if (reportIds) {
    for (const id of reportIds) storage.removeItem(FIRST_SCREEN_PREFIX + id);
    return;
  }
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(FIRST_SCREEN_PREFIX)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}
