/**
 * The interface language: i18next with ICU messages (plurals, selects) and `Intl` for dates and numbers.
 * Messages live in `<language>.json` here and in `areas/<area>/<language>.json` (one folder per part of the app,
 * so each part's messages sit together); a key is defined in exactly one file (messages.test.ts checks).
 * English is bundled with the app; the other five languages are separate chunks loaded when chosen, so the first
 * screen does not wait for them. The language comes from this device's last choice, else the browser's
 * preferences; `<html lang dir>` follow it.
 */
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, isUiLanguage, languageDirection, pickUiLanguage, type UiLanguage } from '../../../shared/i18n/languages.ts';
import en from './en.json';

type Messages = Record<string, string>;

/** English messages of every area, bundled. */
const ENGLISH_AREAS = import.meta.glob<Messages>('./areas/*/en.json', { eager: true, import: 'default' });
/** The other languages' area messages, each its own chunk. */
const AREA_LOADERS = import.meta.glob<Messages>(['./areas/*/*.json', '!./areas/*/en.json'], { import: 'default' });

/** The core messages and every area's, as one table. */
function merged(core: Messages, areas: Messages[]): Messages {
  return Object.assign({}, core, ...areas) as Messages;
}

/** The non-English core resources, each its own chunk. */
const LOADERS: Record<Exclude<UiLanguage, 'en'>, () => Promise<{ default: Messages }>> = {
  ar: () => import('./ar.json'),
  zh: () => import('./zh.json'),
  fr: () => import('./fr.json'),
  ru: () => import('./ru.json'),
  es: () => import('./es.json'),
};

const STORAGE_KEY = 'rightsdraft.language';

export const i18n = i18next.createInstance();

/** This device's remembered choice, else the browser's preferred languages. */
export function initialLanguage(): UiLanguage {
  try {
    const kept = localStorage.getItem(STORAGE_KEY);
    if (isUiLanguage(kept)) return kept;
  } catch {
    // Storage refused (private mode): fall back to the browser.
  }
  return pickUiLanguage(typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);
}

async function ensureLoaded(language: UiLanguage): Promise<void> {
  if (language === 'en' || i18n.hasResourceBundle(language, 'translation')) return;
  const areaLoads = Object.entries(AREA_LOADERS)
    .filter(([file]) => file.endsWith(`/${language}.json`))
    .map(([, load]) => load());
  const [core, ...areas] = await Promise.all([LOADERS[language]().then((m) => m.default), ...areaLoads]);
  const messages = merged(core, areas);
  i18n.addResourceBundle(language, 'translation', messages, true, true);
}

function applyToDocument(language: UiLanguage): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.documentElement.dir = languageDirection(language);
}

/** Start i18next in the device's language; resolves once its messages are loaded. */
export async function initI18n(language: UiLanguage = initialLanguage()): Promise<void> {
  await i18n
    .use(new ICU())
    .use(initReactI18next)
    .init({
      lng: DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
      resources: { en: { translation: merged(en as Messages, Object.values(ENGLISH_AREAS)) } },
      keySeparator: false,
      nsSeparator: false,
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
      returnNull: false,
    });
  await setLanguage(language, { remember: false });
}

/** Switch the interface language (loading its messages first); `remember` keeps it on this device. */
export async function setLanguage(language: UiLanguage, { remember = true } = {}): Promise<void> {
  try {
    await ensureLoaded(language);
  } catch {
    // Offline before this language was ever cached: stay in the current one.
    return;
  }
  await i18n.changeLanguage(language);
  applyToDocument(language);
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Not kept on this device; the account still keeps it.
    }
  }
}

/** The interface language now. */
export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** Translate outside React (toasts, stores): the same messages as `useTranslation`. */
export function t(key: string, values?: Record<string, unknown>): string {
  return i18n.t(key, values ?? {});
}
