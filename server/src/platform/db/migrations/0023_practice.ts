import { sql, type Kysely } from 'kysely';

// Scenario practice (docs/practice.md): a scenario library per organisation, training sessions with teams and the
// six steps, score sheets on the four criteria, and the practice organisations an organisation created (kept in the
// creating organisation's rows; the practice organisation itself is an ordinary organisation).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table practice_scenario (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      built_in text,
      title_zh text not null,
      title_en text not null,
      brief_zh text not null,
      brief_en text not null,
      customer_zh text not null,
      customer_en text not null,
      staff_zh text not null,
      staff_en text not null,
      criteria jsonb not null,
      archived boolean not null default false,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      unique (org_id, built_in),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );

    create table practice_session (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      scenario_id uuid not null,
      title text not null,
      trainer_user_id uuid not null,
      scheduled_at timestamptz(3) not null,
      location text,
      step text not null default 'form_teams'
        check (step in ('form_teams', 'design_case', 'prepare', 'play', 'score', 'sum_up')),
      case_notes text,
      summary text,
      completed_at timestamptz(3),
      created_by uuid not null,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, scenario_id) references practice_scenario (org_id, id),
      foreign key (org_id, trainer_user_id) references app_user (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id),
      check (completed_at is null or (step = 'sum_up' and summary is not null))
    );
    create index practice_session_when on practice_session (org_id, scheduled_at desc, id);
    create index practice_session_trainer on practice_session (org_id, trainer_user_id);

    create table practice_team (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      session_id uuid not null,
      name text not null,
      position integer not null,
      primary key (org_id, id),
      unique (org_id, session_id, id),
      unique (org_id, session_id, name),
      foreign key (org_id, session_id) references practice_session (org_id, id) on delete cascade
    );

    create table practice_member (
      org_id uuid not null,
      session_id uuid not null,
      user_id uuid not null,
      team_id uuid not null,
      role text not null check (role in ('customer', 'staff', 'observer')),
      primary key (org_id, session_id, user_id),
      foreign key (org_id, session_id, team_id) references practice_team (org_id, session_id, id) on delete cascade,
      foreign key (org_id, user_id) references app_user (org_id, id)
    );
    create index practice_member_user on practice_member (org_id, user_id);

    -- One sheet per scored team and scorer: a peer team (scorer_team_id) or the trainer (null); a new sheet from
    -- the same scorer replaces the old one.
    create table practice_score (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      session_id uuid not null,
      team_id uuid not null,
      scorer_team_id uuid,
      scorer_user_id uuid not null,
      knowledge smallint not null check (knowledge between 1 and 10),
      communication smallint not null check (communication between 1 and 10),
      solution smallint not null check (solution between 1 and 10),
      teamwork smallint not null check (teamwork between 1 and 10),
      comment text,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      unique nulls not distinct (org_id, team_id, scorer_team_id),
      foreign key (org_id, session_id, team_id) references practice_team (org_id, session_id, id) on delete cascade,
      foreign key (org_id, session_id, scorer_team_id) references practice_team (org_id, session_id, id)
        on delete cascade,
      foreign key (org_id, scorer_user_id) references app_user (org_id, id),
      check (scorer_team_id is null or scorer_team_id <> team_id)
    );

    -- Practice organisations this organisation created. The practice organisation's id is kept without a foreign
    -- key: every key here leads with the creating organisation (docs/architecture.md "Tenancy").
    create table practice_org (
      org_id uuid not null references organization (org_id),
      practice_org_id uuid not null,
      seed integer not null,
      customers integer not null,
      employees integer not null,
      transactions integer not null,
      admin_user_id uuid not null,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      reset_at timestamptz(3),
      resets integer not null default 0,
      primary key (org_id, practice_org_id)
    );

    -- Accounts in a practice organisation that survive a reset (its admin and the trainees).
    create table practice_account (
      org_id uuid not null,
      practice_org_id uuid not null,
      user_id uuid not null,
      email text not null,
      kind text not null check (kind in ('admin', 'trainee')),
      added_by uuid,
      added_at timestamptz(3) not null default now(),
      primary key (org_id, practice_org_id, user_id),
      foreign key (org_id, practice_org_id) references practice_org (org_id, practice_org_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table practice_account;
    drop table practice_org;
    drop table practice_score;
    drop table practice_member;
    drop table practice_team;
    drop table practice_session;
    drop table practice_scenario;
  `.execute(db);
}
