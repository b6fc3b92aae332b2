import { Suspense } from 'react';
import { PageLoading } from '../components/PageLoading.tsx';
import { responsive } from '../components/responsive.tsx';

/** Signed-in shell: sidebar + header on desktop, compact header + bottom tab bar under 768 px. */
const Shell = responsive<object>({
  mobile: () => import('./MobileLayout.tsx'),
  desktop: () => import('./DesktopLayout.tsx'),
});

export const preloadAppLayout = Shell.preload;

export default function AppLayout() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Shell />
    </Suspense>
  );
}
