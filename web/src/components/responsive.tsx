import { lazy, type ComponentType } from 'react';
import { MOBILE_QUERY, useIsMobile } from '../hooks/useIsMobile.ts';

type Loader<P> = () => Promise<{ default: ComponentType<P> }>;

export interface ResponsiveComponent<P> {
  (props: P): React.JSX.Element;
  /** Starts fetching the variant for the current viewport; call it from a route's lazy() so it loads in parallel. */
  preload(): Promise<unknown>;
}

/**
 * One component, two chunks: phones never download the desktop variant (antd Table, Select, Menu …)
 * and desktops never download the phone one.
 */
export function responsive<P extends object>(loaders: { mobile: Loader<P>; desktop: Loader<P> }): ResponsiveComponent<P> {
  const Mobile = lazy(loaders.mobile);
  const Desktop = lazy(loaders.desktop);
  const Responsive = (props: P) => (useIsMobile() ? <Mobile {...props} /> : <Desktop {...props} />);
  Responsive.preload = () => (window.matchMedia(MOBILE_QUERY).matches ? loaders.mobile() : loaders.desktop());
  return Responsive;
}
