import { useState } from 'react';
import { App as AntApp } from 'antd';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router-dom';
import { createQueryClient } from './api/queryClient.ts';
import { SessionBridge } from './auth/SessionBridge.tsx';
import { ErrorBoundary } from './components/feedback/ErrorBoundary.tsx';
import { LocaleProvider } from './i18n/LocaleProvider.tsx';
import { router } from './routes.tsx';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <AntApp>
          <ErrorBoundary>
            <SessionBridge />
            <RouterProvider router={router} />
          </ErrorBoundary>
        </AntApp>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
