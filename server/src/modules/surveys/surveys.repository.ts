import { updateVersioned } from '../../platform/db/versioned.ts';
import { sql, type Insertable, type Kysely, type RawBuilder, type Updateable } from 'kysely';
import type { Database } from '../../platform/db/types.ts';
import { paginate } from '../../platform/db/pagination.ts';
import { partiesReadModel } from '../parties/index.ts';
import { respondentSegment, segmentAudience } from '../value/index.ts';
import type { Audience } from './surveys.schema.ts';
import type { SurveyAnswerTable, SurveyRow, SurveyTable } from './surveys.tables.ts';

type Db = Kysely<Database>;

// Audience membership and group keys come from the parties module's read contract: the
// `party_membership` view and `partiesReadModel`; writes stay inside the survey tables.

/** Which current role of a party speaks for it in a survey: the audience's role or group first, then the oldest. */
export function roleOrder(audience: Audience, alias: string): RawBuilder<unknown> {
  const pr = sql.ref(alias);
  switch (audience.kind) {
    case 'employees':
      return sql`(${pr}.role = 'employee') desc, ${pr}.started_at, ${pr}.id`;
    case 'customers':
      return sql`(${pr}.role = 'customer') desc, ${pr}.started_at, ${pr}.id`;
    case 'stakeholderGroup':
      return sql`(${pr}.stakeholder_group = ${audience.stakeholderGroup ?? ''}) desc, ${pr}.started_at, ${pr}.id`;
    case 'parties':
      return sql`${pr}.started_at, ${pr}.id`;
    case 'segment':
      // Segments are mostly of customers: their customer role speaks for them.
      return sql`(${pr}.role = 'customer') desc, ${pr}.started_at, ${pr}.id`;
  }
}

