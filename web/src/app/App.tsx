import { Component, Suspense, useEffect, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { session, setUnauthorizedHandler, tokenStore } from './api/client.ts';
import { queryClient } from './api/queryClient.ts';
import type { LoginLocationState } from '../modules/auth/session.ts';
import { PageLoading } from './ui/PageLoading.tsx';
import { ToastHost } from './ui/toast.tsx';
import { useTranslation } from './i18n/index.ts';
import AppLayout from './layout/AppLayout.tsx';
import RouteError from './pages/RouteError.tsx';
import { matchRoute, routes } from './routes.tsx';
import {
  navigate,
  Navigate,
  ParamsProvider,
  RouterProvider,
  useLocation,
  useNavigationPending,
} from './routing/router.tsx';

/** A rejected token (expired session) goes back to /login with a notice, then the cache is dropped. */
function useUnauthorizedRedirect() {
  useEffect(
    () =>
      setUnauthorizedHandler(() => {
        const from = window.location.pathname + window.location.search;
        const state: LoginLocationState = { reason: 'expired', from: from.startsWith('/login') ? undefined : from };
        navigate('/login', { replace: true, state });
        setTimeout(() => queryClient.clear(), 0);
      }),
    [],
  );
}

interface BoundaryProps {
  resetKey: string;
  children: ReactNode;
}

/** Render errors and failed chunk loads show a reload screen instead of a blank page. */
class RouteErrorBoundary extends Component<BoundaryProps, { error: unknown; key: string }> {
  override state = { error: null as unknown, key: this.props.resetKey };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  static getDerivedStateFromProps(props: BoundaryProps, state: { error: unknown; key: string }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }
  override render() {
    return this.state.error ? <RouteError error={this.state.error} /> : this.props.children;
  }
}

function NavigationProgress() {
  const pending = useNavigationPending();
  const { t } = useTranslation();
  return pending ? <div className="nav-progress" role="progressbar" aria-label={t('app.loading')} /> : null;
}

function Routes() {
  const location = useLocation();
  useUnauthorizedRedirect();
  const match = matchRoute(location.pathname) ?? { route: routes.at(-1)!, params: {} };
  const { route, params } = match;
  if (!route.public && !tokenStore.get()) {
    const state: LoginLocationState = {
      from: location.pathname + location.search,
      reason: session.expired ? 'expired' : undefined,
    };
    return <Navigate to="/login" replace state={state} />;
  }
  const page = (
    <ParamsProvider params={params}>
      <RouteErrorBoundary resetKey={location.pathname}>
        <Suspense fallback={<PageLoading />}>
          <route.Component />
        </Suspense>
      </RouteErrorBoundary>
    </ParamsProvider>
  );
  return route.public ? page : <AppLayout>{page}</AppLayout>;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider>
        <NavigationProgress />
        <Routes />
        <ToastHost />
      </RouterProvider>
    </QueryClientProvider>
  );
}
