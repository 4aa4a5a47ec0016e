/** The display contrast: as the device is set, standard, or high contrast. Kept on this device (theme.ts). */
import { useTranslation } from 'react-i18next';
import { isThemeChoice, setThemeChoice, THEME_CHOICES, useThemeChoice, type ThemeChoice as Choice } from './theme.ts';
import './display.css';

const LABEL_KEYS: Record<Choice, string> = {
  system: 'display.contrast.system',
  standard: 'display.contrast.standard',
  'high-contrast': 'display.contrast.high',
};

export function ThemeChoice({ id = 'display-contrast' }: { id?: string }) {
  const { t } = useTranslation();
  const choice = useThemeChoice();
  return (
    <div className="theme-choice">
      <label htmlFor={id} className="theme-choice__label">
        {t('display.contrast.legend')}
      </label>
      <select
        id={id}
        className="theme-choice__select"
        value={choice}
        aria-describedby={`${id}-kept`}
        data-testid="theme-choice"
        onChange={(e) => {
          if (isThemeChoice(e.target.value)) setThemeChoice(e.target.value);
        }}
      >
        {THEME_CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(LABEL_KEYS[c])}
          </option>
        ))}
      </select>
      <span id={`${id}-kept`} className="theme-choice__kept">
        {t('display.contrast.kept')}
      </span>
    </div>
  );
}
