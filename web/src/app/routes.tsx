import type { ComponentType } from 'react';
import { customerLiteQuery, customerQuery, latestFollowupQuery } from '../modules/customers/api/customers.ts';
import { queryClient } from './api/queryClient.ts';
import { initialLiteFields } from '../modules/settings/api/tenant.ts';
import { userNamesQuery } from '../modules/users/api/users.ts';
import { isMobileViewport } from './hooks/useIsMobile.ts';
import { preloadable, responsive, type PreloadableComponent } from './ui/responsive.tsx';
import { loadMoreMessages } from './i18n/index.ts';
import { loadAccessMessages } from '../modules/access/i18n/catalog.ts';
import { parse } from 'regexparam';
import { matchRoute as matchPattern, Redirect } from 'wouter';

type Loader = () => Promise<ComponentType>;

export interface AppRoute {
  path: string;
  /** Reachable without signing in. */
  public?: boolean;
  /** Starts the route's code and, where it helps, its first requests. */
  load: Loader;
  prefetch?: (params: Record<string, string>) => void;
  Component: PreloadableComponent<object>;
}

const once = <T,>(fn: () => Promise<T>) => {
  let promise: Promise<T> | null = null;
  return () => {
    promise ??= fn().catch((error: unknown) => {
      promise = null; // a failed chunk fetch may be retried
      throw error;
    });
    return promise;
  };
};

/** Phone screens and other plain-React pages: no antd; `more` loads the desk message pack too. */
const plain = (load: () => Promise<{ default: ComponentType }>, { more = true } = {}): Loader =>
  once(async () => (await Promise.all([load(), more ? loadMoreMessages() : null]))[0].default);

/** Pages built with antd: their ConfigProvider (theme, antd locale) comes with them; `messages`: catalogs beyond core and more. */
const withAntd = (load: () => Promise<{ default: ComponentType }>, messages: Array<() => Promise<void>> = []): Loader =>
  once(async () => {
    const [{ default: Page }, { withAntdScope }] = await Promise.all([
      load(),
      import('./antd/AntdScope.tsx'),
      loadMoreMessages(),
      ...messages.map((loadMessages) => loadMessages()),
    ]);
    return withAntdScope(Page);
  });

/** The access-control pages: antd, plus the `access.` messages. */
const accessPage = (load: () => Promise<{ default: ComponentType }>) => withAntd(load, [loadAccessMessages]);

/** One route, two screens: phones never download the desk variant and vice versa. */
const byViewport = (loaders: { mobile: Loader; desktop: Loader }): Loader => {
  const Responsive = responsive<object>({
    mobile: async () => ({ default: await loaders.mobile() }),
    desktop: async () => ({ default: await loaders.desktop() }),
  });
  return once(async () => {
    await Responsive.preload();
    return Responsive;
  });
};

const redirectTo =
  (to: string): Loader =>
  async () =>
  () => <Redirect to={to} replace />;

const customerForm = withAntd(() => import('../modules/customers/pages/CustomerFormPage.tsx'));
const contactForm = withAntd(() => import('../modules/contacts/pages/ContactFormPage.tsx'));
const opportunityForm = withAntd(() => import('../modules/opportunities/pages/OpportunityFormPage.tsx'));
const followupForm = withAntd(() => import('../modules/followups/pages/FollowupFormPage.tsx'));
const contractForm = withAntd(() => import('../modules/contracts/pages/ContractFormPage.tsx'));

