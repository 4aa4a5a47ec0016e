/** What the account pages and the share dialog need to know of the server: first run, who may sign up, mail. */
import { useEffect, useState } from 'react';
import { fetchSignupStatus, type SignupStatus } from '../../api/authApi.ts';

/** The server's answer (null while asking); unreachable: not the first run, open sign-up, no mail. */
export function useAuthInfo(): SignupStatus | null {
  const [info, setInfo] = useState<SignupStatus | null>(null);
  useEffect(() => {
    let live = true;
    fetchSignupStatus().then(
      (value) => live && setInfo(value),
      () => live && setInfo({ firstRun: false, registration: 'open', setupLinkNeeded: false, mail: false }),
    );
    return () => {
      live = false;
    };
  }, []);
  return info;
}
