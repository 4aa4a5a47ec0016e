/**
 * The library as this device sees it: the copy in IndexedDB at once, then what the server answers (which replaces
 * the copy). Search always runs here over the copy (shared/library/search.ts, the server's ranking), so it works
 * the same offline.
 */
import { useCallback, useEffect, useState } from 'react';
import type { LibraryEntry } from '../../../../shared/library/entry.ts';
import { NetworkError } from '../../api/http.ts';
import { ANONYMOUS, libraryCopy, putLibraryEntry, removeLibraryEntry, replaceLibraryCopy } from '../../db/LibraryDb.ts';
import { fetchReadableEntries } from './libraryApi.ts';

export interface LibraryState {
  entries: LibraryEntry[] | null;
  /** Whether the last fetch reached the server. */
  state: 'loading' | 'ok' | 'offline';
  refresh: () => void;
  /** Keep one entry's new state (after a change made here). */
  keep: (entry: LibraryEntry) => void;
  forget: (id: string) => void;
}

export function useLibrary(accountId: string | null): LibraryState {
  const account = accountId ?? ANONYMOUS;
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [state, setState] = useState<LibraryState['state']>('loading');
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    const copy = libraryCopy(account).catch((): LibraryEntry[] => []);
    void copy.then((held) => {
      if (live) setEntries((current) => current ?? held);
    });
    fetchReadableEntries().then(
      async ({ entries: fresh }) => {
        if (!live) return;
        setEntries(fresh);
        setState('ok');
        await replaceLibraryCopy(account, fresh).catch(() => undefined);
      },
      async (err: unknown) => {
        // Unreachable: what the device holds (read to the end, so an early failure cannot leave the list empty).
        const held = await copy;
        if (!live) return;
        setState(err instanceof NetworkError ? 'offline' : 'ok');
        setEntries(held);
      },
    );
    return () => {
      live = false;
    };
  }, [account, tick]);

  const keep = useCallback(
    (entry: LibraryEntry) => {
      setEntries((list) => [entry, ...(list ?? []).filter((e) => e.id !== entry.id)]);
      void putLibraryEntry(account, entry).catch(() => undefined);
    },
    [account],
  );
  const forget = useCallback(
    (id: string) => {
      setEntries((list) => (list ?? []).filter((e) => e.id !== id));
      void removeLibraryEntry(account, id).catch(() => undefined);
    },
    [account],
  );
  return { entries, state, refresh: useCallback(() => setTick((t) => t + 1), []), keep, forget };
}
