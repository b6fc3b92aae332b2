import { lazy, use } from 'react';
import { AreaRoutes, type AreaPages } from '../../../app/routing/AreaRoutes.tsx';
import { loadOfflineMessages } from '../i18n/catalog.ts';

/** 前端错误 behind the app's one `/client-errors/*?` route (desk-only; the `offline.` messages load here). */
const pages: AreaPages = [['/client-errors/groups', lazy(() => import('./ClientErrorsPage.tsx'))]];

export default function ClientErrorsRoutes() {
  use(loadOfflineMessages());
  return <AreaRoutes root="/client-errors" home="/client-errors/groups" pages={pages} />;
}
