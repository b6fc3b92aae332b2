import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, Outlet, ScrollRestoration } from 'react-router-dom';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { UnauthorizedRedirect } from './auth/UnauthorizedRedirect.tsx';
import { PageLoading } from './components/PageLoading.tsx';
import { CustomerFilters } from './components/customers/CustomerFilters.tsx';
import { CustomerRows } from './components/customers/CustomerRows.tsx';
import AppLayout, { preloadAppLayout } from './layout/AppLayout.tsx';
import RouteError from './pages/RouteError.tsx';

/** Every screen is its own chunk, fetched when first navigated to. */
const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });

const comingSoon = (section: 'followups' | 'todos') => async () => {
  const { default: ComingSoonPage } = await import('./pages/ComingSoonPage.tsx');
  return { Component: () => <ComingSoonPage section={section} /> };
};

function Root() {
  return (
    <>
      <UnauthorizedRedirect />
      <ScrollRestoration />
      <Outlet />
    </>
  );
}

export const router = createBrowserRouter([
  {
    path: '/',
    element: <Root />,
    errorElement: <RouteError />,
    HydrateFallback: PageLoading,
    children: [
      { path: 'login', lazy: page(() => import('./pages/LoginPage.tsx')) },
      {
        element: <RequireAuth />,
        children: [
          {
            // The shell for this viewport loads in parallel with the page (no waterfall).
            lazy: async () => {
              await preloadAppLayout();
              return { Component: AppLayout };
            },
            children: [
              {
                // Errors inside a page keep the navigation around them.
                errorElement: <RouteError />,
                children: [
                  { index: true, element: <Navigate to="/customers" replace /> },
                  {
                    path: 'customers',
                    lazy: async () => {
                      const [module] = await Promise.all([
                        import('./pages/CustomerListPage.tsx'),
                        CustomerFilters.preload(),
                        CustomerRows.preload(),
                      ]);
                      return { Component: module.default };
                    },
                  },
                  { path: 'customers/:id', lazy: page(() => import('./pages/CustomerDetailPage.tsx')) },
                  { path: 'followups', lazy: comingSoon('followups') },
                  { path: 'todos', lazy: comingSoon('todos') },
                  { path: 'me', lazy: page(() => import('./pages/MePage.tsx')) },
                  { path: '*', lazy: page(() => import('./pages/NotFoundPage.tsx')) },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
]);
