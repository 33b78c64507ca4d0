import type { RfmRule, RfmSummary } from './types.ts';

export interface RfmCell {
  r: number;
  f: number;
  customers: number;
  revenue: number;
  /** The segment the cell is coloured by: the first rule whose R and F ranges hold it (M is not on the grid). */
  segment: string | null;
}

const inRange = (v: number, [lo, hi]: [number, number]) => v >= lo && v <= hi;

/** The segment a cell of the R × F grid shows: the first rule (in order) covering that R and F. */
export function cellSegment(rules: RfmRule[], r: number, f: number): string | null {
  return rules.find((rule) => inRange(r, rule.r) && inRange(f, rule.f))?.segment ?? null;
}

/**
 * The 5 × 5 grid, rows from F = 5 (top) to F = 1, columns from R = 1 (left) to R = 5, as the RFM literature
 * draws it: champions top right. Cells without customers are there with zeros.
 */
export function rfmGrid(grid: RfmSummary['grid'], rules: RfmRule[]): RfmCell[][] {
  const byKey = new Map(grid.map((g) => [`${g.r}:${g.f}`, g]));
  const rows: RfmCell[][] = [];
  for (let f = 5; f >= 1; f--) {
    const row: RfmCell[] = [];
    for (let r = 1; r <= 5; r++) {
      const g = byKey.get(`${r}:${f}`);
      row.push({
        r,
        f,
        customers: g?.customers ?? 0,
        revenue: g ? Number(g.revenue) : 0,
        segment: cellSegment(rules, r, f),
      });
    }
    rows.push(row);
  }
  return rows;
}

const palette = [
  '#1677ff',
  '#52c41a',
  '#13c2c2',
  '#722ed1',
  '#2f54eb',
  '#faad14',
  '#fa8c16',
  '#f5222d',
  '#eb2f96',
  '#8c8c8c',
  '#a0d911',
  '#597ef7',
];
const known: Record<string, string> = {
  champions: '#237804',
  loyal: '#52c41a',
  potential_loyalists: '#95de64',
  new: '#1677ff',
  promising: '#69b1ff',
  need_attention: '#faad14',
  about_to_sleep: '#ffd666',
  cant_lose: '#cf1322',
  at_risk: '#ff7875',
  hibernating: '#8c8c8c',
};

/** A stable colour per segment: the documented ones by meaning, custom ones from a palette by name. */
export function segmentColor(segment: string | null): string {
  if (!segment) {
    return '#f0f0f0';
  }
  const fixed = known[segment];
  if (fixed) {
    return fixed;
  }
  let hash = 0;
  for (const ch of segment) {
    hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  }
  return palette[hash % palette.length] ?? '#8c8c8c';
}

/** Segments the documented defaults name (labels exist for these; custom ones show their key). */
export const knownSegments = Object.keys(known);

/** Black or white text, whichever reads better on the background. */
export function textOn(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? 'rgba(0,0,0,0.88)' : '#fff';
}
