/**
 * A small i18n runtime with the i18next message format (`{{name}}` interpolation, `_one`/`_other`
 * plural keys) and a react-i18next-shaped hook (`const { t, i18n } = useTranslation()`).
 *
 * Why not i18next + react-i18next: together they are ~16 KB gzip, and the phone customer-detail
 * route has a 100 KB budget of which React alone takes ~67 KB. Keeping the message format and the
 * hook's shape means switching back is a mechanical change.
 *
 * Messages come in two parts: `core` (shell, phone screens, errors, enums; zh-CN is in the entry
 * chunk) and `more` (desk pages, forms, admin), fetched by the routes that need it.
 */
import { useMemo, useSyncExternalStore } from 'react';
import zhCore, { type CoreMessages } from './messages/zh-CN.core.ts';
import type { MoreMessages } from './messages/zh-CN.more.ts';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
const LANGUAGE_KEY = 'cairn.lang';

export const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

export type Messages = CoreMessages & MoreMessages;
/** Value-label groups under `enum.` (core: level, customerStatus, customerSource, followupKind; the rest in `more`). */
export type EnumGroup = keyof Messages['enum'];

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type StripPlural<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;
export type MessageKey = StripPlural<Leaves<Messages>>;

export type TOptions = { count?: number; defaultValue?: string } & Record<string, unknown>;
export type TFunction = (key: MessageKey, options?: TOptions) => string;

type Part = 'core' | 'more';
type Tree = { [key: string]: string | Tree };

const loaders: Record<Part, Record<Language, () => Promise<Tree>>> = {
  core: {
    'zh-CN': async () => zhCore as unknown as Tree,
    'en-US': async () => (await import('./messages/en-US.core.ts')).default as unknown as Tree,
  },
  more: {
    'zh-CN': async () => (await import('./messages/zh-CN.more.ts')).default as unknown as Tree,
    'en-US': async () => (await import('./messages/en-US.more.ts')).default as unknown as Tree,
  },
};

const resources: Record<Language, Tree> = { 'zh-CN': {}, 'en-US': {} };
const loaded = new Map<string, Promise<void>>();
/** Parts some screen has asked for; a language switch loads them for the new language first. */
const wanted = new Set<Part>(['core']);
let language: Language = DEFAULT_LANGUAGE;
const listeners = new Set<() => void>();

function merge(target: Tree, source: Tree) {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (typeof value === 'object' && typeof current === 'object') merge(current, value);
    else target[key] = value;
  }
}

function ensurePart(part: Part, lang: Language): Promise<void> {
  const id = `${part}:${lang}`;
  let promise = loaded.get(id);
  if (!promise) {
    promise = loaders[part][lang]().then((tree) => merge(resources[lang], tree));
    promise.catch(() => loaded.delete(id)); // a failed fetch may be retried
    loaded.set(id, promise);
  }
  return promise;
}

function lookup(lang: Language, key: string): string | undefined {
  let node: string | Tree | undefined = resources[lang];
  for (const segment of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[segment];
  }
  return typeof node === 'string' ? node : undefined;
}

const pluralRules = new Map<Language, Intl.PluralRules>();
const pluralRule = (lang: Language) => {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules;
};

function translate(lang: Language, key: string, options?: TOptions): string {
  let text: string | undefined;
  if (typeof options?.count === 'number') {
    text = lookup(lang, `${key}_${pluralRule(lang).select(options.count)}`) ?? lookup(lang, `${key}_other`);
  }
  text ??= lookup(lang, key) ?? (lang === DEFAULT_LANGUAGE ? undefined : lookup(DEFAULT_LANGUAGE, key));
  if (text === undefined) {
    if (import.meta.env.DEV && options?.defaultValue === undefined)
      console.warn(`[i18n] missing message ${lang}:${key}`);
    text = options?.defaultValue ?? key;
  }
  if (!options || !text.includes('{{')) return text;
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (match, name: string) => {
    const value = options[name];
    return value === undefined || value === null ? match : String(value);
  });
}

const fixedTs = new Map<Language, TFunction>();
export function getFixedT(lang: Language = language): TFunction {
  let t = fixedTs.get(lang);
  if (!t) fixedTs.set(lang, (t = (key, options) => translate(lang, key, options)));
  return t;
}

/** For code outside React (error texts, document title). */
export const t: TFunction = (key, options) => translate(language, key, options);

export const currentLanguage = () => language;

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
  document.documentElement.lang = language;
  document.title = translate(language, 'app.title');
}

export async function initI18n(): Promise<void> {
  await ensurePart('core', DEFAULT_LANGUAGE);
  const stored = storedLanguage();
  if (stored !== DEFAULT_LANGUAGE) {
    try {
      await ensurePart('core', stored);
      language = stored;
    } catch {
      /* could not fetch the language pack: stay on the default */
    }
  }
  applyToDocument();
}

/** Routes outside the phone's core screens await this before rendering. */
export async function loadMoreMessages(): Promise<void> {
  wanted.add('more');
  await Promise.all([
    ensurePart('more', language),
    language === DEFAULT_LANGUAGE ? null : ensurePart('more', DEFAULT_LANGUAGE),
  ]);
}

export async function setLanguage(next: Language): Promise<void> {
  await Promise.all([...wanted].map((part) => ensurePart(part, next)));
  language = next;
  try {
    localStorage.setItem(LANGUAGE_KEY, next);
  } catch {
    /* storage unavailable: the choice lasts for this page only */
  }
  applyToDocument();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface I18nHandle {
  language: Language;
  changeLanguage: (language: Language) => Promise<void>;
}

/** Same shape as react-i18next's hook; re-renders on a language switch. */
export function useTranslation(): { t: TFunction; i18n: I18nHandle } {
  const lang = useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
  return useMemo(() => ({ t: getFixedT(lang), i18n: { language: lang, changeLanguage: setLanguage } }), [lang]);
}
