import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Webhook, WebhookDelivery, WebhookWithSecret } from '@tandem/server/api';
import { api } from '../../../api/client.ts';
import { listKey } from '../../../components/DataTable/index.ts';

// Webhook endpoints of the organisation (admin): the list and delivery log are DataTables on these endpoints.
export type { Webhook, WebhookDelivery, WebhookWithSecret };
export const webhooksEndpoint = '/api/webhooks';
export const deliveriesEndpoint = (id: string) => `/api/webhooks/${id}/deliveries`;

export interface WebhookValues {
  url: string;
  description?: string;
  events: string[];
  enabled: boolean;
  allowPrivate: boolean;
}

export const createWebhook = (values: WebhookValues) =>
  api<WebhookWithSecret>(webhooksEndpoint, { method: 'POST', body: values });
export const updateWebhook = (w: Webhook, values: Partial<WebhookValues>) =>
  api<Webhook>(`${webhooksEndpoint}/${w.id}`, { method: 'PATCH', body: { ...values, version: w.version } });

/** Refreshes the endpoint list and every delivery log after a write. */
function useRefresh() {
  const qc = useQueryClient();
  return () => {
    const [list] = listKey(webhooksEndpoint);
    void qc.invalidateQueries({
      predicate: (q) => {
        const endpoint = q.queryKey[1];
        return q.queryKey[0] === list && typeof endpoint === 'string' && endpoint.startsWith(webhooksEndpoint);
      },
    });
  };
}

export function useWebhookActions() {
  const refresh = useRefresh();
  return {
    refresh,
    rotate: useMutation({
      mutationFn: (w: Webhook) => api<WebhookWithSecret>(`${webhooksEndpoint}/${w.id}/rotate`, { method: 'POST' }),
      onSettled: refresh,
    }),
    ping: useMutation({
      mutationFn: (w: Webhook) => api<WebhookDelivery>(`${webhooksEndpoint}/${w.id}/ping`, { method: 'POST' }),
      onSettled: refresh,
    }),
    replay: useMutation({
      mutationFn: (d: WebhookDelivery) =>
        api<WebhookDelivery>(`/api/webhook-deliveries/${d.id}/replay`, { method: 'POST' }),
      onSettled: refresh,
    }),
    toggle: useMutation({
      mutationFn: (w: Webhook) => updateWebhook(w, { enabled: !w.enabled }),
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (w: Webhook) => api<void>(`${webhooksEndpoint}/${w.id}`, { method: 'DELETE' }),
      onSettled: refresh,
    }),
  };
}
