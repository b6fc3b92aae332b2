import { defineCatalog } from '../../../app/i18n/index.ts';

/** The automation catalog (ids under `automation.`); the /automation route loads it with those pages. */
export const loadAutomationMessages = defineCatalog({
  'zh-CN': () => import('./zh-CN.ts?lingui=automation'),
  'en-US': () => import('./en-US.ts?lingui=automation'),
});
