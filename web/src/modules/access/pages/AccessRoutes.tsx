import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import NotFoundPage from '../../../app/pages/NotFoundPage.tsx';
import { PageLoading } from '../../../app/ui/PageLoading.tsx';

/**
 * The access-control pages behind the app's one `/access/*?` route (its loader brings antd and
 * the `access.` messages). The route table ships in the phone's first chunk, so these desk-only
 * pages share a single small entry there; each page stays its own lazy chunk from here.
 */
const pages: Array<[path: string, Page: LazyExoticComponent<ComponentType>]> = [
  ['/access/matrix', lazy(() => import('./MatrixPage.tsx'))],
  ['/access/roles', lazy(() => import('./RolesPage.tsx'))],
  ['/access/inheritance', lazy(() => import('./InheritancePage.tsx'))],
  ['/access/simulate', lazy(() => import('./SimulatePage.tsx'))],
];

export default function AccessRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Switch>
        <Route path="/access">
          <Redirect to="/access/matrix" replace />
        </Route>
        {pages.map(([path, Page]) => (
          <Route key={path} path={path} component={Page} />
        ))}
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}
