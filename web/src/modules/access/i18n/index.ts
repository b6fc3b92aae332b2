/**
 * The access-control pages' messages, resolved in the app's current language.
 *
 * The app's runtime (web/src/i18n/index.ts) is a small i18next-format store whose keys are typed
 * from its own message files; these pages keep their messages here instead, bundled with the
 * lazy desk-only chunks, and follow the language switch through the app's `useTranslation()`.
 * Format is the same: `{{name}}` interpolation, `_one` / `_other` plurals, zh-CN fallback.
 */
import { useMemo } from 'react';
import { useTranslation } from '../../../app/i18n/index.ts';
import accessEnUS from './en-US.ts';
import accessZhCN, { type AccessMessages } from './zh-CN.ts';

type Tree = { [key: string]: string | Tree };
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type StripPlural<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

export type AccessKey = StripPlural<Leaves<AccessMessages>>;
export type AccessTOptions = { count?: number; defaultValue?: string } & Record<string, unknown>;
export type AccessT = (key: AccessKey, options?: AccessTOptions) => string;

const FALLBACK = 'zh-CN';
const bundles: Record<string, Tree> = {
  'zh-CN': accessZhCN as unknown as Tree,
  'en-US': accessEnUS as unknown as Tree,
};

function lookup(language: string, key: string): string | undefined {
  let node: string | Tree | undefined = bundles[language];
  for (const segment of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[segment];
  }
  return typeof node === 'string' ? node : undefined;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function plural(language: string, count: number): string {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return rules.select(count);
}

export function translateAccess(language: string, key: string, options?: AccessTOptions): string {
  const lang = bundles[language] ? language : FALLBACK;
  let text: string | undefined;
  if (typeof options?.count === 'number') {
    text = lookup(lang, `${key}_${plural(lang, options.count)}`) ?? lookup(lang, `${key}_other`);
  }
  text ??= lookup(lang, key) ?? lookup(FALLBACK, key) ?? options?.defaultValue ?? key;
  if (!options || !text.includes('{{')) return text;
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (match, name: string) => {
    const value = options[name];
    return value === undefined || value === null ? match : String(value);
  });
}

/** `t` for the access pages, plus the current language (for Intl formatting). */
export function useAccessT(): { t: AccessT; language: string } {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({ t: (key: AccessKey, options?: AccessTOptions) => translateAccess(language, key, options), language }),
    [language],
  );
}

/** A message for a value the server sends (scope, action, risk …); unknown values show as they are. */
export function labelOf(t: AccessT, group: string, value: string | null | undefined): string {
  if (!value) return t('common.none');
  return t(`${group}.${value}` as AccessKey, { defaultValue: value });
}
