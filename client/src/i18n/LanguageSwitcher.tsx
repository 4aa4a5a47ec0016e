/** The language of the interface, offered to everyone (also before signing in), each language in its own name. */
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, UI_LANGUAGES, isUiLanguage } from '../../../shared/i18n/languages.ts';
import { chooseLanguage } from './accountLanguage.ts';
import { currentLanguage } from './i18n.ts';
import './language.css';

export function LanguageSwitcher({ id = 'ui-language' }: { id?: string }) {
  const { t } = useTranslation();
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="language-switcher__label">
        {t('language.label')}
      </label>
      <select
        id={id}
        className="language-switcher__select"
        value={currentLanguage()}
        onChange={(e) => {
          if (isUiLanguage(e.target.value)) void chooseLanguage(e.target.value);
        }}
      >
        {UI_LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </select>
    </div>
  );
}
