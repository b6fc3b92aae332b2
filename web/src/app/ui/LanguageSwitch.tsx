import { useId } from 'react';
import { isLanguage, languages, useTranslation } from '../i18n/index.ts';

/** A labelled native select: works the same with a mouse, a keyboard, a screen reader and Playwright. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <span className="lang-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        className="native-select native-select--small"
        data-testid="language-switch"
        value={i18n.language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void i18n.changeLanguage(event.target.value);
        }}
      >
        {languages.map((value) => (
          <option key={value} value={value} lang={value}>
            {t(`language.${value}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
