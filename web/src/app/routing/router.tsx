/**
 * Routing on wouter, plus what it leaves to the app, in a few lines each:
 *   - navigations run in a React transition, so the current screen stays up while the next route's
 *     chunk loads (`useNavigationPending` drives the progress bar);
 *   - scroll positions are restored on back/forward, and a new page starts at the top (a change of
 *     the query string alone keeps the position);
 *   - each history entry carries a key, its position in this tab's history and the caller's state.
 * Pages use wouter directly (`Link`, `useParams`, `useSearchParams`, `Redirect`); code outside React
 * navigates with `navigate()`.
 */
import {
  createContext,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useTransition,
  type AnchorHTMLAttributes,
  type ReactNode,
} from 'react';
import { Link, Router, useLocation } from 'wouter';
import { navigate as browserNavigate } from 'wouter/use-browser-location';

/** What this app keeps in `history.state`. */
export interface HistoryEntry {
  key: string;
  /** Position in this tab's history; > 0 means "back" stays inside the app. */
  idx: number;
  /** What the navigating code passed as `state` (e.g. where to go after login). */
  usr?: unknown;
}

export interface NavigateOptions {
  replace?: boolean;
  state?: unknown;
}

const SCROLL_KEY = 'cairn.scroll';
const newKey = () => Math.random().toString(36).slice(2, 10);
export const currentEntry = (): HistoryEntry => {
  const state = window.history.state as Partial<HistoryEntry> | null;
  return { key: state?.key ?? 'default', idx: state?.idx ?? 0, usr: state?.usr };
};

function readScrollPositions(): Record<string, number> {
  try {
    return JSON.parse(sessionStorage.getItem(SCROLL_KEY) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}
const scrollPositions = readScrollPositions();
function saveScroll() {
  scrollPositions[currentEntry().key] = window.scrollY;
  try {
    sessionStorage.setItem(SCROLL_KEY, JSON.stringify(scrollPositions));
  } catch {
    /* storage full or unavailable */
  }
}

if (typeof window !== 'undefined' && !(window.history.state as HistoryEntry | null)?.key)
  window.history.replaceState({ key: newKey(), idx: 0 } satisfies HistoryEntry, '');

/** Goes to an app path (or `delta` steps through history), keeping the entry's key, position and state. */
export function navigate(to: string | number, options: NavigateOptions = {}): void {
  if (typeof to === 'number') return window.history.go(to);
  saveScroll();
  const current = currentEntry();
  const state: HistoryEntry = {
    key: newKey(),
    idx: options.replace ? current.idx : current.idx + 1,
    usr: options.state,
  };
  browserNavigate(to, { replace: options.replace, state });
}

interface Snapshot {
  pathname: string;
  search: string;
  entry: HistoryEntry;
  /** How we got here: back/forward restores the scroll position. */
  pop: boolean;
}

const read = (pop: boolean): Snapshot => ({
  pathname: window.location.pathname,
  search: window.location.search,
  entry: currentEntry(),
  pop,
});

const SnapshotContext = createContext<Snapshot | null>(null);
const PendingContext = createContext(false);

function useSnapshot(): Snapshot {
  const snapshot = useContext(SnapshotContext);
  if (!snapshot) throw new Error('routing hooks need <AppRouter>');
  return snapshot;
}

/** wouter's location hooks, served from the transition-updated snapshot. */
const useAppLocation = (): [string, typeof navigate] => [useSnapshot().pathname, navigate];
const useAppSearch = () => useSnapshot().search;

export function AppRouter({ children }: { children: ReactNode }) {
  const [snapshot, setSnapshot] = useState(() => read(true));
  const [pending, startTransition] = useTransition();
  const previous = useRef(snapshot);

  useLayoutEffect(() => {
    const update = (event: Event) => startTransition(() => setSnapshot(read(event.type === 'popstate')));
    const events = ['popstate', 'pushState', 'replaceState'];
    events.forEach((name) => window.addEventListener(name, update));
    window.addEventListener('pagehide', saveScroll);
    if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual';
    // A <Redirect> in the first commit navigated before this listener existed.
    if (window.location.pathname + window.location.search !== snapshot.pathname + snapshot.search)
      setSnapshot(read(false));
    return () => {
      events.forEach((name) => window.removeEventListener(name, update));
      window.removeEventListener('pagehide', saveScroll);
    };
  }, []);

  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = snapshot;
    if (snapshot.pop) {
      const top = scrollPositions[snapshot.entry.key];
      if (top === undefined) return;
      window.scrollTo(0, top);
      // Content that renders a frame later (cached queries) still gets its position back.
      requestAnimationFrame(() => window.scrollTo(0, top));
    } else if (snapshot.pathname !== before.pathname) {
      window.scrollTo(0, 0);
    }
  }, [snapshot]);

  return (
    <SnapshotContext.Provider value={snapshot}>
      <PendingContext.Provider value={pending}>
        <Router hook={useAppLocation} searchHook={useAppSearch}>
          {children}
        </Router>
      </PendingContext.Provider>
    </SnapshotContext.Provider>
  );
}

/** True while the next screen's code is loading (the old screen is still shown). */
export const useNavigationPending = () => useContext(PendingContext);

/** The `state` the navigation to the current entry passed along. */
export const useNavigationState = <T,>(): T | undefined => useSnapshot().entry.usr as T | undefined;

/** Active for its path and everything under it (`end`: the exact path only). */
export function isActivePath(pathname: string, to: string, end = false): boolean {
  return pathname === to || (!end && pathname.startsWith(to.endsWith('/') ? to : `${to}/`));
}

export interface NavLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'className' | 'href'> {
  to: string;
  className?: string | ((state: { isActive: boolean }) => string);
  end?: boolean;
}

/** A link that knows whether it points at the current page (`aria-current="page"`). */
export function NavLink({ className, end, to, ...rest }: NavLinkProps) {
  const [pathname] = useLocation();
  const isActive = isActivePath(pathname, to, end);
  const cls = useMemo(
    () => (typeof className === 'function' ? className({ isActive }) : className),
    [className, isActive],
  );
  return <Link to={to} aria-current={isActive ? 'page' : undefined} className={cls} {...rest} />;
}
