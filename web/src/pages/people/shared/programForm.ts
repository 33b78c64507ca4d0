// The PDCA and vision review forms as the API takes them (pure: unit-tested). A create names the unit (and year);
// an edit sends the version and never the unit or year, which the server keeps.
import type { PdcaCycle, PdcaMeasure, PdcaStatus, VisionReview } from './types.ts';

export interface PdcaFormValues {
  title: string;
  orgUnitId?: string | null;
  owner?: string[];
  goal: string;
  measures?: PdcaMeasure[];
  startsOn: string;
  endsOn?: string | null;
  status?: PdcaStatus;
  notes?: string | null;
}

export function toPdcaBody(v: PdcaFormValues, existing: Pick<PdcaCycle, 'status' | 'version'> | null) {
  return {
    title: v.title.trim(),
    ...(existing ? {} : { orgUnitId: v.orgUnitId ?? null }),
    ownerPartyId: v.owner?.at(-1),
    goal: v.goal.trim(),
    measures: (v.measures ?? []).map((m) => ({
      text: m.text.trim(),
      ...(m.target?.trim() ? { target: m.target.trim() } : {}),
      ...(m.actual?.trim() ? { actual: m.actual.trim() } : {}),
    })),
    startsOn: v.startsOn,
    endsOn: v.endsOn || null,
    notes: v.notes?.trim() || null,
    ...(existing
      ? { ...(v.status && v.status !== existing.status ? { status: v.status } : {}), version: existing.version }
      : {}),
  };
}

export interface VisionFormValues {
  orgUnitId?: string | null;
  year: number;
  vision: string;
  changes?: string | null;
  participantPartyIds?: string[];
  reviewedOn: string;
}

export function toVisionBody(v: VisionFormValues, existing: Pick<VisionReview, 'version'> | null) {
  return {
    ...(existing ? { version: existing.version } : { orgUnitId: v.orgUnitId ?? null, year: v.year }),
    vision: v.vision.trim(),
    changes: v.changes?.trim() || null,
    participantPartyIds: v.participantPartyIds ?? [],
    reviewedOn: v.reviewedOn,
  };
}
