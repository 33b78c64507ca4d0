import { sql, type Kysely } from 'kysely';

// Relationship projects and the quality review loop (docs/projects.md). Rows that name a party are keyed
// (org_id, id) with no unique constraint on party_id, so they follow party merges (platform/references).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table project (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      kind text not null check (kind in ('special_customer', 'activity', 'product', 'database')),
      name text not null,
      goal text,
      targets jsonb not null default '[]',
      owner_id uuid,
      members uuid[] not null default '{}',
      segment_ids uuid[] not null default '{}',
      budget numeric(14, 2) not null default 0 check (budget >= 0),
      currency text,
      milestones jsonb not null default '[]',
      deadline date,
      idea_on date,
      launch_on date,
      first_sale_on date,
      status text not null default 'planned' check (status in ('planned', 'active', 'closed', 'cancelled')),
      started_at timestamptz(3),
      closed_at timestamptz(3),
      evaluation jsonb,
      created_by uuid not null,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, owner_id) references app_user (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create index project_created on project (org_id, created_at, id);

    create table project_party (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      project_id uuid not null,
      party_id uuid not null,
      primary key (org_id, id),
      foreign key (org_id, project_id) references project (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id)
    );
    create index project_party_project on project_party (org_id, project_id);

    create table project_cost (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      project_id uuid not null,
      amount numeric(14, 2) not null check (amount > 0),
      spent_on date not null,
      note text,
      created_by uuid not null,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, project_id) references project (org_id, id)
    );
    create index project_cost_project on project_cost (org_id, project_id, spent_on);

    create table project_log (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      project_id uuid not null,
      text text not null,
      author_id uuid,
      at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, project_id) references project (org_id, id)
    );
    create index project_log_project on project_log (org_id, project_id, at);

    create table quality_review (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      previous_id uuid,
      segment_id uuid,
      steps jsonb not null,
      indicators jsonb not null default '[]',
      goals jsonb not null default '[]',
      created_by uuid not null,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, previous_id) references quality_review (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create index quality_review_created on quality_review (org_id, created_at, id);

    create table quality_review_customer (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      review_id uuid not null,
      party_id uuid not null,
      interviewer_id uuid,
      primary key (org_id, id),
      foreign key (org_id, review_id) references quality_review (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, interviewer_id) references app_user (org_id, id)
    );
    create index quality_review_customer_review on quality_review_customer (org_id, review_id);

    create table quality_review_interview (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      review_id uuid not null,
      party_id uuid not null,
      interviewer_id uuid not null,
      interaction_id uuid not null,
      occurred_at timestamptz(3) not null,
      ratings jsonb not null,
      trust smallint not null check (trust between 1 and 5),
      urgent_need text,
      response_kind text check (response_kind in ('task', 'case')),
      response_id uuid,
      response_due date,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, review_id) references quality_review (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, interviewer_id) references app_user (org_id, id)
    );
    create index quality_review_interview_review on quality_review_interview (org_id, review_id, party_id);

    create table quality_review_action (
      org_id uuid not null,
      id uuid not null default gen_random_uuid(),
      review_id uuid not null,
      kind text not null check (kind in ('improvement', 'communication')),
      title text not null,
      project_id uuid,
      pdca_id uuid,
      goal text,
      evaluation text,
      audience text check (audience in ('staff', 'customers')),
      task_count integer not null default 0,
      created_by uuid not null,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, review_id) references quality_review (org_id, id),
      foreign key (org_id, project_id) references project (org_id, id)
    );
    create index quality_review_action_review on quality_review_action (org_id, review_id, created_at);
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The projects migration cannot be reverted'));
}
