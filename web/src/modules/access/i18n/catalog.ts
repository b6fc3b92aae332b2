import { defineCatalog } from '../../../app/i18n/index.ts';

/** The access pages' catalog (ids under `access.`); the route table loads it with those pages. */
export const loadAccessMessages = defineCatalog({
  'zh-CN': () => import('./zh-CN.ts?lingui=access'),
  'en-US': () => import('./en-US.ts?lingui=access'),
});
