import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../i18n/index.ts';
import { useLanguage } from '../i18n/hooks.ts';
import { ChipGroup } from './ChipGroup.tsx';

/** Lightweight language picker for the login page and the phone's "我的" tab. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, changeLanguage } = useLanguage();
  return (
    <ChipGroup<Language>
      single
      label={t('language.label')}
      options={languages.map((value) => ({ value, label: t(`language.${value}`) }))}
      value={[language]}
      onChange={([next]) => next && void changeLanguage(next)}
    />
  );
}
