import { lazy, use, type ComponentType } from 'react';
import { AreaRoutes, type AreaPages } from '../../../app/routing/AreaRoutes.tsx';
import { loadIntegrationsMessages } from '../i18n/catalog.ts';

/**
 * The integration center's pages (集成中心 and data consistency) behind the app's one
 * `/integrations/*?` route. The route table ships in the phone's first chunk, so it carries a
 * single small entry for all of these desk-only admin pages; each page is its own lazy chunk
 * from here, and their `integrations.` messages load here; a page of another module under
 * /integrations (the file import) loads its own messages with its page.
 */
const pages: AreaPages = [
  ['/integrations/channels', lazy(() => import('./ChannelsPage.tsx'))],
  ['/integrations/channels/new', lazy(() => import('./NewChannelPage.tsx'))],
  ['/integrations/channels/:id', lazy(() => import('./ChannelPage.tsx'))],
  ['/integrations/dead-letters', lazy(() => import('./DeadLettersPage.tsx'))],
  ['/integrations/review', lazy(() => import('./ReviewQueuePage.tsx'))],
  ['/integrations/deliveries', lazy(() => import('./DeliveriesPage.tsx'))],
  ['/integrations/consistency', lazy(() => import('../../consistency/pages/ConsistencyPage.tsx'))],
  // the file import page, with its own module and messages
  [
    '/integrations/imports',
    lazy<ComponentType>(() => import('../../imports/pages/importsRoute.ts').then((m) => m.default())),
  ],
];

export default function IntegrationsRoutes() {
  use(loadIntegrationsMessages()); // the same promise while the language stays (i18n/index.ts)
  return <AreaRoutes root="/integrations" home="/integrations/channels" pages={pages} />;
}
