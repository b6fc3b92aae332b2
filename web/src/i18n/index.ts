import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from 'antd/es/locale/index.js';
import antdEnUS from 'antd/es/locale/en_US.js';
import antdZhCN from 'antd/es/locale/zh_CN.js';
import zhCN, { type Messages } from './zh-CN.ts';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
const LANGUAGE_KEY = 'cairn.lang';

export const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

/** antd ships its locales as CommonJS-typed ES modules; at runtime Vite hands us either the object or `{default}`. */
function unwrapLocale(module: unknown): Locale {
  const value = module as Locale & { default?: Locale };
  return typeof value.locale === 'string' ? value : (value.default as Locale);
}

interface LanguagePack {
  messages: Messages;
  antd: Locale;
}

/** zh-CN is bundled with the entry; everything else is fetched the first time it is chosen. */
const loaders: Record<Language, () => Promise<LanguagePack>> = {
  'zh-CN': async () => ({ messages: zhCN, antd: unwrapLocale(antdZhCN) }),
  'en-US': async () => {
    // antd's en_US is its built-in default and already in the core chunk; only our messages are fetched.
    const messages = await import('./en-US.ts');
    return { messages: messages.default, antd: unwrapLocale(antdEnUS) };
  },
};

const antdLocales = new Map<Language, Locale>([['zh-CN', unwrapLocale(antdZhCN)]]);

async function ensureLoaded(language: Language): Promise<void> {
  if (antdLocales.has(language) && i18n.hasResourceBundle(language, 'translation')) return;
  const pack = await loaders[language]();
  i18n.addResourceBundle(language, 'translation', pack.messages, true, true);
  antdLocales.set(language, pack.antd);
}

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    /* storage unavailable */
  }
  return DEFAULT_LANGUAGE;
}

function applyToDocument(language: Language) {
  document.documentElement.lang = language;
  document.title = i18n.t('app.title');
}

export async function initI18n(): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: { [DEFAULT_LANGUAGE]: { translation: zhCN } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const language = storedLanguage();
  if (language !== DEFAULT_LANGUAGE) {
    try {
      await ensureLoaded(language);
      await i18n.changeLanguage(language);
    } catch {
      /* could not fetch the language pack: stay on the default */
    }
  }
  applyToDocument(currentLanguage());
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

export async function setLanguage(language: Language): Promise<void> {
  await ensureLoaded(language);
  await i18n.changeLanguage(language);
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    /* storage unavailable: the choice lasts for this page only */
  }
  applyToDocument(language);
}

export function antdLocaleFor(language: string): Locale {
  return antdLocales.get(isLanguage(language) ? language : DEFAULT_LANGUAGE) ?? unwrapLocale(antdZhCN);
}

export { i18n };
