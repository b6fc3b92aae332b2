/**
 * The smart-button admin page's messages: the app's Lingui runtime, ids in the `smartButtonAdmin.`
 * namespace (the phone's buttons keep theirs under `smartButtons.` in the core catalogs).
 */
import { useMemo } from 'react';
import { translate, useTranslation, type MessageKeys, type TValues } from '../../../app/i18n/index.ts';
import type { SmartButtonAdminMessages } from './zh-CN.ts';

export type SmartButtonAdminKey = MessageKeys<SmartButtonAdminMessages>;
export type SmartButtonAdminT = (key: SmartButtonAdminKey, values?: TValues) => string;

/** `t` for the smart-button admin page, plus the current language (for Intl formatting). */
export function useSmartButtonAdminT(): { t: SmartButtonAdminT; language: string } {
  const { t: appT, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      t: (key: SmartButtonAdminKey, values?: TValues) => translate(`smartButtonAdmin.${key}`, values),
      language,
    }),
    [appT, language],
  );
}
