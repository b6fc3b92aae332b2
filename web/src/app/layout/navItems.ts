import type { ComponentType, SVGProps } from 'react';
import {
  AdminIcon,
  CustomersIcon,
  FollowupsIcon,
  LockIcon,
  MeIcon,
  PenIcon,
  TodosIcon,
  TrashIcon,
} from '../ui/icons.tsx';
import type { PermissionCheck } from '../../modules/auth/permissions.ts';

export interface NavItem {
  key:
    | 'customers'
    | 'followups'
    | 'todos'
    | 'me'
    | 'recycleBin'
    | 'users'
    | 'departments'
    | 'customFields'
    | 'settings'
    | 'approvals'
    | 'accessMatrix'
    | 'accessRoles'
    | 'accessInheritance'
    | 'accessSimulate'
    | 'integrations'
    | 'reports'
    | 'automation'
    | 'smartButtons'
    | 'clientErrors'
    | 'followupTemplates';
  path: string;
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** Shown only to users this says yes for (default: everyone signed in). */
  visible?: (can: PermissionCheck) => boolean;
}

const managesUsers = (can: PermissionCheck) => can('manageUsers');
const managesSettings = (can: PermissionCheck) => can('update', 'settings');
const auditsAccess = (can: PermissionCheck) => can('manageRoles') || can('viewAudit');
const managesRoles = (can: PermissionCheck) => can('manageRoles');

/** The phone's bottom tab bar: 客户 / 跟进 / 待办 / 我的. */
export const tabItems: NavItem[] = [
  { key: 'customers', path: '/customers', Icon: CustomersIcon },
  { key: 'followups', path: '/followups', Icon: FollowupsIcon },
  { key: 'todos', path: '/todos', Icon: TodosIcon },
  { key: 'me', path: '/me', Icon: MeIcon },
];

/** The desk sidebar ("我的" lives in the header's user menu there). */
export const sideItems: NavItem[] = [
  { key: 'customers', path: '/customers', Icon: CustomersIcon },
  { key: 'followups', path: '/followups', Icon: FollowupsIcon },
  { key: 'todos', path: '/todos', Icon: TodosIcon },
  { key: 'recycleBin', path: '/recycle-bin', Icon: TrashIcon },
  { key: 'approvals', path: '/approvals', Icon: PenIcon },
];

export const adminItems: NavItem[] = [
  { key: 'users', path: '/admin/users', Icon: AdminIcon, visible: managesUsers },
  { key: 'departments', path: '/admin/departments', Icon: AdminIcon, visible: managesUsers },
  { key: 'customFields', path: '/admin/custom-fields', Icon: AdminIcon, visible: managesSettings },
  { key: 'settings', path: '/admin/settings', Icon: AdminIcon, visible: managesSettings },
  { key: 'accessMatrix', path: '/access/matrix', Icon: LockIcon, visible: auditsAccess },
  { key: 'accessRoles', path: '/access/roles', Icon: LockIcon, visible: auditsAccess },
  { key: 'accessInheritance', path: '/access/inheritance', Icon: LockIcon, visible: auditsAccess },
  { key: 'accessSimulate', path: '/access/simulate', Icon: LockIcon, visible: managesRoles },
];
