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
import { prefetchRoute, routes, type AppRoute } from './routes.tsx';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { I18nProvider } from '@lingui/react';
import { i18n } from './i18n/index.ts';
import { AppRouter, navigate, useNavigationPending } from './routing/router.tsx';
import { RoutePrefetchContext } from './routing/prefetch.ts';

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

/** A route's page: behind the sign-in (unless public), in the shell, with its error boundary. */
function RoutePage({ route }: { route: AppRoute }) {
  const [pathname] = useLocation();
  const search = useSearch();
  if (!route.public && !tokenStore.get()) {
    const state: LoginLocationState = {
      from: pathname + (search ? `?${search}` : ''),
      reason: session.expired ? 'expired' : undefined,
    };
    return <Redirect to="/login" replace state={state} />;
  }
  const page = (
    <RouteErrorBoundary resetKey={pathname}>
      <Suspense fallback={<PageLoading />}>
        <route.Component />
      </Suspense>
    </RouteErrorBoundary>
  );
  return route.public ? page : <AppLayout>{page}</AppLayout>;
}

function Routes() {
  useUnauthorizedRedirect();
  return (
    <Switch>
      {routes.map((route) => (
        <Route key={route.path} path={route.path === '*' ? undefined : route.path}>
          <RoutePage route={route} />
        </Route>
      ))}
    </Switch>
  );
}

export function App() {
  return (
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RoutePrefetchContext.Provider value={prefetchRoute}>
          <AppRouter>
            <NavigationProgress />
            <Routes />
            <ToastHost />
          </AppRouter>
        </RoutePrefetchContext.Provider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
