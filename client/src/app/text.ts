/**
 * Messages for plain modules (not components) that must also work before i18next has started, as in the unit
 * tests of the modules that call them: once i18next runs, its `t` in the interface language; before, the English
 * message itself, formatted as ICU like i18next-icu does. Components use `useTranslation` instead.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import coreEnglish from '../i18n/en.json';
import { i18n } from '../i18n/i18n.ts';

type Messages = Record<string, string>;

const AREA_ENGLISH = import.meta.glob<Messages>('../i18n/areas/*/en.json', { eager: true, import: 'default' });
const ENGLISH: Messages = Object.assign({}, coreEnglish as Messages, ...Object.values(AREA_ENGLISH));

export function text(key: string, values: Record<string, string | number> = {}): string {
  if (i18n.isInitialized) return i18n.t(key, values);
  const message = ENGLISH[key];
  if (message === undefined) return key;
  return String(new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true }).format(values));
}
