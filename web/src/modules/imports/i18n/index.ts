import { useMemo } from 'react';
import { translate, useTranslation, type MessageKeys, type TValues } from '../../../app/i18n/index.ts';
import type { ImportsMessages } from './zh-CN.ts';

export type ImportsKey = MessageKeys<ImportsMessages>;
export type ImportsT = (key: ImportsKey, values?: TValues) => string;

/** `t` for the import page (ids under `imports.`), following catalog loads and language switches. */
export function useImportsT(): { t: ImportsT; language: string } {
  const { t: appT, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({ t: (key: ImportsKey, values?: TValues) => translate(`imports.${key}`, values), language }),
    [appT, language],
  );
}
