/**
 * The integration center's messages: the app's Lingui runtime, ids in the `integrations.` namespace.
 * The catalog (./catalog.ts) loads with those desk-only pages, never with the phone screens.
 */
import { useMemo } from 'react';
import { translate, useTranslation, type MessageKeys, type TValues } from '../../../app/i18n/index.ts';
import type { IntegrationsMessages } from './zh-CN.ts';

export type IntegrationsKey = MessageKeys<IntegrationsMessages>;
export type IntegrationsT = (key: IntegrationsKey, values?: TValues) => string;

/** `t` for the integration pages, plus the current language (for Intl formatting). */
export function useIntegrationsT(): { t: IntegrationsT; language: string } {
  const { t: appT, i18n } = useTranslation();
  const language = i18n.language;
  // appT changes whenever a catalog loads or the language switches; so does this t.
  return useMemo(
    () => ({ t: (key: IntegrationsKey, values?: TValues) => translate(`integrations.${key}`, values), language }),
    [appT, language],
  );
}

/** A message for a value the server sends (kind, reason, check …); unknown values show as they are. */
export function labelOf(t: IntegrationsT, group: string, value: string | null | undefined): string {
  if (!value) return t('common.none');
  return t(`${group}.${value}` as IntegrationsKey, { defaultValue: value });
}
