import { use, type ComponentType } from 'react';
import { isMobileViewport, useIsMobile } from '../hooks/useIsMobile.ts';

type Loader<P> = () => Promise<{ default: ComponentType<P> }>;

export interface PreloadableComponent<P> {
  (props: P): React.JSX.Element | null;
  preload(): Promise<unknown>;
}

/**
 * Like React.lazy, but once the chunk has loaded (e.g. preloaded by the entry or the boot script) it
 * renders straight away instead of suspending for a tick; React 19 holds back a suspended boundary's
 * reveal for up to 300 ms, which the phone detail's time-to-content cannot afford.
 */
export function preloadable<P extends object>(load: Loader<P>): PreloadableComponent<P> {
  let Loaded: ComponentType<P> | null = null;
  let pending: Promise<unknown> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (module) => {
        Loaded = module.default;
      },
      (error: unknown) => {
        pending = null; // a failed chunk fetch may be retried
        throw error;
      },
    ));
  function Preloadable(props: P) {
    if (Loaded) return <Loaded {...props} />;
    use(preload());
    const Component = Loaded as ComponentType<P> | null; // set by the time use() returns
    return Component ? <Component {...props} /> : null;
  }
  Preloadable.preload = preload;
  return Preloadable as PreloadableComponent<P>;
}

export interface ResponsiveComponent<P> {
  (props: P): React.JSX.Element;
  /** Starts fetching the variant for the current viewport; call it early so it loads in parallel. */
  preload(): Promise<unknown>;
}

/**
 * One component, two chunks: phones never download the desktop variant (antd Table, Select …)
 * and desktops never download the phone one.
 */
export function responsive<P extends object>(loaders: {
  mobile: Loader<P>;
  desktop: Loader<P>;
}): ResponsiveComponent<P> {
  const Mobile = preloadable(loaders.mobile);
  const Desktop = preloadable(loaders.desktop);
  const Responsive = (props: P) => (useIsMobile() ? <Mobile {...props} /> : <Desktop {...props} />);
  Responsive.preload = () => (isMobileViewport() ? Mobile.preload() : Desktop.preload());
  return Responsive;
}
