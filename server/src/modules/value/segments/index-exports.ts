// What value's index.ts re-exports for segments, cross-sell, wallet and snapshots (one line there:
// `export * from './segments/index-exports.ts';`). Other modules use these only through value's index.ts.

// Routes, timeline source and jobs (the value module calls this while registering its routes).
export { registerValueExtras } from './register.ts';

// Surveys: a segment as an audience and as a results grouping (membership is organisation-wide).
export {
  segmentAudience,
  isActiveSegment,
  respondentSegment,
  segmentKeySql,
  segmentNames,
  segmentsNamingGroup,
} from './read-model.ts';

// Value snapshots: the scorer contract (RFM segment, value class, CLV as SQL over the scored row) and the default
// (the organisation's RFM rules as one CASE; class and CLV null).
export type { ValueScorer, PreparedScorer, ScoredColumns, ScoreRun, ScoreRange } from '../snapshots/scorer.ts';
export { defaultValueScorer, rfmSegmentCase } from '../snapshots/scorer.repository.ts';
export { SNAPSHOT_RUN_JOB, SNAPSHOT_NIGHTLY_JOB } from '../snapshots/snapshots.service.ts';
// The RFM segment of a party in the newest finished run, as SQL (insight groups customers at risk by it).
export { latestRfmSegmentSql, newestSnapshotRuns, type SnapshotRunFigures } from '../snapshots/latest.repository.ts';

// Monthly segment membership (the job on the 1st; tools and tests name the month).
export { takeSegmentSnapshots, SEGMENT_MONTHLY_JOB } from './membership.service.ts';

// Expected outcomes of the access rules (the access matrix test checks them through the API).
export { segmentsAccessMatrix } from './segments.access-matrix.ts';
