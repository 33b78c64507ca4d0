import { expect } from 'vitest';
import type { Harness, Session } from './harness.ts';

// Helpers of the value analytics tests: customers owned by whoever creates them, purchases on given days (noon UTC).

export function valueFixture(h: Harness) {
  return {
    async customer(s: Session, name: string): Promise<string> {
      const res = await h
        .as(s)
        .post('/api/parties', { kind: 'person', displayName: name, roles: [{ role: 'customer' }] });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    },
    async buy(s: Session, partyId: string, day: string, amount: string, currency = 'CNY'): Promise<void> {
      const res = await h.as(s).post('/api/transactions', {
        partyId,
        occurredAt: `${day}T12:00:00Z`,
        amount,
        currency,
      });
      expect(res.statusCode, res.body).toBe(201);
    },
    put(s: Session, url: string, body: unknown) {
      return h.app.inject({
        method: 'PUT',
        url,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        payload: body as object,
      });
    },
  };
}
