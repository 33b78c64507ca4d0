import { sql, type Kysely } from 'kysely';

// Servers keep organisation settings in memory (platform/identity/org-settings.ts): any change to them — through the
// API, the CLI or SQL, on any server — sends `tandem_settings` at its commit, and every server forgets what it held.
// New and deleted organisations notify too, so nothing a server cached can outlive its row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function tandem_settings_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('tandem_settings', '');
      return null;
    end $$;

    create trigger organization_settings_changed after update on organization
      for each row when (old.settings is distinct from new.settings) execute function tandem_settings_changed();
    create trigger organization_added_or_deleted after insert or delete on organization
      for each statement execute function tandem_settings_changed();
  `.execute(db);
}
