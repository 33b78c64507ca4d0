import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';

const h = await setup();
const admin = () => h.as(h.org.admin);

describe('parties: gender and address on the party page', () => {
  it('edits gender and address with the version, audits both, and refuses bad values on the field', async () => {
    const created = await admin().post('/api/parties', {
      kind: 'person',
      displayName: '王芳',
      gender: 'female',
      address: { text: '上海市徐汇区漕溪北路 88 号' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ gender: 'female', address: { text: '上海市徐汇区漕溪北路 88 号' } });

    const updated = await admin().patch(`/api/parties/${p.id}`, {
      gender: 'undisclosed',
      address: { text: '上海市徐汇区漕溪北路 88 号', city: '上海', postalCode: '200030' },
      version: p.version,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      gender: 'undisclosed',
      address: { text: '上海市徐汇区漕溪北路 88 号', city: '上海', postalCode: '200030' },
      version: p.version + 1,
    });

    const audit = await admin().get(`/api/audit?entityType=party&entityId=${p.id}&action=update`);
    expect(audit.statusCode).toBe(200);
    const [entry] = audit.json().items as { before: Record<string, unknown>; after: Record<string, unknown> }[];
    expect(entry?.before).toMatchObject({ gender: 'female' });
    expect(entry?.after).toMatchObject({ gender: 'undisclosed', address: { city: '上海', postalCode: '200030' } });

    const badGender = await admin().patch(`/api/parties/${p.id}`, { gender: 'f', version: p.version + 1 });
    expect(badGender.statusCode).toBe(400);
    expect(badGender.json().error.details[0].path).toEqual(['body', 'gender']);
    const longCode = await admin().patch(`/api/parties/${p.id}`, {
      address: { postalCode: '1'.repeat(21) },
      version: p.version + 1,
    });
    expect(longCode.statusCode).toBe(400);
    expect(longCode.json().error.details[0].path).toEqual(['body', 'address', 'postalCode']);
    const unknownPart = await admin().patch(`/api/parties/${p.id}`, {
      address: { planet: 'Mars' },
      version: p.version + 1,
    });
    expect(unknownPart.statusCode).toBe(400);

    // Clearing both stores nulls.
    const cleared = await admin().patch(`/api/parties/${p.id}`, {
      gender: null,
      address: null,
      version: p.version + 1,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ gender: null, address: null });
  });
});
