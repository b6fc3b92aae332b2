import { AdminIcon } from '../ui/icons.tsx';
import { adminItems, type NavItem } from './navItems.ts';

/**
 * The desk sidebar's admin entries: navItems.ts's, plus those with desk-only pages. They live
 * here, not in navItems.ts, because that file ships in the phone's first chunk (the route budget).
 */
export const deskAdminItems: NavItem[] = [
  ...adminItems,
  // 集成中心: every page under /integrations (modules/integrations/integration-tabs.ts)
  { key: 'integrations', path: '/integrations', Icon: AdminIcon, visible: (can) => can('manageIntegrations') },
];
