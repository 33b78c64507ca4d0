import { sql, type Kysely } from 'kysely';

// Surveys, invitations, responses and answers. Same rules as 0001: org_id leads every key;
// timestamps are timestamptz(3).
// Anonymity by construction: a response row has no party and no invitation column; an invitation
// keeps only a boolean `used` (no time of use), so nothing joins a response back to a person.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table survey (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      kind text not null check (kind in ('nps', 'enps', 'csat', 'ces', 'engagement', 'gap', 'custom')),
      title jsonb not null,
      description jsonb,
      audience jsonb not null,
      anonymous boolean not null default false,
      min_group_size integer not null default 5 check (min_group_size >= 3),
      opens_at timestamptz(3),
      closes_at timestamptz(3),
      status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
      questions jsonb not null default '[]',
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create index survey_updated on survey (org_id, updated_at desc, id);

    create table survey_invitation (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      survey_id uuid not null,
      party_id uuid not null,
      token_hash text not null,
      expires_at timestamptz(3) not null,
      used boolean not null default false,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      unique (org_id, survey_id, party_id),
      foreign key (org_id, survey_id) references survey (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id)
    );
    -- Public links carry only the token: found by its hash before the organisation is known.
    create index survey_invitation_token on survey_invitation (token_hash);

    create table survey_response (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      survey_id uuid not null,
      -- Only for non-anonymous surveys (a check keeps anonymous ones unlinked).
      party_id uuid,
      anonymous boolean not null,
      -- Group keys captured at submit time, so anonymous results can be grouped without a party.
      respondent_role text,
      org_unit_id uuid,
      stakeholder_group text,
      -- Day precision for anonymous surveys (no timing side channel).
      submitted_at timestamptz(3) not null,
      primary key (org_id, id),
      foreign key (org_id, survey_id) references survey (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      check (not anonymous or party_id is null)
    );
    create index survey_response_survey on survey_response (org_id, survey_id);
    create index survey_response_party on survey_response (org_id, party_id) where party_id is not null;

    create table survey_answer (
      org_id uuid not null references organization (org_id),
      response_id uuid not null,
      survey_id uuid not null,
      question_id text not null,
      -- Matrix row key; '' for every other type.
      item text not null default '',
      num numeric,
      choices text[],
      text_value text,
      primary key (org_id, response_id, question_id, item),
      foreign key (org_id, response_id) references survey_response (org_id, id),
      foreign key (org_id, survey_id) references survey (org_id, id)
    );
    create index survey_answer_question on survey_answer (org_id, survey_id, question_id);
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The surveys migration cannot be reverted'));
}
