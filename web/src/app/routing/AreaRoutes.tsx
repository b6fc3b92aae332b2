import { Suspense, type ComponentType } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import NotFoundPage from '../pages/NotFoundPage.tsx';
import { PageLoading } from '../ui/PageLoading.tsx';

export type AreaPages = ReadonlyArray<readonly [path: string, Page: ComponentType]>;

/**
 * A desk area's pages behind the app's one `/<area>/*?` route (the route table ships in the
 * phone's first chunk, so a desk-only area carries a single small entry there): the area's root
 * redirects to its first page, each page is its own lazy chunk, an unknown path is not found.
 */
export function AreaRoutes({ root, home, pages }: { root: string; home: string; pages: AreaPages }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Switch>
        <Route path={root}>
          <Redirect to={home} replace />
        </Route>
        {pages.map(([path, Page]) => (
          <Route key={path} path={path} component={Page} />
        ))}
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}
