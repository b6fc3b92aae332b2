import { useSyncExternalStore } from 'react';

/** Phones: the layout swaps the sidebar for a bottom tab bar and tables for cards below 768 px. */
export const MOBILE_QUERY = '(max-width: 767.98px)';

let mediaQuery: MediaQueryList | null = null;
const getMediaQuery = () => (mediaQuery ??= window.matchMedia(MOBILE_QUERY));

export const isMobileViewport = () => getMediaQuery().matches;

function subscribe(onChange: () => void) {
  const query = getMediaQuery();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useIsMobile(): boolean {
  return useSyncExternalStore(subscribe, isMobileViewport, () => false);
}