const definitions: Array<Omit<AppRoute, 'Component'>> = [
  { path: '/login', public: true, load: withAntd(() => import('../modules/auth/pages/LoginPage.tsx')) },
  { path: '/', load: redirectTo('/customers') },
  {
    path: '/customers',
    load: byViewport({
      mobile: plain(() => import('../modules/customers/pages/MobileCustomerListPage.tsx'), { more: false }),
      desktop: withAntd(() => import('../modules/customers/pages/DeskCustomerListPage.tsx')),
    }),
  },
  { path: '/customers/new', load: customerForm },
  {
    path: '/customers/:id',
    load: byViewport({
      mobile: plain(() => import('../modules/customers/pages/MobileCustomerDetailPage.tsx'), { more: false }),
      desktop: plain(() => import('../modules/customers/pages/DeskCustomerDetailPage.tsx')),
    }),
    prefetch: ({ id = '' }) => {
      // The phone's lite header needs exactly these; /tenant (lite-field changes) and /me wait until it is up.
      if (isMobileViewport()) {
        void queryClient.prefetchQuery(customerLiteQuery(id, initialLiteFields()));
        void queryClient.prefetchQuery(latestFollowupQuery(id));
      } else {
        void queryClient.prefetchQuery(customerQuery(id));
      }
      void queryClient.prefetchQuery(userNamesQuery);
    },
  },
  { path: '/customers/:id/edit', load: customerForm },
  { path: '/customers/:id/contacts/new', load: contactForm },
  { path: '/customers/:id/contacts/:rid/edit', load: contactForm },
  { path: '/customers/:id/opportunities/new', load: opportunityForm },
  { path: '/customers/:id/opportunities/:rid/edit', load: opportunityForm },
  { path: '/customers/:id/followups/new', load: followupForm },
  { path: '/customers/:id/followups/:rid/edit', load: followupForm },
  { path: '/customers/:id/contracts/new', load: contractForm },
  { path: '/customers/:id/contracts/:rid/edit', load: contractForm },
  {
    path: '/customers/:id/contracts/:rid/payments/new',
    load: withAntd(() => import('../modules/contracts/pages/PaymentFormPage.tsx')),
  },
  { path: '/followups', load: plain(() => import('../modules/followups/pages/FollowupsPage.tsx')) },
  { path: '/todos', load: plain(() => import('../modules/todos/pages/TodosPage.tsx')) },
  { path: '/me', load: plain(() => import('../modules/auth/pages/MePage.tsx')) },
  { path: '/recycle-bin', load: plain(() => import('../modules/recycle-bin/pages/RecycleBinPage.tsx')) },
  { path: '/admin', load: redirectTo('/admin/users') },
  { path: '/admin/users', load: withAntd(() => import('../modules/users/pages/UsersPage.tsx')) },
  { path: '/admin/departments', load: withAntd(() => import('../modules/departments/pages/DepartmentsPage.tsx')) },
  { path: '/admin/custom-fields', load: withAntd(() => import('../modules/custom-fields/pages/CustomFieldsPage.tsx')) },
  {
    path: '/admin/followup-templates',
    load: withAntd(() => import('../modules/followup-templates/pages/FollowupTemplatesPage.tsx')),
  },
  { path: '/admin/settings', load: withAntd(() => import('../modules/settings/pages/SettingsPage.tsx')) },
  // Access control: desk-only antd pages, one entry (modules/access/pages/AccessRoutes.tsx), each page its own lazy chunk.
  { path: '/access/*?', load: accessPage(() => import('../modules/access/pages/AccessRoutes.tsx')) },
  { path: '/approvals', load: accessPage(() => import('../modules/access/pages/ApprovalsPage.tsx')) },
  { path: '/settings', load: redirectTo('/admin/settings') },
  // 集成中心: desk-only antd pages (modules/integrations/pages/IntegrationsRoutes.tsx, tabs in integration-tabs.ts)
  { path: '/integrations/*?', load: withAntd(() => import('../modules/integrations/pages/IntegrationsRoutes.tsx')) },
  // 报表: desk-only antd pages (modules/reports/pages/ReportsRoutes.tsx)
  { path: '/reports/*?', load: withAntd(() => import('../modules/reports/pages/ReportsRoutes.tsx')) },
  // 自动化: desk-only antd pages (modules/automation/pages/AutomationRoutes.tsx)
  { path: '/automation/*?', load: withAntd(() => import('../modules/automation/pages/AutomationRoutes.tsx')) },
  // 前端错误 (client error telemetry): desk-only antd page (modules/offline/pages/ClientErrorsRoutes.tsx)
  { path: '/client-errors/*?', load: withAntd(() => import('../modules/offline/pages/ClientErrorsRoutes.tsx')) },
  { path: '*', load: plain(() => import('./pages/NotFoundPage.tsx'), { more: false }) },
];

export const routes: AppRoute[] = definitions.map((route) => ({
  ...route,
  Component: preloadable(async () => ({ default: (await route.load()) as ComponentType<object> })),
}));

/** The first route whose pattern matches (`*` matches anything), with its parameters. */
export function matchRoute(pathname: string): { route: AppRoute; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.path === '*') return { route, params: {} };
    const [matches, params] = matchPattern(parse, route.path, pathname);
    if (matches) return { route, params: params as Record<string, string> };
  }
  return null;
}

/** Starts a route's chunk and first requests together, e.g. from the entry before React renders. */
export function prefetchRoute(pathname: string): Promise<unknown> {
  const match = matchRoute(pathname);
  if (!match) return Promise.resolve();
  match.route.prefetch?.(match.params);
  return match.route.Component.preload();
}
