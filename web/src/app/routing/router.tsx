/**
 * A small history router with the parts of react-router's API this app uses (Link, NavLink,
 * Navigate, useNavigate, useLocation, useParams, useSearchParams). react-router's declarative
 * mode alone is ~14 KB gzip; the phone customer-detail route has a 100 KB budget in total.
 *
 * Navigations run in a React transition, so the current screen stays up while the next route's
 * chunk loads (`useNavigationPending` drives the progress bar), and scroll positions are restored
 * on back/forward.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  useTransition,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

export interface Location {
  pathname: string;
  search: string;
  hash: string;
  /** What the navigating code passed as `state` (e.g. where to go after login). */
  state: unknown;
  key: string;
  /** Position in this tab's history; > 0 means "back" stays inside the app. */
  idx: number;
}

interface HistoryState {
  key: string;
  idx: number;
  usr?: unknown;
}

export interface NavigateOptions {
  replace?: boolean;
  state?: unknown;
  /** Keep the scroll position (e.g. when only the query string changes). */
  preventScrollReset?: boolean;
}

export type NavigateFunction = {
  (to: string, options?: NavigateOptions): void;
  (delta: number): void;
};

type Action = 'POP' | 'PUSH' | 'REPLACE';

const SCROLL_KEY = 'cairn.scroll';
const newKey = () => Math.random().toString(36).slice(2, 10);

function readLocation(): Location {
  const state = (window.history.state ?? {}) as Partial<HistoryState>;
  return {
    pathname: window.location.pathname,
    search: window.location.search,
    hash: window.location.hash,
    state: state.usr ?? null,
    key: state.key ?? 'default',
    idx: state.idx ?? 0,
  };
}

