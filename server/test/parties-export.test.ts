import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';

const h = await setup();

describe('party export', () => {
  it('exports only what the caller sees, with the list filters, in UTF-8 with BOM', async () => {
    const a = await h.user(['agent']);
    const b = await h.user(['agent']);
    const mk = (s: typeof a, name: string, stage: string) =>
      h.as(s).post('/api/parties', {
        kind: 'person',
        displayName: name,
        phones: ['13800138000'],
        roles: [{ role: 'customer', stage }],
      });
    expect((await mk(a, '张伟甲', 'new')).statusCode).toBe(201);
    expect((await mk(a, '李娜乙', 'loyal')).statusCode).toBe(201);
    expect((await mk(b, '王芳丙', 'new')).statusCode).toBe(201);

    const mine = await h.as(a).get('/api/parties/export?raw=true&columns=displayName,roles');
    expect(mine.statusCode).toBe(200);
    expect([...mine.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = mine.rawPayload.subarray(3).toString('utf8').trim().split('\n').slice(1).sort();
    expect(lines).toEqual(['张伟甲,customer:new', '李娜乙,customer:loyal'].sort());

    const filtered = (await h.as(a).get('/api/parties/export?raw=true&stage=new&columns=displayName')).rawPayload
      .subarray(3)
      .toString('utf8');
    expect(filtered.trim().split('\n')).toEqual(['displayName', '张伟甲']);

    const all = (await h.as(h.org.admin).get('/api/parties/export?raw=true&columns=displayName')).rawPayload
      .subarray(3)
      .toString('utf8');
    expect(all).toContain('王芳丙');
    expect((await h.as(a).get('/api/parties/export?columns=salary')).statusCode).toBe(400);
  });
});
