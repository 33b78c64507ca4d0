import { isApiError } from '../../../../api/errors.ts';

/** The `illegal_transition` detail of a 400 from `PUT /api/parties/:id/roles/:role`, if that is what it is. */
export function illegalTransition(error: unknown): { from: string; legalNextStages: string[] } | null {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) {
    return null;
  }
  for (const d of error.details as unknown[]) {
    if (typeof d === 'object' && d !== null && (d as { code?: unknown }).code === 'illegal_transition') {
      const { from, legalNextStages } = d as { from?: unknown; legalNextStages?: unknown };
      return {
        from: typeof from === 'string' ? from : '',
        legalNextStages: Array.isArray(legalNextStages)
          ? legalNextStages.filter((s): s is string => typeof s === 'string')
          : [],
      };
    }
  }
  return null;
}
