import { sql, type Kysely } from 'kysely';

// Anonymous survey answers without a trace back to the invitee (docs/metrics.md, "Anonymity").
// An anonymous answer is written as a ballot, in its own transaction, without touching the invitation: the
// invitee's one answer is enforced by a spent nullifier (an HMAC of survey and party under the instance secret,
// which the database never holds). A job releases ballots into survey_response in shuffled batches of at least
// the survey's minimum group size (or at close), so responses share one transaction id, carry no order, and
// results move only in steps of that size. Responses keep the day only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table survey_ballot (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      survey_id uuid not null,
      submitted_on date not null,
      respondent_role text,
      org_unit_id uuid,
      stakeholder_group text,
      answers jsonb not null,
      primary key (org_id, id),
      foreign key (org_id, survey_id) references survey (org_id, id)
    );
    create index survey_ballot_survey on survey_ballot (org_id, survey_id);

    create table survey_spent (
      org_id uuid not null references organization (org_id),
      survey_id uuid not null,
      nullifier text not null,
      primary key (org_id, survey_id, nullifier),
      foreign key (org_id, survey_id) references survey (org_id, id)
    );

    -- Answers given before ballots existed: rewrite every anonymous survey's responses, invitations and answers
    -- in one transaction and in random order, so neither transaction ids nor row order tie a response to an invitee.
    create temporary table anon_move on commit drop as
      select r.org_id, r.id as old_id, gen_random_uuid() as new_id, r.survey_id, r.respondent_role, r.org_unit_id,
        r.stakeholder_group, date_trunc('day', r.submitted_at) as submitted_at, random() as shuffle
      from survey_response r where r.anonymous;
    insert into survey_response (org_id, id, survey_id, party_id, anonymous, respondent_role, org_unit_id,
        stakeholder_group, submitted_at)
      select org_id, new_id, survey_id, null, true, respondent_role, org_unit_id, stakeholder_group, submitted_at
      from anon_move order by shuffle;
    insert into survey_answer (org_id, response_id, survey_id, question_id, item, num, choices, text_value)
      select a.org_id, m.new_id, a.survey_id, a.question_id, a.item, a.num, a.choices, a.text_value
      from survey_answer a join anon_move m on m.org_id = a.org_id and m.old_id = a.response_id
      order by m.shuffle;
    delete from survey_answer a using anon_move m where m.org_id = a.org_id and m.old_id = a.response_id;
    delete from survey_response r using anon_move m where m.org_id = r.org_id and m.old_id = r.id;
    update survey_invitation i set used = i.used
      from survey s where s.org_id = i.org_id and s.id = i.survey_id and s.anonymous;
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The survey ballots migration cannot be reverted'));
}
