import { defineCatalog } from '../../../app/i18n/index.ts';

/** The smart-button admin catalog (ids under `smartButtonAdmin.`); its page loads it, never a phone screen. */
export const loadSmartButtonAdminMessages = defineCatalog({
  'zh-CN': () => import('./zh-CN.ts?lingui=smartButtonAdmin'),
  'en-US': () => import('./en-US.ts?lingui=smartButtonAdmin'),
});
