import { sql, type Kysely } from 'kysely';

// The people module (docs/domain.md "People"): the employee file beyond the employment fields of the employee role
// (contracts, pay history, employment changes, promotions, training), incentives, appraisal cycles with their
// guards, improvement plans, 1:1s, PDCA cycles, vision reviews, separations and exit interviews, pay bands and the
// module's settings (attrition weights included). Same rules as 0001: org_id leads every key; timestamps are
// timestamptz(3); calendar days are `date` columns named *_on. Money is numeric(14,2).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table people_settings (
      org_id uuid not null references organization (org_id),
      settings jsonb not null default '{}',
      attrition_weights jsonb,
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id)
    );

    create table pay_band (
      org_id uuid not null references organization (org_id),
      grade text not null,
      min_pay numeric(14,2) not null check (min_pay >= 0),
      mid_pay numeric(14,2) not null check (mid_pay > 0),
      max_pay numeric(14,2) not null,
      updated_at timestamptz(3) not null default now(),
      primary key (org_id, grade),
      check (min_pay <= mid_pay and mid_pay <= max_pay)
    );

    create table employee_contract (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      party_id uuid not null,
      type text not null,
      start_on date not null,
      end_on date,
      probation_end_on date,
      renewal_intent text check (renewal_intent in ('renew', 'not_renew', 'undecided')),
      note text,
      expiry_flagged_at timestamptz(3),
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id),
      check (end_on is null or end_on >= start_on)
    );
    create index employee_contract_party on employee_contract (org_id, party_id, start_on);
    create index employee_contract_end on employee_contract (org_id, end_on) where end_on is not null;

    create table employee_pay_change (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      party_id uuid not null,
      effective_on date not null,
      -- Plain numeric, like the employee role's salary it mirrors.
      salary numeric not null,
      previous_salary numeric,
      kind text not null,
      note text,
      recorded_by uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, recorded_by) references app_user (org_id, id)
    );
    create index employee_pay_change_party on employee_pay_change (org_id, party_id, effective_on);

    -- Changes of manager, unit, title, grade and track made through the employee file (the attrition score counts
    -- manager changes from here).
    create table employee_event (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      party_id uuid not null,
      kind text not null,
      effective_on date not null,
      from_value text,
      to_value text,
      note text,
      recorded_by uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, recorded_by) references app_user (org_id, id)
    );
    create index employee_event_party on employee_event (org_id, party_id, kind, effective_on);

    create table employee_promotion (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      party_id uuid not null,
      effective_on date not null,
      from_grade text,
      to_grade text,
      from_title text,
      to_title text,
      career_track text,
      note text,
      recorded_by uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, recorded_by) references app_user (org_id, id)
    );
    create index employee_promotion_party on employee_promotion (org_id, party_id, effective_on);

    create table employee_training (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      party_id uuid not null,
      title text not null,
      provider text,
      started_on date,
      completed_on date,
      hours numeric(6,1),
      note text,
      recorded_by uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, recorded_by) references app_user (org_id, id)
    );
    create index employee_training_party on employee_training (org_id, party_id);

    create table employee_incentive (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      party_id uuid not null,
      type text not null,
      given_on date not null,
      note text,
      given_by uuid,
      amount numeric(14,2),
      monthly_pay numeric,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, given_by) references app_user (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create index employee_incentive_party on employee_incentive (org_id, party_id, given_on, id);

    create table appraisal_cycle (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      name jsonb not null,
      period_start date not null,
      period_end date not null,
      criteria jsonb not null,
      bottom_band_percent numeric(5,2) not null,
      opens_at timestamptz(3) not null,
      notice_days integer not null,
      participants jsonb not null,
      status text not null default 'draft',
      published_at timestamptz(3),
      opened_at timestamptz(3),
      calibrating_at timestamptz(3),
      closed_at timestamptz(3),
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id),
      check (period_end >= period_start)
    );
    create index appraisal_cycle_created on appraisal_cycle (org_id, created_at, id);

    -- One per participant, made when the cycle's criteria are published to them (notified_at).
    create table appraisal (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      cycle_id uuid not null,
      party_id uuid not null,
      notified_at timestamptz(3) not null,
      scores jsonb,
      overall_score numeric(4,2),
      band text check (band in ('top', 'middle', 'bottom')),
      reviewer_id uuid,
      reply text,
      replied_at timestamptz(3),
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      unique (org_id, cycle_id, party_id),
      foreign key (org_id, cycle_id) references appraisal_cycle (org_id, id) on delete cascade,
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, reviewer_id) references app_user (org_id, id)
    );
    create index appraisal_party on appraisal (org_id, party_id);

    create table improvement_plan (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      appraisal_id uuid not null,
      party_id uuid not null,
      training_items jsonb not null,
      mentor_id uuid not null,
      starts_on date not null,
      reassess_on date not null,
      reassessed_on date,
      outcome text check (outcome in ('met', 'below')),
      outcome_note text,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      unique (org_id, appraisal_id),
      foreign key (org_id, appraisal_id) references appraisal (org_id, id) on delete cascade,
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, mentor_id) references app_user (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id),
      check (reassess_on >= starts_on + 60)
    );
    create index improvement_plan_party on improvement_plan (org_id, party_id);

    create table one_on_one (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      party_id uuid not null,
      manager_id uuid not null,
      kind text not null,
      held_on date not null,
      notes text,
      actions jsonb not null default '[]',
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, manager_id) references app_user (org_id, id)
    );
    create index one_on_one_party on one_on_one (org_id, party_id, held_on);
    create index one_on_one_manager on one_on_one (org_id, manager_id, held_on);

    create table pdca_cycle (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      title text not null,
      org_unit_id uuid,
      owner_id uuid not null,
      goal text not null,
      measures jsonb not null default '[]',
      plan_text text,
      do_text text,
      check_text text,
      act_text text,
      starts_on date not null,
      ends_on date,
      status text not null default 'plan',
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, org_unit_id) references org_unit (org_id, id),
      foreign key (org_id, owner_id) references app_user (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create index pdca_cycle_created on pdca_cycle (org_id, created_at, id);

    create table vision_review (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      org_unit_id uuid,
      year integer not null,
      trigger text not null,
      held_on date not null,
      vision text not null,
      changes text,
      participant_ids uuid[] not null default '{}',
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, org_unit_id) references org_unit (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create index vision_review_created on vision_review (org_id, created_at, id);

    create table employee_separation (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      party_id uuid not null,
      exit_on date not null,
      exit_type text not null check (exit_type in ('voluntary', 'involuntary')),
      reason text not null,
      note text,
      recorded_by uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, recorded_by) references app_user (org_id, id)
    );
    create index employee_separation_party on employee_separation (org_id, party_id, exit_on);

    create table exit_interview (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      party_id uuid not null,
      held_on date not null,
      reasons text[] not null,
      would_rejoin boolean,
      rehire_eligible boolean,
      notes text,
      interviewer_id uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, interviewer_id) references app_user (org_id, id)
    );
    create index exit_interview_party on exit_interview (org_id, party_id);
    create index exit_interview_held on exit_interview (org_id, held_on);
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The people migration cannot be reverted'));
}
