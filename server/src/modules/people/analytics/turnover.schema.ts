import { z } from 'zod';
import { analysisDate } from '../../../platform/http/common.schema.ts';

export const turnoverQuerySchema = z
  .object({
    from: analysisDate.describe('First day (default: 12 months before to)'),
    to: analysisDate.describe('Last day (default: today)'),
    groupBy: z.enum(['month', 'orgUnit']).default('month'),
  })
  .partial({ from: true, to: true })
  .strict();
export type TurnoverQuery = z.infer<typeof turnoverQuerySchema>;

const line = z.object({
  key: z.string().describe("YYYY-MM, or the org unit's id ('' for no unit)"),
  separations: z.number().int(),
  voluntary: z.number().int(),
  involuntary: z.number().int(),
  headcountStart: z.number().int(),
  headcountEnd: z.number().int(),
  averageHeadcount: z.number().describe('(headcount at the start + at the end) / 2'),
  rate: z.number().describe('separations / average headcount × 100 (0 when there is no headcount)'),
  firstYearSeparations: z.number().int().describe('Separations within 12 months of the hire date'),
  firstYearRate: z.number().describe('first-year separations / average headcount × 100'),
});
export type TurnoverLine = z.infer<typeof line>;

export const turnoverSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    groupBy: z.enum(['month', 'orgUnit']),
    rows: z.array(line),
    total: line,
    note: z.string().nullable().describe('"Not enough data" when there is no headcount in the range'),
  })
  .meta({ id: 'Turnover' });
export type Turnover = z.infer<typeof turnoverSchema>;
