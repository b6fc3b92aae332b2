import { defineCatalog } from '../../../app/i18n/index.ts';

/** The offline catalog (ids under `offline.`); loaded with the outbox's bar, the composer and the client-errors page. */
export const loadOfflineMessages = defineCatalog({
  'zh-CN': () => import('./zh-CN.ts?lingui=offline'),
  'en-US': () => import('./en-US.ts?lingui=offline'),
});
