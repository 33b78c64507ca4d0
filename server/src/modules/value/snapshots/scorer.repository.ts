import { sql, type Expression } from 'kysely';
import { readSetting } from '../settings.service.ts';
import { defaultRfmRules, parseRules } from '../rfm/rules.ts';
import type { RfmRule as OrgRfmRule } from '../rfm/rfm.schema.ts';
import type { PreparedScorer, RfmRule, ScoredColumns, ValueScorer } from './scorer.ts';

/** RFM rules as one CASE over the scored row, first match first; every bound and key is a parameter. */
export function rfmSegmentCase(rules: readonly RfmRule[], c: ScoredColumns): Expression<string | null> {
  const clauses = rules.flatMap((rule) => {
    const ors = rule.when.map((clause) => {
      const parts = (['r', 'f', 'm'] as const).flatMap((k) => {
        const range = clause[k];
        return range ? [sql`${c[k]} between ${range[0]} and ${range[1]}`] : [];
      });
      return parts.length ? sql`(${sql.join(parts, sql` and `)})` : sql`true`;
    });
    return ors.length
      ? [sql`when ${c.r} is not null and (${sql.join(ors, sql` or `)}) then ${rule.segment}::text`]
      : [];
  });
  return clauses.length ? sql<string | null>`(case ${sql.join(clauses, sql` `)} else null end)` : sql`null::text`;
}

/** The organisation's RFM rules (GET/PUT /api/value/rfm-rules) in the snapshot's clause form. */
const asClauses = (rules: readonly OrgRfmRule[]): RfmRule[] =>
  rules.map((x) => ({ segment: x.segment, when: [{ r: x.r, f: x.f, m: x.m }] }));

/**
 * Segments by the organisation's own RFM rules (the defaults of docs/metrics.md "RFM" until it edits them), the same
 * rules GET /api/value/rfm applies.
 */
export const defaultValueScorer: ValueScorer = {
  async prepare(db, run): Promise<PreparedScorer> {
    const rules = (await readSetting(db, run.orgId, 'rfm_rules', defaultRfmRules, parseRules)).value;
    return {
      segment: (c) => rfmSegmentCase(asClauses(rules), c),
    };
  },
};
