import { z } from 'zod';
import { isoDate } from '../../../platform/http/common.schema.ts';
import { partyKindNames, partyRoleNames, stagesOf } from '../../parties/index.ts';

// A segment's rule tree (docs/metrics.md "Segments"): and / or / not over conditions on known fields with known
// operators only. Size and depth are checked before the tree is parsed, so a deep body never recurses far.

/** At most this many nodes (groups and conditions) in one tree, nested at most this deep. */
export const RULE_MAX_NODES = 60;
export const RULE_MAX_DEPTH = 6;
const LIST_MAX = 200;
/** Parties added by hand (the list's "add to segment"): one explicit list per rule, at most this many. */
export const SEGMENT_PARTIES_MAX = 5000;

const stageNames = [...new Set(partyRoleNames.flatMap((r) => stagesOf(r)))] as [string, ...string[]];
const key = z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ or -, at most 63');
const label = z.string().trim().min(1).max(100);
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(LIST_MAX);
const sets = z.enum(['any', 'all', 'none']);
const numeric = z.enum(['gte', 'lte', 'eq']);

/** Fields read from the latest value snapshot (never recomputed by a segment). */
export const snapshotNumberFields = ['clv', 'monetary', 'frequency', 'recencyDays', 'r', 'f', 'm'] as const;
export type SnapshotNumberField = (typeof snapshotNumberFields)[number];

export const conditionSchema = z.union([
  z.object({ field: z.literal('kind'), op: z.literal('in'), value: list(z.enum(partyKindNames)) }).strict(),
  z.object({ field: z.literal('role'), op: z.literal('in'), value: list(z.enum(partyRoleNames)) }).strict(),
  z
    .object({
      field: z.literal('stage'),
      op: z.literal('in'),
      value: list(z.enum(stageNames)),
      role: z.enum(partyRoleNames).optional().describe('Only the stage of this role (default: any current role)'),
    })
    .strict(),
  z.object({ field: z.literal('stakeholderGroup'), op: z.literal('in'), value: list(key) }).strict(),
  z.object({ field: z.literal('tags'), op: sets, value: list(label) }).strict(),
  z.object({ field: z.literal('owner'), op: z.literal('in'), value: list(z.uuid()) }).strict(),
  z.object({ field: z.literal('owner'), op: z.literal('none') }).strict(),
  z.object({ field: z.literal('orgUnit'), op: z.literal('in'), value: list(z.uuid()) }).strict(),
  z
    .object({
      field: z.literal('party'),
      op: z.literal('in'),
      value: z.array(z.uuid()).min(1).max(SEGMENT_PARTIES_MAX),
    })
    .strict()
    .describe('Parties added by hand (POST /api/segments/:id/members)'),
  z.object({ field: z.literal('createdAt'), op: z.enum(['before', 'after']), value: isoDate }).strict(),
  z.object({ field: z.literal('lastPurchase'), op: z.enum(['before', 'after']), value: isoDate }).strict(),
  z
    .object({
      field: z.literal('lastPurchase'),
      op: z.enum(['withinDays', 'notWithinDays']),
      value: z.number().int().min(1).max(36500),
    })
    .strict(),
  z.object({ field: z.literal('lastPurchase'), op: z.literal('never') }).strict(),
  z.object({ field: z.literal('categoriesBought'), op: sets, value: list(label) }).strict(),
  z.object({ field: z.literal('rfmSegment'), op: z.literal('in'), value: list(key) }).strict(),
  z.object({ field: z.literal('valueClass'), op: z.literal('in'), value: list(key) }).strict(),
  z
    .object({
      field: z.enum(snapshotNumberFields),
      op: numeric,
      value: z.number().min(-1e12).max(1e12),
    })
    .strict(),
]);
export type Condition = z.infer<typeof conditionSchema>;

export type SegmentRule = { and: SegmentRule[] } | { or: SegmentRule[] } | { not: SegmentRule } | Condition;

// Named, so that OpenAPI refers to the recursion by a component of its own.
const treeSchema: z.ZodType<SegmentRule> = z
  .lazy(() =>
    z.union([
      z.object({ and: z.array(treeSchema).min(1) }).strict(),
      z.object({ or: z.array(treeSchema).min(1) }).strict(),
      z.object({ not: treeSchema }).strict(),
      conditionSchema,
    ]),
  )
  .meta({ id: 'SegmentRuleNode' });

/** Depth and node count of a JSON value read as a rule tree, without recursion; stops counting past the limits. */
export function treeShape(value: unknown): { depth: number; nodes: number } {
  const stack: [unknown, number][] = [[value, 1]];
  let depth = 0;
  let nodes = 0;
  while (stack.length && nodes <= RULE_MAX_NODES && depth <= RULE_MAX_DEPTH) {
    const [node, d] = stack.pop() as [unknown, number];
    nodes += 1;
    depth = Math.max(depth, d);
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      const o = node as Record<string, unknown>;
      const kids = Array.isArray(o.and) ? o.and : Array.isArray(o.or) ? o.or : 'not' in o ? [o.not] : [];
      for (const k of kids.slice(0, RULE_MAX_NODES + 1)) {
        stack.push([k, d + 1]);
      }
    }
  }
  return { depth, nodes };
}

/** The rule tree: checked for size and depth first, then parsed. */
export const segmentRuleSchema = z
  .unknown()
  .superRefine((v, ctx) => {
    const { depth, nodes } = treeShape(v);
    if (depth > RULE_MAX_DEPTH) {
      ctx.addIssue({ code: 'custom', message: `A rule may nest at most ${RULE_MAX_DEPTH} levels deep` });
    } else if (nodes > RULE_MAX_NODES) {
      ctx.addIssue({ code: 'custom', message: `A rule may have at most ${RULE_MAX_NODES} groups and conditions` });
    }
  })
  .pipe(treeSchema)
  .meta({
    id: 'SegmentRule',
    description:
      'A tree of { and: [...] }, { or: [...] }, { not: ... } and conditions { field, op, value } (docs/metrics.md "Segments")',
  });
