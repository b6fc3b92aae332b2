import { Suspense, type ReactNode } from 'react';
import { PageLoading } from '../ui/PageLoading.tsx';
import { responsive } from '../ui/responsive.tsx';
import { loadMoreMessages } from '../i18n/index.ts';

interface ShellProps {
  children: ReactNode;
}

/** Signed-in shell: sidebar + header on desktop, compact header + bottom tab bar under 768 px. Neither needs antd. */
const Shell = responsive<ShellProps>({
  mobile: () => import('./MobileLayout.tsx'),
  desktop: async () => (await Promise.all([import('./DesktopLayout.tsx'), loadMoreMessages()]))[0],
});

export const preloadAppLayout = Shell.preload;

export default function AppLayout({ children }: ShellProps) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Shell>{children}</Shell>
    </Suspense>
  );
}
