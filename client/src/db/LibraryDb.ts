/**
 * The library entries this device holds, in their own Dexie database (`rightsdraft-library`), so the Library page
 * searches offline over them. Rows are kept per account (`anonymous` for the published entries a signed-out
 * visitor saw) and an account's rows go when its device copies are removed at sign-out. All versions here,
 * oldest first, each with the date it was added.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { LibraryEntry } from '../../../shared/library/entry.ts';

export interface LocalLibraryEntry {
  /** `<account>:<entry id>`. */
  key: string;
  account: string;
  entry: LibraryEntry;
}

export class LibraryDb extends Dexie {
  entries!: EntityTable<LocalLibraryEntry, 'key'>;

  constructor(name = 'rightsdraft-library') {
    super(name);
    // 2026-12-07 v1: library entries per account, for offline search (issue 14).
    this.version(1).stores({ entries: 'key, account' });
  }
}

export const libraryDb = new LibraryDb();

export const ANONYMOUS = 'anonymous';

/** The account's copy, made exactly these entries. */
export async function replaceLibraryCopy(account: string, entries: LibraryEntry[]): Promise<void> {
  await libraryDb.transaction('rw', libraryDb.entries, async () => {
    await libraryDb.entries.where('account').equals(account).delete();
    await libraryDb.entries.bulkPut(entries.map((entry) => ({ key: `${account}:${entry.id}`, account, entry })));
  });
}

export async function putLibraryEntry(account: string, entry: LibraryEntry): Promise<void> {
  await libraryDb.entries.put({ key: `${account}:${entry.id}`, account, entry });
}

export async function removeLibraryEntry(account: string, id: string): Promise<void> {
  await libraryDb.entries.delete(`${account}:${id}`);
}

export async function libraryCopy(account: string): Promise<LibraryEntry[]> {
  return (await libraryDb.entries.where('account').equals(account).toArray()).map((r) => r.entry);
}

/** Sign-out: the account's entries leave the device. */
export async function forgetLibraryCopy(account: string): Promise<void> {
  await libraryDb.entries.where('account').equals(account).delete();
}
