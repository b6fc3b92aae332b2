import type { ReactNode } from 'react';
import { ConfigProvider, type ThemeConfig } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api/client.ts';
import { useIsMobile } from './hooks/useIsMobile.ts';
import { antdLocaleFor } from './i18n/index.ts';
import { router } from './router.tsx';

/** Client errors (4xx) will not change on retry; network and server errors get two more tries. */
const shouldRetry = (failureCount: number, error: unknown) =>
  failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: shouldRetry },
    mutations: { retry: false },
  },
});

const theme: ThemeConfig = {
  token: { colorPrimary: '#1f6f5c', borderRadius: 6 },
};

function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <ConfigProvider locale={antdLocaleFor(i18n.language)} theme={theme} componentSize={isMobile ? 'large' : 'middle'}>
      {children}
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AntdProvider>
        <RouterProvider router={router} />
      </AntdProvider>
    </QueryClientProvider>
  );
}
