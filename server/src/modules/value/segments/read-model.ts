import type { RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { segmentsRepository } from './segments.repository.ts';
import { activeSegmentCondition, segmentBranches } from './segments.service.ts';

// What other modules may ask of segments (through value's index.ts): surveys use a segment as an audience and
// group results by the respondent's segment. Membership here is organisation-wide, not the asker's book: a
// survey's audience and its groups are the organisation's.

/** The live members of an active segment, now; null when it does not exist in the organisation or is archived. */
export async function segmentAudience(db: Db, orgId: string, segmentId: string): Promise<string[] | null> {
  const cond = await activeSegmentCondition(db, orgId, segmentId);
  return cond ? segmentsRepository.memberIds(db, orgId, cond) : null;
}

/** Whether the segment exists in the organisation and is active. */
export async function isActiveSegment(db: Db, orgId: string, segmentId: string): Promise<boolean> {
  return (await activeSegmentCondition(db, orgId, segmentId)) !== null;
}

/**
 * The respondent's segment: the first active segment (by priority, then age) the party matches now, or null.
 * Surveys capture it at answer time like the other group keys (docs/metrics.md "Segments").
 */
export async function respondentSegment(db: Db, orgId: string, partyId: string): Promise<string | null> {
  return segmentsRepository.segmentOfParty(db, orgId, await segmentBranches(db, orgId), partyId);
}

/** The same choice as SQL, for the party whose id `partyRef` holds (a scalar subquery; null when none matches). */
export async function segmentKeySql(
  db: Db,
  orgId: string,
): Promise<(partyRef: RawBuilder<unknown>) => RawBuilder<string | null>> {
  const branches = await segmentBranches(db, orgId);
  return (partyRef) => segmentsRepository.segmentOf(orgId, branches, partyRef);
}

/** Segment names by id (archived ones too). */
export const segmentNames = (db: Db, orgId: string): Promise<Map<string, string>> =>
  segmentsRepository.names(db, orgId);

/** Active segments whose rule names the stakeholder group (the HR-department CRM's "segments used" per group). */
export const segmentsNamingGroup = (db: Db, orgId: string, groupKey: string) =>
  segmentsRepository.countNamingGroup(db, orgId, groupKey);
