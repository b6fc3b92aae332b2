import { lazy, use } from 'react';
import { AreaRoutes, type AreaPages } from '../../../app/routing/AreaRoutes.tsx';
import { loadAutomationMessages } from '../i18n/catalog.ts';

/**
 * The 自动化 pages behind the app's one `/automation/*?` route (the route table ships in the
 * phone's first chunk, so these desk-only pages get one small entry there): the rule list, the
 * rule editor, a rule's run history with its dry run, and the smart buttons' admin page. Each page is its own lazy chunk.
 */
const pages: AreaPages = [
  ['/automation/rules', lazy(() => import('./RulesPage.tsx'))],
  ['/automation/rules/new', lazy(() => import('./RuleEditorPage.tsx'))],
  ['/automation/rules/:id', lazy(() => import('./RuleEditorPage.tsx'))],
  ['/automation/rules/:id/runs', lazy(() => import('./RunsPage.tsx'))],
  // 智能按钮: the phone's one-tap follow-up buttons (modules/smart-buttons)
  ['/automation/smart-buttons', lazy(() => import('../../smart-buttons/pages/SmartButtonsPage.tsx'))],
];

export default function AutomationRoutes() {
  use(loadAutomationMessages()); // the same promise while the language stays (i18n/index.ts)
  return <AreaRoutes root="/automation" home="/automation/rules" pages={pages} />;
}
