import { isApiError } from '../../../api/errors.ts';

/** The reasons the people API gives in `details.reason` of a 409, each with its explanation in the UI. */
export const guardReasons = [
  'APPRAISAL_TOO_FREQUENT',
  'CRITERIA_NOT_PUBLISHED',
  'IMPROVEMENT_PLAN_REQUIRED',
  'CRITERIA_IMMUTABLE',
  'NO_PARTICIPANTS',
  'APPRAISALS_INCOMPLETE',
  'BOTTOM_BAND_OVER',
  'ILLEGAL_STATUS_MOVE',
  'NOT_BOTTOM_BAND',
  'REPLY_WINDOW_CLOSED',
] as const;
export type GuardReason = (typeof guardReasons)[number];

export interface Guard {
  reason: GuardReason;
  /** Values of the explanation ({{noticeDays}}, {{opensFrom}}, {{count}}, …) from the error's details. */
  values: Record<string, string | number>;
  /** Employees the guard names (partyIds), for links. */
  partyIds: string[];
  /** The server's own message (English), kept as the fallback. */
  message: string;
}

const isGuardReason = (v: unknown): v is GuardReason =>
  typeof v === 'string' && (guardReasons as readonly string[]).includes(v);

/** The guard behind a 409 from the people API, or null when the error is something else. */
export function guardOf(error: unknown): Guard | null {
  if (!isApiError(error) || error.status !== 409 || typeof error.details !== 'object' || error.details === null) {
    return null;
  }
  const d = error.details as Record<string, unknown>;
  if (!isGuardReason(d.reason)) {
    return null;
  }
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(d)) {
    if (k !== 'reason' && (typeof v === 'string' || typeof v === 'number')) {
      values[k] = v;
    }
  }
  const partyIds = Array.isArray(d.partyIds) ? d.partyIds.filter((p): p is string => typeof p === 'string') : [];
  values.count = partyIds.length || (typeof d.incomplete === 'number' ? d.incomplete : 0);
  return { reason: d.reason, values, partyIds, message: error.message };
}
