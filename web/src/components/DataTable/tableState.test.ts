import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  currentCursor,
  exportUrl,
  filterLabel,
  filterValues,
  firstPage,
  listParams,
  nextPage,
  prevPage,
  sortOrderOf,
  sortParam,
  stateFromSearch,
  stateToSearch,
  visibleColumnKeys,
  type TableState,
} from './tableState.ts';

const state: TableState = {
  filters: { role: 'admin', q: '', active: true, tags: [] },
  sort: '-createdAt',
  columns: null,
};

describe('sorting', () => {
  it('maps antd sort orders to sort=field / sort=-field and back', () => {
    expect(sortParam('email', 'ascend')).toBe('email');
    expect(sortParam('email', 'descend')).toBe('-email');
    expect(sortParam('email', null)).toBeNull();
    expect(sortOrderOf('-email', 'email')).toBe('descend');
    expect(sortOrderOf('email', 'email')).toBe('ascend');
    expect(sortOrderOf('-emailX', 'email')).toBeNull();
  });
});

describe('request params', () => {
  it('sends only active filters, sort, limit and cursor', () => {
    expect(activeFilters(state.filters)).toEqual({ role: 'admin', active: true });
    expect(listParams(state, 'c2', 25, { includeRevoked: true })).toEqual({
      includeRevoked: true,
      role: 'admin',
      active: true,
      sort: '-createdAt',
      limit: 25,
      cursor: 'c2',
    });
  });
  it('builds the export URL with the filters and visible columns', () => {
    expect(exportUrl('/api/users/export', { format: 'xlsx' }, state, ['displayName', 'email'])).toBe(
      '/api/users/export?format=xlsx&role=admin&active=true&sort=-createdAt&columns=displayName%2Cemail',
    );
    expect(
      exportUrl(
        '/api/audit/export',
        { format: 'csv', encoding: 'gb18030' },
        { filters: {}, sort: null, columns: null },
        ['at'],
      ),
    ).toBe('/api/audit/export?format=csv&encoding=gb18030&columns=at');
  });
});

describe('cursor stack', () => {
  it('pushes on Next and pops on Prev, never below the first page', () => {
    let stack = nextPage(firstPage, 'a');
    stack = nextPage(stack, 'b');
    expect(currentCursor(stack)).toBe('b');
    expect(nextPage(stack, null)).toBe(stack);
    stack = prevPage(stack);
    expect(currentCursor(stack)).toBe('a');
    expect(prevPage(prevPage(stack))).toEqual([null]);
    expect(currentCursor(firstPage)).toBeNull();
  });
});

describe('column visibility', () => {
  const all = [{ key: 'a' }, { key: 'b', hidden: true }, { key: 'c' }];
  it('uses defaults, or the chosen ones in definition order', () => {
    expect(visibleColumnKeys(all, null)).toEqual(['a', 'c']);
    expect(visibleColumnKeys(all, ['c', 'b'])).toEqual(['b', 'c']);
    expect(visibleColumnKeys(all, ['gone'])).toEqual(['a', 'c']);
  });
});

describe('URL state', () => {
  it('round-trips filters and sort', () => {
    const search = stateToSearch(state);
    expect(search.toString()).toBe('role=admin&active=true&sort=-createdAt');
    const base: TableState = { filters: {}, sort: 'displayName', columns: null };
    expect(stateFromSearch(new URLSearchParams('entityType=user&other=x'), ['entityType', 'entityId'], base)).toEqual({
      filters: { entityType: 'user' },
      sort: 'displayName',
      columns: null,
    });
  });
});

describe('multi-value filters', () => {
  it('reads a list or the URL’s comma list, and shows the options’ labels', () => {
    expect(filterValues(['new', 'loyal'])).toEqual(['new', 'loyal']);
    expect(filterValues('new, loyal,')).toEqual(['new', 'loyal']);
    expect(filterValues(null)).toEqual([]);
    const options = [
      { value: 'new', label: '新顾客' },
      { value: 'loyal', label: '忠诚' },
    ];
    expect(filterLabel('new,loyal', options, '、')).toBe('新顾客、忠诚');
    expect(filterLabel(['gone'], options, ', ')).toBe('gone');
  });

  it('keeps several values in the URL as one comma list', () => {
    const search = stateToSearch({ filters: { stage: ['new', 'loyal'] }, sort: null, columns: null });
    expect(search.toString()).toBe('stage=new%2Cloyal');
    const back = stateFromSearch(search, ['stage'], { filters: {}, sort: null, columns: null });
    expect(filterValues(back.filters.stage)).toEqual(['new', 'loyal']);
  });
});
