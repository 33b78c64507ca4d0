import { useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router-dom';
import { createQueryClient } from './api/queryClient.ts';
import { SessionBridge } from './auth/SessionBridge.tsx';
import { ErrorBoundary } from './components/feedback/ErrorBoundary.tsx';
import { ToastProvider } from './components/feedback/toast.tsx';
import { LocaleProvider } from './i18n/LocaleProvider.tsx';
import { router } from './routes.tsx';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <ToastProvider>
          <ErrorBoundary>
            <SessionBridge />
            <RouterProvider router={router} />
          </ErrorBoundary>
        </ToastProvider>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
