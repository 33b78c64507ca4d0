import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../../../api/types.ts';
import { buildOrgTree, orgPath, type OrgTreeNode } from './orgTree.ts';

const unit = (id: string, name: string, parentId: string | null = null): OrgUnit => ({
  id,
  name,
  parentId,
  managerUserId: null,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
  version: 1,
});
const shape = (nodes: OrgTreeNode[]): unknown =>
  nodes.map((n) => (n.children.length ? { [n.title]: shape(n.children) } : n.title));

describe('buildOrgTree', () => {
  it('nests children under parents, sorted by name', () => {
    const units = [
      unit('s', 'Sales', 'c'),
      unit('c', 'Company'),
      unit('h', 'HR', 'c'),
      unit('e', 'East', 's'),
      unit('w', 'Accounts', 's'),
    ];
    expect(shape(buildOrgTree(units))).toEqual([{ Company: ['HR', { Sales: ['Accounts', 'East'] }] }]);
  });
  it('keeps orphans and cycles at the top level', () => {
    const units = [unit('a', 'A', 'gone'), unit('x', 'X', 'y'), unit('y', 'Y', 'x')];
    expect(shape(buildOrgTree(units))).toEqual(['A', 'X', 'Y']);
  });
});

describe('orgPath', () => {
  it('joins ancestor names', () => {
    const units = [unit('c', '总公司'), unit('s', '销售部', 'c'), unit('e', '华东区', 's')];
    expect(orgPath(units, 'e')).toBe('总公司 / 销售部 / 华东区');
    expect(orgPath(units, null)).toBe('');
  });
});
