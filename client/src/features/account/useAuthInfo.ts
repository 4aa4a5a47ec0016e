/** What the account pages and the share dialog need to know of the server: first run, and whether it sends mail. */
import { useEffect, useState } from 'react';
import { fetchAuthInfo, type AuthInfo } from '../../api/authApi.ts';

/** Whether no account exists yet and whether this server sends mail (null while asking). */
export function useAuthInfo(): AuthInfo | null {
  const [info, setInfo] = useState<AuthInfo | null>(null);
  useEffect(() => {
    let live = true;
    fetchAuthInfo().then(
      (value) => live && setInfo(value),
      () => live && setInfo({ firstRun: false, mail: false }),
    );
    return () => {
      live = false;
    };
  }, []);
  return info;
}
