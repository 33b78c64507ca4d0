import { sql, type Kysely } from 'kysely';

// Referral, win-back and social listening (docs/care.md "Referral", "Win-back", "Social listening", "Post plan"):
// one referral code per customer, referrals and their rewards, the win-back task keys (one task per churn), mentions
// with the organisation's inbound token and alert settings, alerts keyed once per window, and the social post plan.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table care_referral_code (
      org_id uuid not null references organization (org_id),
      party_id uuid not null,
      code text not null,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, party_id),
      unique (org_id, code),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );

    create table care_referral (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      referrer_id uuid not null,
      referred_id uuid not null,
      source text not null check (source in ('link', 'manual')),
      note text,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      unique (org_id, referred_id),
      foreign key (org_id, referrer_id) references party (org_id, id),
      foreign key (org_id, referred_id) references party (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create index care_referral_referrer on care_referral (org_id, referrer_id, created_at);
    create index care_referral_created on care_referral (org_id, created_at);

    create table care_referral_reward (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      party_id uuid not null,
      kind text not null check (kind in ('cash', 'voucher', 'gift', 'points', 'discount', 'other')),
      amount numeric(14, 2) not null check (amount >= 0),
      currency text,
      note text,
      created_by uuid not null,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create index care_referral_reward_created on care_referral_reward (org_id, created_at, id);

    create table care_winback_task (
      org_id uuid not null references organization (org_id),
      party_id uuid not null,
      lost_at timestamptz(3) not null,
      task_id uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, party_id, lost_at),
      foreign key (org_id, party_id) references party (org_id, id)
    );

    create table care_mention (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      channel text not null,
      author text not null,
      text text not null,
      url text,
      posted_at timestamptz(3) not null,
      sentiment text not null check (sentiment in ('negative', 'neutral', 'positive')),
      sentiment_source text not null check (sentiment_source in ('source', 'lexicon')),
      score integer not null default 0,
      party_id uuid,
      source text not null check (source in ('api', 'inbound', 'csv')),
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create index care_mention_posted on care_mention (org_id, posted_at, id);
    create index care_mention_negative on care_mention (org_id, posted_at) where sentiment = 'negative';

    create table care_mention_settings (
      org_id uuid not null references organization (org_id),
      token_hash text,
      token_created_at timestamptz(3),
      token_created_by uuid,
      negative_count integer not null default 3,
      window_hours integer not null default 24,
      key_segment_id uuid,
      assignee_id uuid,
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id),
      foreign key (org_id, token_created_by) references app_user (org_id, id),
      foreign key (org_id, assignee_id) references app_user (org_id, id)
    );

    create table care_mention_alert (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      kind text not null check (kind in ('burst', 'key_account')),
      window_key text not null,
      party_id uuid,
      mention_id uuid not null,
      negatives integer not null,
      task_id uuid,
      assignee_id uuid,
      created_at timestamptz(3) not null default now(),
      primary key (org_id, id),
      unique (org_id, kind, window_key),
      foreign key (org_id, mention_id) references care_mention (org_id, id),
      foreign key (org_id, party_id) references party (org_id, id)
    );
    create index care_mention_alert_created on care_mention_alert (org_id, created_at, id);

    create table care_post (
      org_id uuid not null references organization (org_id),
      id uuid not null default gen_random_uuid(),
      channel text not null,
      owner_id uuid not null,
      scheduled_at timestamptz(3) not null,
      commercial boolean not null,
      text text not null,
      status text not null default 'planned' check (status in ('planned', 'published', 'cancelled')),
      override_reason text,
      created_by uuid not null,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      version integer not null default 1,
      primary key (org_id, id),
      foreign key (org_id, owner_id) references app_user (org_id, id),
      foreign key (org_id, created_by) references app_user (org_id, id)
    );
    create index care_post_scheduled on care_post (org_id, scheduled_at, id);
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The care referral, win-back and listening migration cannot be reverted'));
}
