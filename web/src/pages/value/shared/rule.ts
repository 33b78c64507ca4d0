// The segment builder's editing model: a tree of groups (all / any, optionally negated) and conditions, turned
// into the API's rule tree ({ and }, { or }, { not }, conditions) and back. Pure, unit-tested.
import type { SegmentCondition, SegmentRule } from './types.ts';

export type Field = SegmentCondition['field'];
export type ValueKind = 'list' | 'date' | 'days' | 'number' | 'none';

export interface Draft {
  field: Field;
  op: string;
  value?: unknown;
  /** Only for `stage`: the role whose stage counts. */
  role?: string;
}
export interface CondNode {
  kind: 'cond';
  id: number;
  draft: Draft;
}
export interface GroupNode {
  kind: 'group';
  id: number;
  op: 'and' | 'or';
  negate: boolean;
  items: EditorNode[];
}
export type EditorNode = CondNode | GroupNode;

/** Operators per field, the first being the default (rule.schema.ts on the server). */
export const fieldOps: Record<Field, string[]> = {
  kind: ['in'],
  role: ['in'],
  stage: ['in'],
  stakeholderGroup: ['in'],
  tags: ['any', 'all', 'none'],
  owner: ['in', 'none'],
  orgUnit: ['in'],
  party: ['in'],
  createdAt: ['after', 'before'],
  lastPurchase: ['withinDays', 'notWithinDays', 'after', 'before', 'never'],
  categoriesBought: ['any', 'all', 'none'],
  rfmSegment: ['in'],
  valueClass: ['in'],
  clv: ['gte', 'lte', 'eq'],
  monetary: ['gte', 'lte', 'eq'],
  frequency: ['gte', 'lte', 'eq'],
  recencyDays: ['lte', 'gte', 'eq'],
  r: ['gte', 'lte', 'eq'],
  f: ['gte', 'lte', 'eq'],
  m: ['gte', 'lte', 'eq'],
};
export const fields = Object.keys(fieldOps) as Field[];

/** What kind of value a field and operator take. */
export function valueKind(field: Field, op: string): ValueKind {
  if (op === 'none' || op === 'never') {
    return 'none';
  }
  if (field === 'createdAt' || (field === 'lastPurchase' && (op === 'before' || op === 'after'))) {
    return 'date';
  }
  if (field === 'lastPurchase') {
    return 'days';
  }
  if (['clv', 'monetary', 'frequency', 'recencyDays', 'r', 'f', 'm'].includes(field)) {
    return 'number';
  }
  return 'list';
}

let nextId = 1;
const id = () => nextId++;

export function newCondition(field: Field = 'role'): CondNode {
  const op = fieldOps[field][0] ?? 'in';
  const kind = valueKind(field, op);
  return { kind: 'cond', id: id(), draft: { field, op, value: kind === 'list' ? [] : undefined } };
}

export function newGroup(op: 'and' | 'or' = 'and', items: EditorNode[] = []): GroupNode {
  return { kind: 'group', id: id(), op, negate: false, items };
}

/** A draft changed to another field or operator keeps its value only when the value still fits. */
export function changeDraft(d: Draft, patch: Partial<Draft>): Draft {
  const field = patch.field ?? d.field;
  const ops = fieldOps[field];
  const op = patch.op && ops.includes(patch.op) ? patch.op : ops.includes(d.op) ? d.op : (ops[0] ?? 'in');
  const before = valueKind(d.field, d.op);
  const after = valueKind(field, op);
  const keep = before === after && field === d.field;
  const value = 'value' in patch ? patch.value : keep ? d.value : after === 'list' ? [] : undefined;
  const next: Draft = { field, op, value };
  const role = 'role' in patch ? patch.role : d.role;
  if (field === 'stage' && role) {
    next.role = role;
  }
  return next;
}

