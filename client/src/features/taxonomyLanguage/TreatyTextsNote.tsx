/**
 * Says, in a language other than English, that treaty article texts are shown in English: the reference data
 * carry them in English only, and Rightsdraft does not guess a translation.
 */
import { useTranslation } from 'react-i18next';
import { TreatyIcon } from '../treaty/TreatyIcon.tsx';
import './taxonomyLanguage.css';

export function TreatyTextsNote({ show = true }: { show?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n?.language ?? 'en';
  if (!show || language === 'en') return null;
  return (
    <p className="treaty-texts-note" data-testid="treaty-texts-note">
      <TreatyIcon name="info" size={14} />
      <span>{t('taxonomy.treatyTextsInEnglish')}</span>
    </p>
  );
}