export const surveysRepository = {
  insert: (db: Db, row: Insertable<SurveyTable>) =>
    db.insertInto('survey').values(row).returningAll().executeTakeFirstOrThrow(),

  find: (db: Db, orgId: string, id: string) =>
    db.selectFrom('survey').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),

  list(
    db: Db,
    orgId: string,
    f: { status?: string | undefined; employeeSide: boolean },
    page: { limit: number; cursor: string | undefined },
  ) {
    let q = db.selectFrom('survey as s').selectAll('s').where('s.org_id', '=', orgId);
    if (f.status) {
      q = q.where('s.status', '=', f.status as SurveyRow['status']);
    }
    if (!f.employeeSide) {
      q = q.where(sql<boolean>`not ${employeeSideSql('s')}`);
    }
    return paginate(q, {
      ...page,
      sort: { column: 's.updated_at', desc: true, type: 'timestamptz' },
      idColumn: 's.id',
      sortValue: (r) => r.updated_at,
    });
  },

  update: (db: Db, orgId: string, id: string, version: number, set: Updateable<SurveyTable>) =>
    updateVersioned(db, 'survey', orgId, id, version, set),

  /** Live parties with a current role matching the audience. */
  async audienceParties(db: Db, orgId: string, audience: Audience): Promise<string[]> {
    if (audience.kind === 'parties') {
      return partiesReadModel.liveParties(db, orgId, audience.partyIds ?? []);
    }
    if (audience.kind === 'segment') {
      return (await segmentAudience(db, orgId, audience.segmentId ?? '')) ?? [];
    }
    const rows = await db
      .selectFrom('party_membership as pr')
      .select('pr.party_id')
      .distinct()
      .where('pr.org_id', '=', orgId)
      .$if(audience.kind === 'employees', (q) => q.where('pr.role', '=', 'employee'))
      .$if(audience.kind === 'customers', (q) => q.where('pr.role', '=', 'customer'))
      .$if(audience.kind === 'stakeholderGroup', (q) =>
        q.where('pr.stakeholder_group', '=', audience.stakeholderGroup ?? ''),
      )
      .orderBy('pr.party_id')
      .execute();
    return rows.map((r) => r.party_id);
  },

  /** The invitations of these parties to a survey that exist already. */
  existingInvitations(db: Db, orgId: string, surveyId: string, partyIds: string[]) {
    return partyIds.length
      ? db
          .selectFrom('survey_invitation')
          .select(['party_id', 'used'])
          .where('org_id', '=', orgId)
          .where('survey_id', '=', surveyId)
          .where('party_id', 'in', partyIds)
          .execute()
      : Promise.resolve([]);
  },

  /** Every invitee of a survey (reminders). */
  invitees(db: Db, orgId: string, surveyId: string) {
    return db
      .selectFrom('survey_invitation')
      .select(['party_id', 'used'])
      .where('org_id', '=', orgId)
      .where('survey_id', '=', surveyId)
      .execute();
  },

  /** First links (parties not invited before). */
  async insertInvitations(
    db: Db,
    orgId: string,
    surveyId: string,
    rows: { partyId: string; tokenHash: string }[],
    expiresAt: Date,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += 5000) {
      await db
        .insertInto('survey_invitation')
        .values(
          rows.slice(i, i + 5000).map((r) => ({
            org_id: orgId,
            survey_id: surveyId,
            party_id: r.partyId,
            token_hash: r.tokenHash,
            expires_at: expiresAt,
          })),
        )
        .execute();
    }
  },

  /** New links for parties invited before: the old token stops working. */
  async replaceTokens(
    db: Db,
    orgId: string,
    surveyId: string,
    rows: { partyId: string; tokenHash: string }[],
    expiresAt: Date,
  ): Promise<void> {
    if (!rows.length) {
      return;
    }
    await sql`
      update survey_invitation i set token_hash = x.token_hash, expires_at = ${expiresAt}
      from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ party_id: r.partyId, token_hash: r.tokenHash })))}::jsonb)
        as x(party_id uuid, token_hash text)
      where i.org_id = ${orgId} and i.survey_id = ${surveyId} and i.party_id = x.party_id`.execute(db);
  },

  /** Open surveys a party is invited to (the invitee's own list). */
  openInvitationsOf(db: Db, orgId: string, partyId: string, now: Date) {
    return db
      .selectFrom('survey_invitation as i')
      .innerJoin('survey as s', (j) => j.onRef('s.org_id', '=', 'i.org_id').onRef('s.id', '=', 'i.survey_id'))
      .select(['s.id', 's.title', 's.anonymous', 's.closes_at', 'i.used'])
      .where('i.org_id', '=', orgId)
      .where('i.party_id', '=', partyId)
      .where('s.status', '=', 'open')
      .where((eb) => eb.or([eb('s.closes_at', 'is', null), eb('s.closes_at', '>', now)]))
      .orderBy('s.created_at', 'desc')
      .limit(100)
      .execute();
  },

  // org-scope: an invitation link's token hash is unique across organisations, and the respondent's organisation is not known before it.
  findInvitation: (db: Db, tokenHash: string) =>
    db
      .selectFrom('survey_invitation as i')
      .innerJoin('survey as s', (j) => j.onRef('s.org_id', '=', 'i.org_id').onRef('s.id', '=', 'i.survey_id'))
      .selectAll('s')
      .select(['i.id as invitation_id', 'i.party_id as invitee_id', 'i.expires_at', 'i.used'])
      .where('i.token_hash', '=', tokenHash)
      .executeTakeFirst(),

  /** Marks an invitation used, once: the boolean is all it keeps (no time, no response id). */
  async markUsed(db: Db, orgId: string, invitationId: string): Promise<boolean> {
    const r = await db
      .updateTable('survey_invitation')
      .set({ used: true })
      .where('org_id', '=', orgId)
      .where('id', '=', invitationId)
      .where('used', '=', false)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** The respondent's group keys, read at submit time (the segment from value's segments, by priority). */
  async respondentGroup(db: Db, orgId: string, partyId: string, audience: Audience) {
    const [g, segment] = await Promise.all([
      db
        .selectFrom('party_membership as pr')
        .select(['pr.role', 'pr.org_unit_id', 'pr.stakeholder_group'])
        .where('pr.org_id', '=', orgId)
        .where('pr.party_id', '=', partyId)
        .orderBy(roleOrder(audience, 'pr'))
        .limit(1)
        .executeTakeFirst(),
      respondentSegment(db, orgId, partyId),
    ]);
    return {
      role: g?.role ?? null,
      org_unit_id: g?.org_unit_id ?? null,
      stakeholder_group: g?.stakeholder_group ?? null,
      segment_id: segment,
    };
  },

  async insertResponse(
    db: Db,
    row: {
      org_id: string;
      survey_id: string;
      party_id: string | null;
      anonymous: boolean;
      respondent_role: string | null;
      org_unit_id: string | null;
      stakeholder_group: string | null;
      segment_id: string | null;
    },
    answers: Omit<Insertable<SurveyAnswerTable>, 'org_id' | 'survey_id' | 'response_id'>[],
  ) {
    // Anonymous responses keep the day only, so their time cannot be matched against logs.
    const at = row.anonymous ? sql<Date>`date_trunc('day', now())` : sql<Date>`now()`;
    const r = await db
      .insertInto('survey_response')
      .values({ ...row, submitted_at: at })
      .returning(['id', 'submitted_at'])
      .executeTakeFirstOrThrow();
    if (answers.length) {
      await db
        .insertInto('survey_answer')
        .values(answers.map((a) => ({ ...a, org_id: row.org_id, survey_id: row.survey_id, response_id: r.id })))
        .execute();
    }
    return r;
  },
};

/** Employee-side surveys (results and text under HR's circle): audience employees, or kind eNPS / engagement. */
export function employeeSideSql(alias: string) {
  const s = sql.ref(alias);
  return sql<boolean>`(${s}.audience->>'kind' = 'employees' or ${s}.kind in ('enps', 'engagement'))`;
}
