/**
 * The interface language kept on the account: when someone signs in, the language they chose before (on any
 * device) is applied; an account that never chose takes the one in use. Choosing a language while signed in
 * stores it on the account as well as on this device.
 */
import { ApiError, request } from '../api/http.ts';
import { isUiLanguage, type UiLanguage } from '../../../shared/i18n/languages.ts';
import { useSessionStore } from '../stores/sessionStore.ts';
import { currentLanguage, setLanguage } from './i18n.ts';

async function storeOnAccount(language: UiLanguage): Promise<void> {
  await request('/api/auth/me/language', { method: 'PUT', body: { language } });
}

function signedInId(): string | null {
  const state = useSessionStore.getState().state;
  return state.status === 'signed-in' ? state.account.id : null;
}

/** Change the language here and, when signed in, on the account (offline: on the next sign-in's check). */
export async function chooseLanguage(language: UiLanguage): Promise<void> {
  await setLanguage(language);
  if (signedInId()) await storeOnAccount(language).catch(() => undefined);
}

/** Follow sign-ins: apply the account's language, or give the account the one in use. Returns the unsubscribe. */
export function startAccountLanguage(): () => void {
  let synced: string | null = null;
  const sync = async (accountId: string) => {
    synced = accountId;
    try {
      const { language } = await request<{ language: string | null }>('/api/auth/me/language');
      if (isUiLanguage(language)) {
        if (language !== currentLanguage()) await setLanguage(language);
      } else await storeOnAccount(currentLanguage());
    } catch (err) {
      // Offline or the session ended: try again on the next sign-in.
      if (!(err instanceof ApiError) || err.status === 401) synced = null;
    }
  };
  const check = () => {
    const state = useSessionStore.getState().state;
    if (state.status === 'signed-in' && state.verified && synced !== state.account.id) void sync(state.account.id);
    if (state.status === 'signed-out') synced = null;
  };
  check();
  return useSessionStore.subscribe(check);
}
