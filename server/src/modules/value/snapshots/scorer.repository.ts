import { sql, type Expression } from 'kysely';
import { defaultRfmRules, type PreparedScorer, type RfmRule, type ScoredColumns, type ValueScorer } from './scorer.ts';

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

/** Segments from docs/metrics.md's RFM table; value class and CLV left null until a scorer supplies them. */
export const defaultValueScorer: ValueScorer = {
  prepare(): Promise<PreparedScorer> {
    return Promise.resolve({
      segment: (c) => rfmSegmentCase(defaultRfmRules, c),
      valueClass: () => sql<string | null>`null::text`,
      clv: () => sql<number | null>`null::numeric`,
    });
  },
};
