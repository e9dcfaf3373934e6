import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhTW from 'antd/locale/zh_TW';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/client.ts';
import { SESSION_KEY } from './api/session.ts';
import { AppRoutes } from './routes.tsx';

/** A request answered "not logged in" (session expired or ended elsewhere): forget the session, so the router shows the login page. */
function onUnauthenticated(error: unknown): void {
  if (error instanceof ApiError && error.status === 401 && error.problem.code === 'UNAUTHENTICATED') {
    if (queryClient.getQueryData(SESSION_KEY)) queryClient.setQueryData(SESSION_KEY, null);
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthenticated }),
  mutationCache: new MutationCache({ onError: onUnauthenticated }),
  defaultOptions: {
    queries: {
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      button={{ autoInsertSpace: false }}
      locale={i18n.language === 'en' ? enUS : zhTW}
      theme={{
        components: {
          Menu: { itemSelectedBg: '#e6f4f1', itemSelectedColor: '#0f766e', itemActiveBg: '#f0f7f5' },
        },
        token: {
          colorPrimary: '#0f766e',
          colorLink: '#0f766e',
          fontFamily:
            "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Noto Sans TC', 'Noto Sans CJK TC', 'PingFang TC', 'Microsoft JhengHei', sans-serif",
        },
      }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
