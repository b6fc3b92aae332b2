import type { SVGProps } from 'react';
import { AdminIcon, Icon } from '../ui/icons.tsx';
import { adminItems, sideItems, type NavItem } from './navItems.ts';

/** A bar chart outline; kept here since only the desk shows it. */
const ReportsIcon = (props: SVGProps<SVGSVGElement>) => <Icon {...props} d="M4 20h16M7 16v-5M12 16V6M17 16v-8" />;
/** A lightning bolt (automation rules); desk only too. */
const AutomationIcon = (props: SVGProps<SVGSVGElement>) => <Icon {...props} d="M13 3 5 14h6l-1 7 8-11h-6z" />;

/**
 * The desk sidebar's entries: navItems.ts's, plus those with desk-only pages. They live here, not
 * in navItems.ts, because that file ships in the phone's first chunk (the route budget).
 */
export const deskSideItems: NavItem[] = [
  ...sideItems,
  // 报表: every page under /reports (modules/reports/pages/ReportsRoutes.tsx)
  { key: 'reports', path: '/reports', Icon: ReportsIcon, visible: (can) => can('read', 'report') },
];

export const deskAdminItems: NavItem[] = [
  ...adminItems,
  // 智能按钮: the phone's one-tap follow-up buttons, a page of the 自动化 area (modules/smart-buttons)
  {
    key: 'smartButtons',
    path: '/automation/smart-buttons',
    Icon: AutomationIcon,
    visible: (can) => can('update', 'settings'),
  },
  // 跟进模板: the company's follow-up templates (modules/followup-templates/pages/FollowupTemplatesPage.tsx)
  {
    key: 'followupTemplates',
    path: '/admin/followup-templates',
    Icon: AdminIcon,
    visible: (can) => can('update', 'settings'),
  },
  // 集成中心: every page under /integrations (modules/integrations/integration-tabs.ts)
  { key: 'integrations', path: '/integrations', Icon: AdminIcon, visible: (can) => can('manageIntegrations') },
  // 自动化: every page under /automation (modules/automation/pages/AutomationRoutes.tsx)
  { key: 'automation', path: '/automation', Icon: AutomationIcon, visible: (can) => can('manageIntegrations') },
  // 前端错误: client error groups (modules/offline/pages/ClientErrorsRoutes.tsx)
  { key: 'clientErrors', path: '/client-errors', Icon: AdminIcon, visible: (can) => can('viewAudit') },
];
