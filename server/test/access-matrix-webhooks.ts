import { nextN, type Maker, type MatrixFixture } from './access-matrix-fixture.ts';

// Makers of the webhook rows (platform/webhooks/webhooks.access-matrix.ts): endpoints on a loopback address they do
// not allow, so pings are logged as refused without any connection.

export function webhooksMakers(fx: MatrixFixture): Record<string, Maker> {
  const endpoint = async () => {
    const w = await fx.ok<{ id: string; version: number }>('admin', 'POST', '/api/webhooks', {
      url: `http://127.0.0.1:9/matrix-${nextN()}`,
      events: ['party.*'],
    });
    return { id: w.id, version: w.version };
  };
  const attempt = async () => {
    const w = await endpoint();
    const d = await fx.ok<{ id: string }>('admin', 'POST', `/api/webhooks/${w.id}/ping`);
    return { id: d.id, version: 1 };
  };
  let sharedEndpoint: Promise<{ id: string; version: number }> | undefined;
  let sharedAttempt: Promise<{ id: string; version: number }> | undefined;
  return {
    webhook: { shared: () => (sharedEndpoint ??= endpoint()), fresh: endpoint },
    webhook_delivery: { shared: () => (sharedAttempt ??= attempt()), fresh: attempt },
  };
}
