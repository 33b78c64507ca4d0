import type { Db } from '../../../platform/db/database.ts';
import { fileRepository } from './file.repository.ts';

/**
 * Records completed training on employees' files on behalf of another module (scenario practice, docs/practice.md):
 * one training row per party, in the caller's transaction. The caller has decided who took part; the file's own
 * access rules govern who reads the rows afterwards.
 */
export async function recordTrainingCompletions(
  trx: Db,
  orgId: string,
  rows: { partyId: string; title: string; provider: string; completedOn: string; note: string | null }[],
  recordedBy: string,
): Promise<number> {
  for (const r of rows) {
    await fileRepository.insertTraining(trx, {
      org_id: orgId,
      party_id: r.partyId,
      title: r.title,
      provider: r.provider,
      started_on: r.completedOn,
      completed_on: r.completedOn,
      hours: null,
      note: r.note,
      recorded_by: recordedBy,
    });
  }
  return rows.length;
}
