import { lazy, Suspense, use, type ComponentType, type LazyExoticComponent } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import NotFoundPage from '../../../app/pages/NotFoundPage.tsx';
import { PageLoading } from '../../../app/ui/PageLoading.tsx';
import { loadIntegrationsMessages } from '../i18n/catalog.ts';

/**
 * The integration center's pages (集成中心 and data consistency) behind the app's one
 * `/integrations/*?` route. The route table ships in the phone's first chunk, so it carries a
 * single small entry for all of these desk-only admin pages; each page is its own lazy chunk
 * from here, and their `integrations.` messages load here; a page of another module under
 * /integrations (the file import) loads its own messages with its page.
 */
const pages: Array<[path: string, Page: LazyExoticComponent<ComponentType>]> = [
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
  return (
    <Suspense fallback={<PageLoading />}>
      <Switch>
        <Route path="/integrations">
          <Redirect to="/integrations/channels" replace />
        </Route>
        {pages.map(([path, Page]) => (
          <Route key={path} path={path} component={Page} />
        ))}
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}
