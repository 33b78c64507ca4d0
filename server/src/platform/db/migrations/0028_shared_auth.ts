import { sql, type Kysely } from 'kysely';

// Several servers on one database (docs/architecture.md "Several servers"): what one process knew in memory now lives
// in the database.
// - login_throttle: failed sign-ins per account and per client address, counted across every server. Keys are HMACs
//   of the email or address under the instance secret (the table never holds either in clear); a sign-in happens
//   before the organisation is known, so this table is, like the organisation table, outside any one organisation.
// - tandem_auth: a notification at commit of any change that can end someone's access (a session deleted, a token
//   revoked, a user's roles, state or password changed), so every server forgets the sessions and tokens it resolved
//   moments ago instead of trusting them for up to a second longer.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table login_throttle (
      key text primary key,
      failures integer not null check (failures > 0),
      window_ends_at timestamptz(3) not null
    );
    create index login_throttle_expiry on login_throttle (window_ends_at);

    create function tandem_auth_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('tandem_auth', '');
      return null;
    end $$;

    create trigger session_deleted after delete on session
      for each statement execute function tandem_auth_changed();
    create trigger api_token_revoked after update on api_token
      for each row when (old.revoked_at is distinct from new.revoked_at) execute function tandem_auth_changed();
    create trigger api_token_deleted after delete on api_token
      for each statement execute function tandem_auth_changed();
    create trigger app_user_access_changed after update on app_user
      for each row when ((old.roles, old.active, old.password_hash, old.email, old.org_unit_id, old.party_id,
        old.display_name, old.locale) is distinct from (new.roles, new.active, new.password_hash, new.email,
        new.org_unit_id, new.party_id, new.display_name, new.locale))
      execute function tandem_auth_changed();
    create trigger app_user_deleted after delete on app_user
      for each statement execute function tandem_auth_changed();
  `.execute(db);
}
