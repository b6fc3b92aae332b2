/** `t` for the follow-up template messages (ids under `followupTemplates.`). */
import { useCallback } from 'react';
import { translate, useTranslation, type MessageKeys, type TValues } from '../../../app/i18n/index.ts';
import type { FollowupTemplateMessages } from './zh-CN.ts';

export type FollowupTemplateKey = MessageKeys<FollowupTemplateMessages>;
export type FollowupTemplateT = (key: FollowupTemplateKey, values?: TValues) => string;

export function useFollowupTemplateT(): FollowupTemplateT {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((key, values) => translate(`followupTemplates.${key}`, values), [language]);
}
