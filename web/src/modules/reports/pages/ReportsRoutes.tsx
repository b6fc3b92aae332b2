import { lazy, use } from 'react';
import { AreaRoutes, type AreaPages } from '../../../app/routing/AreaRoutes.tsx';
import { loadReportsMessages } from '../i18n/catalog.ts';

/**
 * The 报表 pages behind the app's one `/reports/*?` route: the route table ships in the phone's
 * first chunk, so it carries a single small entry for these desk-only pages. Each page is its own
 * lazy chunk from here (ECharts only with the report page), and the `reports.` messages load here.
 */
const pages: AreaPages = [
  ['/reports/run', lazy(() => import('./ReportPage.tsx'))],
  ['/reports/definitions', lazy(() => import('./DefinitionsPage.tsx'))],
  ['/reports/definitions/:id', lazy(() => import('./DefinitionPage.tsx'))],
  ['/reports/fx-rates', lazy(() => import('./FxRatesPage.tsx'))],
  ['/reports/snapshots', lazy(() => import('./SnapshotsPage.tsx'))],
  ['/reports/snapshots/:id', lazy(() => import('./RestatementPage.tsx'))],
];

export default function ReportsRoutes() {
  use(loadReportsMessages()); // the same promise while the language stays (i18n/index.ts)
  return <AreaRoutes root="/reports" home="/reports/run" pages={pages} />;
}