/** The API condition of a draft, or null while it is incomplete. */
export function toCondition(d: Draft): SegmentCondition | null {
  const kind = valueKind(d.field, d.op);
  const v = d.value;
  switch (kind) {
    case 'none':
      return { field: d.field, op: d.op } as SegmentCondition;
    case 'list': {
      if (!Array.isArray(v) || v.length === 0) {
        return null;
      }
      const cond = { field: d.field, op: d.op, value: v.map(String) } as SegmentCondition & { role?: string };
      if (d.field === 'stage' && d.role) {
        cond.role = d.role;
      }
      return cond;
    }
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? ({ field: d.field, op: d.op, value: v } as SegmentCondition)
        : null;
    case 'days':
      return typeof v === 'number' && Number.isInteger(v) && v >= 1
        ? ({ field: d.field, op: d.op, value: v } as SegmentCondition)
        : null;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v)
        ? ({ field: d.field, op: d.op, value: v } as SegmentCondition)
        : null;
  }
}

/** The API rule of an editor tree, leaving out incomplete conditions and empty groups; null when nothing is left. */
export function toRule(node: EditorNode): SegmentRule | null {
  if (node.kind === 'cond') {
    return toCondition(node.draft);
  }
  const parts = node.items.map(toRule).filter((r): r is SegmentRule => r !== null);
  if (parts.length === 0) {
    return null;
  }
  const inner: SegmentRule =
    parts.length === 1 && parts[0] ? parts[0] : node.op === 'and' ? { and: parts } : { or: parts };
  return node.negate ? { not: inner } : inner;
}

/** An editor tree for an API rule (the top is always a group). */
export function fromRule(rule: SegmentRule): GroupNode {
  const node = toNode(rule);
  return node.kind === 'group' ? node : newGroup('and', [node]);
}

function toNode(rule: SegmentRule): EditorNode {
  if ('and' in rule) {
    return newGroup('and', rule.and.map(toNode));
  }
  if ('or' in rule) {
    return newGroup('or', rule.or.map(toNode));
  }
  if ('not' in rule) {
    const inner = toNode(rule.not);
    const group = inner.kind === 'group' && !inner.negate ? inner : newGroup('and', [inner]);
    return { ...group, negate: true };
  }
  const draft: Draft = { field: rule.field, op: rule.op, value: 'value' in rule ? rule.value : undefined };
  if (rule.field === 'stage' && rule.role) {
    draft.role = rule.role;
  }
  return { kind: 'cond', id: id(), draft };
}

/** Replaces the node with `targetId` (anywhere in the tree) by what `edit` returns; null removes it. */
export function editNode(root: GroupNode, targetId: number, edit: (n: EditorNode) => EditorNode | null): GroupNode {
  const visit = (node: EditorNode): EditorNode | null => {
    if (node.id === targetId) {
      return edit(node);
    }
    if (node.kind === 'group') {
      const items = node.items.map(visit).filter((n): n is EditorNode => n !== null);
      return { ...node, items };
    }
    return node;
  };
  const out = visit(root);
  return out && out.kind === 'group' ? out : newGroup();
}

/** Adds a node to the group with `groupId`. */
export function addTo(root: GroupNode, groupId: number, node: EditorNode): GroupNode {
  return editNode(root, groupId, (g) => (g.kind === 'group' ? { ...g, items: [...g.items, node] } : g));
}

/** How deep a tree nests (the server allows 6 levels) and how many nodes it has (at most 60). */
export function shape(rule: SegmentRule | null): { depth: number; nodes: number } {
  if (!rule) {
    return { depth: 0, nodes: 0 };
  }
  const kids = 'and' in rule ? rule.and : 'or' in rule ? rule.or : 'not' in rule ? [rule.not] : [];
  const inner = kids.map(shape);
  return {
    depth: 1 + Math.max(0, ...inner.map((s) => s.depth)),
    nodes: 1 + inner.reduce((n, s) => n + s.nodes, 0),
  };
}
