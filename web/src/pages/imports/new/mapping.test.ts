import { describe, expect, it } from 'vitest';
import {
  doubleMapped,
  fromPayload,
  initialMapping,
  missingRequired,
  setTarget,
  startBody,
  toPayload,
  upsertKeyOptions,
} from './mapping.ts';

const partyFields = [
  'externalId',
  'displayName',
  'givenName',
  'familyName',
  'company',
  'emails',
  'phones',
  'birthday',
  'city',
  'tags',
].map((key) => ({ key, list: ['emails', 'phones', 'tags'].includes(key) }));
const headers = ['姓名', '手机', '邮箱', '公司', '所在城市'];
const suggested = { 姓名: 'displayName', 手机: 'phones', 邮箱: 'emails', 公司: 'company', 所在城市: null };

describe('mapping state and the start payload', () => {
  it('pre-fills suggested columns, marks them automatic and leaves unknown headers ignored', () => {
    const cols = initialMapping(headers, suggested);
    expect(cols.filter((c) => c.auto).map((c) => c.header)).toEqual(['姓名', '手机', '邮箱', '公司']);
    expect(cols.find((c) => c.header === '所在城市')).toEqual({ header: '所在城市', target: null, auto: false });
  });

  it('a hand-mapped column is no longer automatic; the payload names every header, ignored ones as null', () => {
    let cols = initialMapping(headers, suggested);
    cols = setTarget(cols, '所在城市', 'city');
    cols = setTarget(cols, '公司', null);
    expect(cols.find((c) => c.header === '所在城市')).toEqual({ header: '所在城市', target: 'city', auto: false });
    expect(toPayload(cols)).toEqual({
      姓名: 'displayName',
      手机: 'phones',
      邮箱: 'emails',
      公司: null,
      所在城市: 'city',
    });
  });

  it('round-trips a stored mapping; headers missing from it read as ignored', () => {
    const cols = fromPayload(headers, { 姓名: 'displayName', 邮箱: 'emails' });
    expect(toPayload(cols)).toEqual({ 姓名: 'displayName', 手机: null, 邮箱: 'emails', 公司: null, 所在城市: null });
  });

  it('builds the start body with only the options that apply', () => {
    const cols = initialMapping(headers, suggested);
    expect(startBody('parties', cols, { dryRun: true, upsertKey: 'email', role: 'partner' })).toEqual({
      mapping: toPayload(cols),
      dryRun: true,
      upsertKey: 'email',
      role: 'partner',
    });
    // No column maps to an external id: the key is dropped rather than refused by the server.
    expect(startBody('parties', cols, { dryRun: false, upsertKey: 'externalId' })).toEqual({
      mapping: toPayload(cols),
      dryRun: false,
    });
    // Roles are for parties; interactions never upsert.
    expect(startBody('interactions', cols, { dryRun: false, upsertKey: 'email', role: 'customer' })).toEqual({
      mapping: toPayload(cols),
      dryRun: false,
    });
  });
});

describe('required fields and upsert keys', () => {
  it('flags a parties import without any name column, and clears once one is mapped', () => {
    let cols = setTarget(setTarget(initialMapping(headers, suggested), '姓名', null), '公司', null);
    expect(missingRequired('parties', partyFields, cols)).toEqual([
      ['displayName', 'company', 'familyName', 'givenName'],
    ]);
    cols = setTarget(cols, '姓名', 'givenName');
    expect(missingRequired('parties', partyFields, cols)).toEqual([]);
  });

  it('flags interactions without a party reference, naming only fields the server offers', () => {
    const fields = ['partyEmail', 'partyName', 'subject'].map((key) => ({ key, list: false }));
    const cols = initialMapping(['主题'], { 主题: 'subject' });
    expect(missingRequired('interactions', fields, cols)).toEqual([['partyEmail', 'partyName']]);
  });

  it('ignores a requirement the server offers no field for (an entity it cannot import yet)', () => {
    expect(missingRequired('products', [], initialMapping(['x'], {}))).toEqual([]);
  });

  it('reports single-valued fields mapped twice, but lets several columns fill a list', () => {
    const cols = initialMapping(['手机', '电话', '姓名', '名称'], {
      手机: 'phones',
      电话: 'phones',
      姓名: 'displayName',
      名称: 'displayName',
    });
    expect(doubleMapped(partyFields, cols)).toEqual(['displayName']);
  });

  it('offers upsert keys by entity (external id only for products and transactions), and only for mapped columns', () => {
    const cols = initialMapping(headers, suggested);
    expect(upsertKeyOptions('parties', cols)).toEqual(['email', 'phone']);
    expect(upsertKeyOptions('employees', setTarget(cols, '所在城市', 'externalId'))).toEqual([
      'externalId',
      'email',
      'phone',
    ]);
    expect(upsertKeyOptions('interactions', cols)).toEqual([]);
    expect(upsertKeyOptions('transactions', setTarget(cols, '所在城市', 'externalId'))).toEqual(['externalId']);
    expect(upsertKeyOptions('products', cols)).toEqual([]);
  });
});
