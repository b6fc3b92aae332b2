import { defineCatalog } from '../../../app/i18n/index.ts';

/** The import page's catalog (ids under `imports.`); the route table loads it with the page. */
export const loadImportsMessages = defineCatalog({
  'zh-CN': () => import('./zh-CN.ts?lingui=imports'),
  'en-US': () => import('./en-US.ts?lingui=imports'),
});
