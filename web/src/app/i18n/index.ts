/**
 * The app's i18n on Lingui (@lingui/core, @lingui/react). Messages are ICU MessageFormat strings in
 * typed message files (./messages, modules/access/i18n), compiled to Lingui catalogs at build time
 * (web/build/message-catalogs.ts); ids are the files' key paths, typed from the zh-CN files, so a
 * missing or misspelt key is a type error.
 *
 * Catalogs load in parts: `core` (shell, phone screens, errors, enums; zh-CN is in the entry chunk),
 * `more` (desk pages, forms, admin) and namespaces such as `access.` (the access-control pages),
 * each fetched by the routes that need it. A language switch loads every part in use first.
 */
import { useMemo } from 'react';
import { i18n } from '@lingui/core';
import { useLingui } from '@lingui/react';
import { LANGUAGE_COOKIE } from '../../../../common/language-cookie.ts';
import zhCore from './messages/zh-CN.core.ts?lingui';
import type { CoreMessages } from './messages/zh-CN.core.ts';
import type { MoreMessages } from './messages/zh-CN.more.ts';

export { i18n };
export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
const LANGUAGE_KEY = 'cairn.lang';

export const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

/** `a.b.c` for every message of a message file. */
export type MessageKeys<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : MessageKeys<T[K], `${P}${K}.`>;
}[keyof T & string];

export type Messages = CoreMessages & MoreMessages;
export type MessageKey = MessageKeys<Messages>;
/** Value-label groups under `enum.` (core: level, customerStatus, customerSource, followupKind; the rest in `more`). */
export type EnumGroup = keyof Messages['enum'];

/** Placeholder values; `defaultValue` is shown when the catalog has no such message (e.g. an unknown enum value). */
export type TValues = { defaultValue?: string } & Record<string, unknown>;
export type TFunction = (key: MessageKey, values?: TValues) => string;

/** A compiled message file: Lingui ids → compiled messages. */
type Catalog = Record<string, unknown>;
type CatalogLoaders = Record<Language, () => Promise<{ default: Catalog }>>;

interface Part {
  loaders: CatalogLoaders;
  loaded: Map<Language, Promise<void>>;
}
/** Parts some screen has asked for; a language switch loads them for the new language first. */
const wanted = new Set<Part>();

function ensure(part: Part, language: Language): Promise<void> {
  let promise = part.loaded.get(language);
  if (!promise) {
    promise = part.loaders[language]().then((module) => i18n.load(language, module.default as never));
    promise.catch(() => part.loaded.delete(language)); // a failed fetch may be retried
    part.loaded.set(language, promise);
  }
  return promise;
}

function definePart(loaders: CatalogLoaders): Part {
  return { loaders, loaded: new Map() };
}

/** Declares a catalog part; the returned function loads it for the current language (and keeps it loaded on a switch). */
export function defineCatalog(loaders: CatalogLoaders): () => Promise<void> {
  const part = definePart(loaders);
  return () => {
    wanted.add(part);
    return ensure(part, currentLanguage());
  };
}

const core = definePart({
  'zh-CN': async () => ({ default: zhCore }),
  'en-US': () => import('./messages/en-US.core.ts?lingui'),
});
wanted.add(core);

/** Routes outside the phone's core screens await this before rendering. */
export const loadMoreMessages = defineCatalog({
  'zh-CN': () => import('./messages/zh-CN.more.ts?lingui'),
  'en-US': () => import('./messages/en-US.more.ts?lingui'),
});

export const currentLanguage = (): Language => (isLanguage(i18n.locale) ? i18n.locale : DEFAULT_LANGUAGE);

/** Translates with the catalogs loaded for `language`; `defaultValue` covers ids the catalog lacks. */
export function translate(key: string, values?: TValues): string {
  if (values?.defaultValue !== undefined && i18n.messages[key] === undefined) return values.defaultValue;
  return i18n._(key, values);
}

/** For code outside React (error texts, document title). */
export const t: TFunction = translate;

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    /* storage unavailable */
  }
  return DEFAULT_LANGUAGE;
}

function applyToDocument() {
  if (typeof document === 'undefined') return; // unit tests run without a DOM
  document.documentElement.lang = currentLanguage();
  // the server renders the phone's first paint in this language too (server/first-paint)
  document.cookie = `${LANGUAGE_COOKIE}=${currentLanguage()};path=/;max-age=31536000;samesite=lax`;
  document.title = translate('app.title');
}

export async function initI18n(): Promise<void> {
  await ensure(core, DEFAULT_LANGUAGE);
  i18n.activate(DEFAULT_LANGUAGE);
  const stored = storedLanguage();
  if (stored !== DEFAULT_LANGUAGE) {
    try {
      await ensure(core, stored);
      i18n.activate(stored);
    } catch {
      /* could not fetch the language pack: stay on the default */
    }
  }
  applyToDocument();
}

export async function setLanguage(next: Language): Promise<void> {
  await Promise.all([...wanted].map((loaders) => ensure(loaders, next)));
  i18n.activate(next);
  try {
    localStorage.setItem(LANGUAGE_KEY, next);
  } catch {
    /* storage unavailable: the choice lasts for this page only */
  }
  applyToDocument();
}

export interface I18nHandle {
  language: Language;
  changeLanguage: (language: Language) => Promise<void>;
}

/** `t` typed by the message files, and the current language; re-renders when the language or the loaded catalogs change. */
export function useTranslation(): { t: TFunction; i18n: I18nHandle } {
  const { _: linguiT, i18n: lingui } = useLingui();
  const language = isLanguage(lingui.locale) ? lingui.locale : DEFAULT_LANGUAGE;
  return useMemo(
    () => ({
      // A new function whenever Lingui's context (linguiT) changes, so memoized consumers follow loads and switches.
      t: (key, values) => translate(key, values),
      i18n: { language, changeLanguage: setLanguage },
    }),
    [linguiT, language],
  );
}
