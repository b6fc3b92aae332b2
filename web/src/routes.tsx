import type { ComponentType } from 'react';
import { customerLiteQuery, customerQuery, latestFollowupQuery } from './api/customers.ts';
import { queryClient } from './api/queryClient.ts';
import { initialLiteFields } from './api/tenant.ts';
import { userNamesQuery } from './api/users.ts';
import { isMobileViewport } from './hooks/useIsMobile.ts';
import { preloadable, responsive, type PreloadableComponent } from './components/responsive.tsx';
import { loadMoreMessages } from './i18n/index.ts';
import { createMatcher, Navigate } from './router/router.tsx';

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

/** Pages built with antd: their ConfigProvider (theme, antd locale) comes with them. */
const withAntd = (load: () => Promise<{ default: ComponentType }>): Loader =>
  once(async () => {
    const [{ default: Page }, { withAntdScope }] = await Promise.all([
      load(),
      import('./antd/AntdScope.tsx'),
      loadMoreMessages(),
    ]);
    return withAntdScope(Page);
  });

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
  () => <Navigate to={to} replace />;

const customerForm = withAntd(() => import('./pages/forms/CustomerFormPage.tsx'));
const contactForm = withAntd(() => import('./pages/forms/ContactFormPage.tsx'));
const opportunityForm = withAntd(() => import('./pages/forms/OpportunityFormPage.tsx'));
const followupForm = withAntd(() => import('./pages/forms/FollowupFormPage.tsx'));
const contractForm = withAntd(() => import('./pages/forms/ContractFormPage.tsx'));

const definitions: Array<Omit<AppRoute, 'Component'>> = [
  { path: '/login', public: true, load: withAntd(() => import('./pages/LoginPage.tsx')) },
  { path: '/', load: redirectTo('/customers') },
  {
    path: '/customers',
    load: byViewport({
      mobile: plain(() => import('./pages/mobile/MobileCustomerListPage.tsx'), { more: false }),
      desktop: withAntd(() => import('./pages/desk/DeskCustomerListPage.tsx')),
    }),
  },
  { path: '/customers/new', load: customerForm },
  {
    path: '/customers/:id',
    load: byViewport({
      mobile: plain(() => import('./pages/mobile/MobileCustomerDetailPage.tsx'), { more: false }),
      desktop: plain(() => import('./pages/desk/DeskCustomerDetailPage.tsx')),
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
    load: withAntd(() => import('./pages/forms/PaymentFormPage.tsx')),
  },
  { path: '/followups', load: plain(() => import('./pages/FollowupsPage.tsx')) },
  { path: '/todos', load: plain(() => import('./pages/TodosPage.tsx')) },
  { path: '/me', load: plain(() => import('./pages/MePage.tsx')) },
  { path: '/recycle-bin', load: plain(() => import('./pages/RecycleBinPage.tsx')) },
  { path: '/admin', load: redirectTo('/admin/users') },
  { path: '/admin/users', load: withAntd(() => import('./pages/admin/UsersPage.tsx')) },
  { path: '/admin/departments', load: withAntd(() => import('./pages/admin/DepartmentsPage.tsx')) },
  { path: '/admin/custom-fields', load: withAntd(() => import('./pages/admin/CustomFieldsPage.tsx')) },
  { path: '/admin/settings', load: withAntd(() => import('./pages/admin/SettingsPage.tsx')) },
  // Access control (issue 4): desk-only antd pages, each its own lazy chunk.
  { path: '/access', load: redirectTo('/access/matrix') },
  { path: '/access/matrix', load: withAntd(() => import('./pages/access/MatrixPage.tsx')) },
  { path: '/access/roles', load: withAntd(() => import('./pages/access/RolesPage.tsx')) },
  { path: '/access/inheritance', load: withAntd(() => import('./pages/access/InheritancePage.tsx')) },
  { path: '/access/simulate', load: withAntd(() => import('./pages/access/SimulatePage.tsx')) },
  { path: '/approvals', load: withAntd(() => import('./pages/access/ApprovalsPage.tsx')) },
  { path: '/settings', load: withAntd(() => import('./pages/access/CompanySettingsPage.tsx')) },
  { path: '*', load: plain(() => import('./pages/NotFoundPage.tsx'), { more: false }) },
];

export const routes: AppRoute[] = definitions.map((route) => ({
  ...route,
  Component: preloadable(async () => ({ default: (await route.load()) as ComponentType<object> })),
}));

export const matchRoute = createMatcher(routes);

/** Starts a route's chunk and first requests together, e.g. from the entry before React renders. */
export function prefetchRoute(pathname: string): Promise<unknown> {
  const match = matchRoute(pathname);
  if (!match) return Promise.resolve();
  match.route.prefetch?.(match.params);
  return match.route.Component.preload();
}
