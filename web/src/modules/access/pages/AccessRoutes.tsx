import { lazy } from 'react';
import { AreaRoutes, type AreaPages } from '../../../app/routing/AreaRoutes.tsx';

/**
 * The access-control pages behind the app's one `/access/*?` route (its loader brings antd and
 * the `access.` messages). The route table ships in the phone's first chunk, so these desk-only
 * pages share a single small entry there; each page stays its own lazy chunk from here.
 */
const pages: AreaPages = [
  ['/access/matrix', lazy(() => import('./MatrixPage.tsx'))],
  ['/access/roles', lazy(() => import('./RolesPage.tsx'))],
  ['/access/inheritance', lazy(() => import('./InheritancePage.tsx'))],
  ['/access/simulate', lazy(() => import('./SimulatePage.tsx'))],
];

export default function AccessRoutes() {
  return <AreaRoutes root="/access" home="/access/matrix" pages={pages} />;
}
