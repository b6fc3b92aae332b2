/**
 * The reports pages' messages: the app's Lingui runtime, ids in the `reports.` namespace.
 * The catalog (./catalog.ts) loads with those desk-only pages, never with the phone screens.
 */
import { useMemo } from 'react';
import { translate, useTranslation, type MessageKeys, type TValues } from '../../../app/i18n/index.ts';
import type { ReportsMessages } from './zh-CN.ts';

export type ReportsKey = MessageKeys<ReportsMessages>;
export type ReportsT = (key: ReportsKey, values?: TValues) => string;

/** `t` for the reports pages, plus the current language (for Intl formatting). */
export function useReportsT(): { t: ReportsT; language: string } {
  const { t: appT, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({ t: (key: ReportsKey, values?: TValues) => translate(`reports.${key}`, values), language }),
    [appT, language],
  );
}

/** A message for a value the server sends (basis, dimension …); unknown values show as they are. */
export function labelOf(t: ReportsT, group: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  return t(`${group}.${value}` as ReportsKey, { defaultValue: value });
}
