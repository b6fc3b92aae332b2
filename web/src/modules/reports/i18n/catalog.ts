import { defineCatalog } from '../../../app/i18n/index.ts';

/** The reports catalog (ids under `reports.`); the /reports route loads it with those pages. */
export const loadReportsMessages = defineCatalog({
  'zh-CN': () => import('./zh-CN.ts?lingui=reports'),
  'en-US': () => import('./en-US.ts?lingui=reports'),
});
