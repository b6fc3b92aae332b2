import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import { App as AntdApp, ConfigProvider, type ThemeConfig } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import antdEnUS from 'antd/es/locale/en_US.js';
import antdZhCN from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useIsMobile } from '../hooks/useIsMobile.ts';
import { useTranslation, type Language } from '../i18n/index.ts';

/** antd ships its locales as CommonJS-typed ES modules; at runtime Vite hands us either the object or `{default}`. */
function unwrapLocale(module: unknown): Locale {
  const value = module as Locale & { default?: Locale };
  return typeof value.locale === 'string' ? value : (value.default as Locale);
}

const antdLocales: Record<Language, Locale> = { 'zh-CN': unwrapLocale(antdZhCN), 'en-US': unwrapLocale(antdEnUS) };
const dayjsLocales: Record<Language, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

/** Brand colour, and text tokens darkened so secondary text and placeholders meet WCAG AA (≥ 4.5:1 on white). */
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f6f5c',
    colorLink: '#1a5e4e',
    borderRadius: 6,
    colorTextSecondary: 'rgba(0, 0, 0, 0.66)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.5)',
    colorError: '#c0262d',
  },
  // a chosen row stays light enough for its links (≥ 4.5:1), hovered or not
  components: { Table: { rowSelectedBg: '#eef5f2', rowSelectedHoverBg: '#e3efea' } },
};

const InsideScope = createContext(false);

/** ConfigProvider (theme, antd + dayjs locale) and antd's App (message/modal hooks), only where antd is used. */
export function AntdScope({ children }: { children: ReactNode }) {
  const inside = useContext(InsideScope);
  const { i18n } = useTranslation();
  const isMobile = useIsMobile();
  if (inside) return children;
  dayjs.locale(dayjsLocales[i18n.language]);
  return (
    <InsideScope.Provider value>
      <ConfigProvider
        locale={antdLocales[i18n.language]}
        theme={theme}
        componentSize={isMobile ? 'large' : 'middle'}
        // "保存", not "保 存": accessible names stay what the text says
        button={{ autoInsertSpace: false }}
      >
        <AntdApp component={false}>{children}</AntdApp>
      </ConfigProvider>
    </InsideScope.Provider>
  );
}

export function withAntdScope(Page: ComponentType): ComponentType {
  const Wrapped = () => (
    <AntdScope>
      <Page />
    </AntdScope>
  );
  Wrapped.displayName = `withAntdScope(${Page.displayName ?? Page.name})`;
  return Wrapped;
}
