import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Notification, NotificationPage, NotificationSettings } from '../../../api/types.ts';

export const notificationsKey = ['me', 'notifications'] as const;
const settingsKey = ['me', 'notification-settings'] as const;

/** The unread count for the bell; polled every minute while the tab is visible. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationsKey, 'count'],
    queryFn: ({ signal }) => api<{ unread: number }>('/api/notifications/count', { signal }),
    refetchInterval: 60_000,
    select: (d) => d.unread,
  });
}

/** The newest notifications, loaded when the list is opened. */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: [...notificationsKey, 'list'],
    queryFn: ({ signal }) => api<NotificationPage>('/api/notifications', { query: { limit: 30 }, signal }),
    enabled,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationsKey });
  const one = useMutation({
    mutationFn: (id: string) => api<Notification>(`/api/notifications/${id}/read`, { method: 'POST' }),
    onSettled: refresh,
  });
  const all = useMutation({
    mutationFn: () => api<{ updated: number }>('/api/notifications/read-all', { method: 'POST' }),
    onSettled: refresh,
  });
  return { one, all };
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api<NotificationSettings>('/api/notifications/settings', { signal }),
  });
}

export function usePutNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (emailDigest: boolean) =>
      api<NotificationSettings>('/api/notifications/settings', { method: 'PUT', body: { emailDigest } }),
    onSuccess: (data) => queryClient.setQueryData(settingsKey, data),
  });
}
