import { defineCatalog } from '../../../app/i18n/index.ts';

/** The follow-up template catalog (ids under `followupTemplates.`); loaded with the admin page and the composer's picker. */
export const loadFollowupTemplateMessages = defineCatalog({
  'zh-CN': () => import('./zh-CN.ts?lingui=followupTemplates'),
  'en-US': () => import('./en-US.ts?lingui=followupTemplates'),
});
