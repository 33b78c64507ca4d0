import { createContext, useContext, type ReactNode } from 'react';
import { message } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';

const ToastContext = createContext<MessageInstance | null>(null);

/**
 * Context-aware toasts (themed and localized by ConfigProvider). Used instead of antd's <App>,
 * which would also pull Modal and Notification into the initial bundle.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [api, holder] = message.useMessage();
  return (
    <ToastContext.Provider value={api}>
      {holder}
      {children}
    </ToastContext.Provider>
  );
}

export function useToast(): MessageInstance {
  const api = useContext(ToastContext);
  if (!api) {
    throw new Error('useToast() needs <ToastProvider>');
  }
  return api;
}
