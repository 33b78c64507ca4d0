import { RULE_MAX_DEPTH, RULE_MAX_NODES, SEGMENT_PARTIES_MAX, treeShape, type SegmentRule } from './rule.schema.ts';

// Parties added by hand to a segment (docs/metrics.md "Segments", explicit members): the rule gains — or grows —
// one `{ field: 'party', op: 'in' }` list, or-ed with what the rule already says, so the segment stays one rule
// that every reader (counts, members, surveys, campaigns) compiles the same way.

type PartyList = { field: 'party'; op: 'in'; value: string[] };
const isPartyList = (r: SegmentRule): r is PartyList => 'field' in r && r.field === 'party';

export type WithParties =
  | { ok: true; rule: SegmentRule; added: string[]; already: string[] }
  | { ok: false; reason: 'too_many_parties' | 'rule_too_large' };

/** The rule with `ids` among its explicit members: they join an existing top-level list, else a new one. */
export function withParties(rule: SegmentRule, ids: readonly string[]): WithParties {
  const list: PartyList | undefined = isPartyList(rule)
    ? rule
    : 'or' in rule
      ? rule.or.find<PartyList>(isPartyList)
      : undefined;
  const present = new Set(list?.value ?? []);
  const added = ids.filter((id) => !present.has(id));
  const already = ids.filter((id) => present.has(id));
  const value = [...(list?.value ?? []), ...added];
  if (value.length > SEGMENT_PARTIES_MAX) {
    return { ok: false, reason: 'too_many_parties' };
  }
  const next: PartyList = { field: 'party', op: 'in', value };
  let out: SegmentRule;
  if (isPartyList(rule)) {
    out = next;
  } else if ('or' in rule && list) {
    out = { or: rule.or.map((r) => (r === list ? next : r)) };
  } else if ('or' in rule) {
    out = { or: [...rule.or, next] };
  } else {
    out = { or: [rule, next] };
  }
  const shape = treeShape(out);
  if (shape.depth > RULE_MAX_DEPTH || shape.nodes > RULE_MAX_NODES) {
    return { ok: false, reason: 'rule_too_large' };
  }
  return { ok: true, rule: out, added, already };
}
