import { sql, type Kysely } from 'kysely';

// The bin (docs/domain.md "The bin"): who deleted a party, and when its personal data was purged for good. A purged
// party keeps its id (transactions, cases and history still point at it) but nothing that names the person. The audit
// log stays append-only with one exception a purge needs: blanking the before/after of an entry (every other column
// unchanged), and only in a transaction that asked for it (tandem.audit_redaction).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table party add column deleted_by uuid;
    alter table party add column purged_at timestamptz;
    create index party_bin on party (org_id, deleted_at desc, id) where deleted_at is not null and purged_at is null;

    create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and current_setting('tandem.audit_redaction', true) = 'on'
        and new.before is null and new.after is null
        and (to_jsonb(new) - 'before' - 'after') = (to_jsonb(old) - 'before' - 'after') then
        return new;
      end if;
      raise exception 'audit_log is append-only';
    end $$;
  `.execute(db);
}
