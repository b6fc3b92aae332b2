/**
 * The access-control pages' messages: the app's Lingui runtime, ids in the `access.` namespace.
 * The catalog (./catalog.ts) loads with those desk-only pages and the explain drawer, never with the phone screens.
 */
import { useMemo } from 'react';
import { translate, useTranslation, type MessageKeys, type TValues } from '../../../app/i18n/index.ts';
import type { AccessRolesMessages } from './zh-CN.roles.ts';
import type { AccessWorkflowsMessages } from './zh-CN.workflows.ts';

type AccessMessages = AccessRolesMessages & AccessWorkflowsMessages;

export type AccessKey = MessageKeys<AccessMessages>;
export type AccessT = (key: AccessKey, values?: TValues) => string;

/** `t` for the access pages, plus the current language (for Intl formatting). */
export function useAccessT(): { t: AccessT; language: string } {
  const { t: appT, i18n } = useTranslation();
  const language = i18n.language;
  // appT changes whenever a catalog loads or the language switches; so does this t.
  return useMemo(
    () => ({ t: (key: AccessKey, values?: TValues) => translate(`access.${key}`, values), language }),
    [appT, language],
  );
}

/** A message for a value the server sends (scope, action, risk …); unknown values show as they are. */
export function labelOf(t: AccessT, group: string, value: string | null | undefined): string {
  if (!value) return t('common.none');
  return t(`${group}.${value}` as AccessKey, { defaultValue: value });
}
