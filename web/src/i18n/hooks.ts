import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, setLanguage, type Language } from './index.ts';
import type { EnumGroup } from './zh-CN.ts';

/** Current language (re-renders on change) and the switcher that also loads its messages. */
export function useLanguage(): { language: Language; changeLanguage: (language: Language) => Promise<void> } {
  const { i18n } = useTranslation();
  return { language: isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE, changeLanguage: setLanguage };
}

/** Label for a value from common/enums.ts; unknown values fall back to the raw value, missing ones to null. */
export function useEnumLabel(): (group: EnumGroup, value: string | null | undefined) => string | null {
  const { t } = useTranslation();
  return useCallback(
    (group, value) => (value ? t(`enum.${group}.${value}` as 'enum.level.A', { defaultValue: value }) : null),
    [t],
  );
}
