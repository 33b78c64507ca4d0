import { kotlerLevels, quadrants } from '@tandem/server/api';
import type { KotlerLevel, Quadrant, RelationshipMap } from '../../../api/types.ts';

/** Rows of the charts: the configured groups in their order, then any group key only the data knows, then "no group". */
export function groupRows(map: RelationshipMap, groupKeys: readonly string[]): (string | null)[] {
  const seen = new Set<string | null>([
    ...map.levels.map((l) => l.stakeholderGroup),
    ...map.quadrants.map((q) => q.stakeholderGroup),
  ]);
  const rows: (string | null)[] = groupKeys.filter((k) => seen.has(k));
  for (const key of seen) {
    if (key !== null && !rows.includes(key)) {
      rows.push(key);
    }
  }
  if (seen.has(null)) {
    rows.push(null);
  }
  return rows;
}

export interface LevelMatrix {
  /** current[level][row]: roles of that group now at that level. */
  current: Record<KotlerLevel, number[]>;
  /** target[level][row]: roles of that group aiming at that level. */
  target: Record<KotlerLevel, number[]>;
}

const zeros = <K extends string>(keys: readonly K[], n: number) =>
  Object.fromEntries(keys.map((k) => [k, Array<number>(n).fill(0)])) as Record<K, number[]>;

/** Sums the server's (group × level × target) counts into per-level series over the rows, once by current and once by target level. */
export function levelMatrix(map: RelationshipMap, rows: readonly (string | null)[]): LevelMatrix {
  const current = zeros(kotlerLevels, rows.length);
  const target = zeros(kotlerLevels, rows.length);
  for (const cell of map.levels) {
    const row = rows.indexOf(cell.stakeholderGroup);
    if (row < 0) {
      continue;
    }
    if (cell.level) {
      current[cell.level][row] = (current[cell.level][row] ?? 0) + cell.count;
    }
    if (cell.targetLevel) {
      target[cell.targetLevel][row] = (target[cell.targetLevel][row] ?? 0) + cell.count;
    }
  }
  return { current, target };
}

/** quadrant[q][row] counts, and the totals of the 2×2 grid (unscored roles are left out). */
export function quadrantMatrix(
  map: RelationshipMap,
  rows: readonly (string | null)[],
): { byGroup: Record<Quadrant, number[]>; totals: Record<Quadrant, number> } {
  const byGroup = zeros(quadrants, rows.length);
  const totals = Object.fromEntries(quadrants.map((q) => [q, 0])) as Record<Quadrant, number>;
  for (const cell of map.quadrants) {
    const row = rows.indexOf(cell.stakeholderGroup);
    if (!cell.quadrant || row < 0) {
      continue;
    }
    byGroup[cell.quadrant][row] = (byGroup[cell.quadrant][row] ?? 0) + cell.count;
    totals[cell.quadrant] += cell.count;
  }
  return { byGroup, totals };
}
