import { describe, expect, it } from 'vitest';
import { toPdcaBody, toVisionBody } from './programForm.ts';

const pdca = {
  title: ' Faster onboarding ',
  orgUnitId: 'u1',
  owner: ['p1', 'p2'],
  goal: ' New hires productive in 30 days ',
  measures: [{ text: 'Days to first deal', target: ' 30 ', actual: '' }],
  startsOn: '2026-01-01',
  endsOn: null,
  notes: '  ',
};

describe('the PDCA form', () => {
  it('creates with the unit and the last picked owner', () => {
    expect(toPdcaBody(pdca, null)).toEqual({
      title: 'Faster onboarding',
      orgUnitId: 'u1',
      ownerPartyId: 'p2',
      goal: 'New hires productive in 30 days',
      measures: [{ text: 'Days to first deal', target: '30' }],
      startsOn: '2026-01-01',
      endsOn: null,
      notes: null,
    });
  });

  it('edits without the unit, with the version, and a status only when it moves', () => {
    const same = toPdcaBody({ ...pdca, status: 'do' }, { status: 'do', version: 3 });
    expect(same).not.toHaveProperty('orgUnitId');
    expect(same).not.toHaveProperty('status');
    expect(same.version).toBe(3);
    expect(toPdcaBody({ ...pdca, status: 'check' }, { status: 'do', version: 3 })).toMatchObject({ status: 'check' });
  });
});

describe('the vision review form', () => {
  const v = { orgUnitId: null, year: 2026, vision: ' Be the trusted advisor ', changes: '', reviewedOn: '2026-03-01' };
  it('creates for a unit (or the organisation) and a year', () => {
    expect(toVisionBody(v, null)).toEqual({
      orgUnitId: null,
      year: 2026,
      vision: 'Be the trusted advisor',
      changes: null,
      participantPartyIds: [],
      reviewedOn: '2026-03-01',
    });
  });
  it('edits the rest with the version', () => {
    const body = toVisionBody({ ...v, changes: 'Added service' }, { version: 2 });
    expect(body).toEqual({
      version: 2,
      vision: 'Be the trusted advisor',
      changes: 'Added service',
      participantPartyIds: [],
      reviewedOn: '2026-03-01',
    });
  });
});
