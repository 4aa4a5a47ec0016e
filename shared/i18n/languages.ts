/**
 * The six official languages of the United Nations, in which the interface is offered. Their BCP 47 tags, which
 * way each writes, and each one's own name (a language is listed under the name its readers know it by).
 */
export const UI_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: UiLanguage = 'en';

/** Each language in its own words, for the switcher. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The direction a language writes in. */
export function languageDirection(language: string): 'ltr' | 'rtl' {
  const base = language.toLowerCase().split('-')[0]!;
  return ['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb'].includes(base) ? 'rtl' : 'ltr';
}

/**
 * The interface language that best serves a list of preferred tags (the browser's `navigator.languages`, an
 * Accept-Language): the first whose base language is one of the six; English when none is.
 */
export function pickUiLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const base = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isUiLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

/** A plausible BCP 47 tag (language, optional script/region/variants): what a report's `language` may hold. */
export function isLanguageTag(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 35 && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value);
}
