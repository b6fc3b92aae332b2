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
    | 'accessSettings';
  path: string;
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
}

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
  { key: 'users', path: '/admin/users', Icon: AdminIcon },
  { key: 'departments', path: '/admin/departments', Icon: AdminIcon },
  { key: 'customFields', path: '/admin/custom-fields', Icon: AdminIcon },
  { key: 'settings', path: '/admin/settings', Icon: AdminIcon },
  { key: 'accessMatrix', path: '/access/matrix', Icon: LockIcon },
  { key: 'accessRoles', path: '/access/roles', Icon: LockIcon },
  { key: 'accessInheritance', path: '/access/inheritance', Icon: LockIcon },
  { key: 'accessSimulate', path: '/access/simulate', Icon: LockIcon },
  { key: 'accessSettings', path: '/settings', Icon: LockIcon },
];
