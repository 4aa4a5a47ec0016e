/** Something read from the server for a page section: loading, loaded, or the reason it could not be read. */
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../../api/http.ts';

export type Remote<T> = { state: 'loading' } | { state: 'ok'; data: T } | { state: 'error'; message: string };

export function useRemote<T>(load: () => Promise<T>): { remote: Remote<T>; reload: () => void; set: (data: T) => void } {
  const [remote, setRemote] = useState<Remote<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setRemote({ state: 'ok', data }),
      (err: unknown) => live && setRemote({ state: 'error', message: describeError(err) }),
    );
    return () => {
      live = false;
    };
    // `load` is a module function; `attempt` asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback((data: T) => setRemote({ state: 'ok', data }), []);
  return { remote, reload, set };
}
