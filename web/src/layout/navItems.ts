import type { ComponentType, SVGProps } from 'react';
import { CustomersIcon, FollowupsIcon, MeIcon, TodosIcon } from '../components/icons.tsx';

export interface NavItem {
  key: 'customers' | 'followups' | 'todos' | 'me';
  path: string;
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** The desktop sidebar leaves "me" to the user menu in the header. */
  mobileOnly?: boolean;
}

export const navItems: NavItem[] = [
  { key: 'customers', path: '/customers', Icon: CustomersIcon },
  { key: 'followups', path: '/followups', Icon: FollowupsIcon },
  { key: 'todos', path: '/todos', Icon: TodosIcon },
  { key: 'me', path: '/me', Icon: MeIcon, mobileOnly: true },
];

export const activeNavKey = (pathname: string): NavItem['key'] | undefined =>
  navItems.find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`))?.key;
