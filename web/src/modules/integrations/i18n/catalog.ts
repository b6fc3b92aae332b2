import { defineCatalog } from '../../../app/i18n/index.ts';

/** The integration center's catalog (ids under `integrations.`); the route table loads it with those pages. */
export const loadIntegrationsMessages = defineCatalog({
  'zh-CN': () => import('./zh-CN.ts?lingui=integrations'),
  'en-US': () => import('./en-US.ts?lingui=integrations'),
});