function readScrollPositions(): Record<string, number> {
  try {
    return JSON.parse(sessionStorage.getItem(SCROLL_KEY) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}
const scrollPositions = readScrollPositions();
function saveScroll(key: string) {
  scrollPositions[key] = window.scrollY;
  try {
    sessionStorage.setItem(SCROLL_KEY, JSON.stringify(scrollPositions));
  } catch {
    /* storage full or unavailable */
  }
}

// --- module-level history, so non-React code (the API client's 401 handler) can navigate too ---

let listener: ((location: Location, action: Action, preventScrollReset: boolean) => void) | null = null;
const beforeNavigate = new Set<(pathname: string) => void>();

if (typeof window !== 'undefined' && !(window.history.state as HistoryState | null)?.key) {
  window.history.replaceState({ key: newKey(), idx: 0 } satisfies HistoryState, '');
}

export const navigate: NavigateFunction = (to: string | number, options: NavigateOptions = {}) => {
  if (typeof to === 'number') {
    window.history.go(to);
    return;
  }
  const current = readLocation();
  saveScroll(current.key);
  const url = new URL(to, window.location.href);
  if (url.origin !== window.location.origin) {
    window.location.assign(url.href);
    return;
  }
  for (const callback of beforeNavigate) callback(url.pathname);
  const state: HistoryState = {
    key: newKey(),
    idx: options.replace ? current.idx : current.idx + 1,
    usr: options.state,
  };
  const href = url.pathname + url.search + url.hash;
  if (options.replace) window.history.replaceState(state, '', href);
  else window.history.pushState(state, '', href);
  listener?.(readLocation(), options.replace ? 'REPLACE' : 'PUSH', Boolean(options.preventScrollReset));
};

/** Lets the route table start a route's chunk and data the moment a navigation begins. */
export function onBeforeNavigate(callback: (pathname: string) => void): () => void {
  beforeNavigate.add(callback);
  return () => beforeNavigate.delete(callback);
}

// --- React bindings ---

interface RouterContextValue {
  location: Location;
  pending: boolean;
}

const RouterContext = createContext<RouterContextValue | null>(null);
const ParamsContext = createContext<Record<string, string>>({});

export function RouterProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<{ location: Location; action: Action; keepScroll: boolean }>(() => ({
    location: readLocation(),
    action: 'POP',
    keepScroll: true,
  }));
  const [pending, startTransition] = useTransition();
  // Assigned during render (idempotent), so a <Navigate> in the very first commit is already heard.
  listener = (location, action, keepScroll) => startTransition(() => setCurrent({ location, action, keepScroll }));

  useEffect(() => {
    const onPop = () => {
      const location = readLocation();
      for (const callback of beforeNavigate) callback(location.pathname);
      listener?.(location, 'POP', false);
    };
    const onHide = () => saveScroll(readLocation().key);
    window.addEventListener('popstate', onPop);
    window.addEventListener('pagehide', onHide);
    if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual';
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('pagehide', onHide);
    };
  }, []);

  useLayoutEffect(() => {
    const { location, action, keepScroll } = current;
    if (action === 'POP') {
      const top = scrollPositions[location.key];
      if (top !== undefined) {
        window.scrollTo(0, top);
        // Content that renders a frame later (cached queries) still gets its position back.
        requestAnimationFrame(() => window.scrollTo(0, top));
      }
    } else if (!keepScroll) {
      window.scrollTo(0, 0);
    }
  }, [current]);

  const value = useMemo(() => ({ location: current.location, pending }), [current.location, pending]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

function useRouter(): RouterContextValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('router hooks need <RouterProvider>');
  return value;
}

export const useLocation = () => useRouter().location;
/** True while the next screen's code is loading (the old screen is still shown). */
export const useNavigationPending = () => useRouter().pending;
export const useNavigate = (): NavigateFunction => navigate;
export const useParams = <T extends Record<string, string> = Record<string, string>>() =>
  useContext(ParamsContext) as Partial<T>;

export function ParamsProvider({ params, children }: { params: Record<string, string>; children: ReactNode }) {
  return <ParamsContext.Provider value={params}>{children}</ParamsContext.Provider>;
}

type SearchParamsInit = URLSearchParams | ((previous: URLSearchParams) => URLSearchParams);

export function useSearchParams(): [URLSearchParams, (next: SearchParamsInit, options?: NavigateOptions) => void] {
  const { search, pathname, hash } = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = useCallback(
    (next: SearchParamsInit, options: NavigateOptions = {}) => {
      const value = typeof next === 'function' ? next(new URLSearchParams(window.location.search)) : next;
      const text = value.toString();
      navigate(`${pathname}${text ? `?${text}` : ''}${hash}`, {
        preventScrollReset: true,
        ...options,
        state: options.state ?? readLocation().state,
      });
    },
    [pathname, hash],
  );
  return [params, setParams];
}

// --- route matching ---

export interface RouteMatch<R> {
  route: R;
  params: Record<string, string>;
}

interface Compiled<R> {
  route: R;
  pattern: RegExp;
  names: string[];
}

/** `/customers/:id/edit` style patterns; `*` matches anything. First match wins. */
export function createMatcher<R extends { path: string }>(
  routes: readonly R[],
): (pathname: string) => RouteMatch<R> | null {
  const compiled: Compiled<R>[] = routes.map((route) => {
    const names: string[] = [];
    if (route.path === '*') return { route, pattern: /^.*$/, names };
    const source = route.path
      .split('/')
      .map((segment) => {
        if (segment.startsWith(':')) {
          names.push(segment.slice(1));
          return '([^/]+)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    return { route, pattern: new RegExp(`^${source}/?$`), names };
  });
  return (pathname) => {
    for (const { route, pattern, names } of compiled) {
      const match = pattern.exec(pathname);
      if (!match) continue;
      const params: Record<string, string> = {};
      names.forEach((name, index) => {
        try {
          params[name] = decodeURIComponent(match[index + 1]!);
        } catch {
          params[name] = match[index + 1]!;
        }
      });
      return { route, params };
    }
    return null;
  };
}

// --- components ---

const isPlainClick = (event: MouseEvent<HTMLAnchorElement>, target?: string) =>
  event.button === 0 &&
  !event.defaultPrevented &&
  (!target || target === '_self') &&
  !event.metaKey &&
  !event.altKey &&
  !event.ctrlKey &&
  !event.shiftKey;

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  replace?: boolean;
  state?: unknown;
}

export function Link({ to, replace, state, onClick, target, ...rest }: LinkProps) {
  return (
    <a
      href={to}
      target={target}
      {...rest}
      onClick={(event) => {
        onClick?.(event);
        if (!isPlainClick(event, target)) return;
        event.preventDefault();
        navigate(to, { replace, state });
      }}
    />
  );
}

export interface NavLinkProps extends Omit<LinkProps, 'className'> {
  className?: string | ((state: { isActive: boolean }) => string);
  /** Only the exact path counts as active (default: the path and everything under it). */
  end?: boolean;
}

export function NavLink({ className, end, to, ...rest }: NavLinkProps) {
  const { pathname } = useLocation();
  const isActive = pathname === to || (!end && pathname.startsWith(to.endsWith('/') ? to : `${to}/`));
  return (
    <Link
      to={to}
      aria-current={isActive ? 'page' : undefined}
      className={typeof className === 'function' ? className({ isActive }) : className}
      {...rest}
    />
  );
}

/** Redirects as soon as it renders. */
export function Navigate({ to, replace, state }: { to: string; replace?: boolean; state?: unknown }) {
  useLayoutEffect(() => {
    navigate(to, { replace, state });
  }, [to, replace, state]);
  return null;
}
