/** `t` for the offline module's messages (ids under `offline.`). */
import { useCallback } from 'react';
import { translate, useTranslation, type MessageKeys, type TValues } from '../../../app/i18n/index.ts';
import type { OfflineMessages } from './zh-CN.ts';

export type OfflineKey = MessageKeys<OfflineMessages>;
export type OfflineT = (key: OfflineKey, values?: TValues) => string;

export function useOfflineT(): OfflineT {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((key: OfflineKey, values?: TValues) => translate(`offline.${key}`, values), [language]);
}
