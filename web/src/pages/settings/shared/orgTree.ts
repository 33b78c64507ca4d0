import type { OrgUnit } from '../../../api/types.ts';

export interface OrgTreeNode {
  key: string;
  title: string;
  unit: OrgUnit;
  children: OrgTreeNode[];
}

/**
 * Builds the org tree from the flat list, children sorted by name. Units whose parent is missing
 * (or that sit in a cycle) are shown at the top level rather than lost.
 */
export function buildOrgTree(units: OrgUnit[], locale = 'en'): OrgTreeNode[] {
  const nodes = new Map<string, OrgTreeNode>(
    units.map((u) => [u.id, { key: u.id, title: u.name, unit: u, children: [] }]),
  );
  const roots: OrgTreeNode[] = [];
  const reachesRoot = (unit: OrgUnit): boolean => {
    const seen = new Set<string>([unit.id]);
    let parentId = unit.parentId;
    while (parentId) {
      if (seen.has(parentId)) {
        return false;
      }
      seen.add(parentId);
      const parent = nodes.get(parentId);
      if (!parent) {
        return true;
      }
      parentId = parent.unit.parentId;
    }
    return true;
  };
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent && reachesRoot(node.unit)) {
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  const collator = new Intl.Collator(locale);
  const sort = (list: OrgTreeNode[]) => {
    list.sort((a, b) => collator.compare(a.title, b.title));
    list.forEach((n) => sort(n.children));
    return list;
  };
  return sort(roots);
}

/** `Company / Sales / East` for a unit. */
export function orgPath(units: OrgUnit[], id: string | null | undefined): string {
  const byId = new Map(units.map((u) => [u.id, u]));
  const names: string[] = [];
  const seen = new Set<string>();
  let current = id ? byId.get(id) : undefined;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return names.join(' / ');
}
