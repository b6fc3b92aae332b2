/**
 * The automation pages' messages: the app's Lingui runtime, ids in the `automation.` namespace.
 * The catalog (./catalog.ts) loads with those desk-only pages, never with the phone screens.
 */
import { useMemo } from 'react';
import { translate, useTranslation, type MessageKeys, type TValues } from '../../../app/i18n/index.ts';
import type { AutomationMessages } from './zh-CN.ts';

export type AutomationKey = MessageKeys<AutomationMessages>;
export type AutomationT = (key: AutomationKey, values?: TValues) => string;

/** `t` for the automation pages, plus the current language (for Intl formatting). */
export function useAutomationT(): { t: AutomationT; language: string } {
  const { t: appT, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({ t: (key: AutomationKey, values?: TValues) => translate(`automation.${key}`, values), language }),
    [appT, language],
  );
}

/** A message for a value the server sends (status, kind …); unknown values show as they are. */
export function labelOf(t: AutomationT, group: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  return t(`${group}.${value}` as AutomationKey, { defaultValue: value });
}
