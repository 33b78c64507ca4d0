import { ConfigError, loadConfig, type Config } from '../platform/config.ts';
import { DataDirBusyError } from '../platform/db/data-dir-lock.ts';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import type { OrganizationRow } from '../platform/db/types.ts';
import { organizationsRepository } from '../platform/identity/organizations.repository.ts';
import { usersRepository } from '../platform/identity/users.repository.ts';
import type { RequestContext } from '../platform/auth/actor.ts';

export class CliError extends Error {}

export function config(): Config {
  return loadConfig();
}

/** Opens and migrates the configured database; a busy PGlite directory stops with a clear message. */
export async function openConfigured(cfg: Config): Promise<DatabaseHandle> {
  const handle = await openDatabase({
    databaseUrl: cfg.databaseUrl,
    replicaUrl: cfg.replicaUrl,
    dataDir: cfg.dataDir,
    onIdleError: (err) => console.error(`tandem: a database connection failed and will be replaced: ${err.message}`),
  });
  try {
    await migrateToLatest(handle.db);
  } catch (err) {
    await handle.close();
    throw err;
  }
  return handle;
}

/** Runs a command on the configured database, closing it afterwards. */
export async function withDb<T>(fn: (h: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openConfigured(config());
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

/** The only organisation, or the one named by --org (slug or name) when there are several. */
export async function pickOrg(handle: DatabaseHandle, wanted: string | undefined): Promise<OrganizationRow> {
  const orgs = await organizationsRepository.list(handle.db);
  if (wanted) {
    const org = orgs.find((o) => o.slug === wanted || o.name === wanted);
    if (!org) {
      throw new CliError(`No organisation "${wanted}". Known: ${orgs.map((o) => o.slug).join(', ') || '(none)'}`);
    }
    return org;
  }
  if (orgs.length === 1 && orgs[0]) {
    return orgs[0];
  }
  if (!orgs.length) {
    throw new CliError('There is no organisation yet: run `tandem migrate` or `tandem serve` first');
  }
  throw new CliError(`There are several organisations; name one with --org (${orgs.map((o) => o.slug).join(', ')})`);
}

/** Prints a clear message for expected failures, and exits non-zero. */
export function fail(err: unknown): never {
  if (err instanceof ConfigError || err instanceof CliError || err instanceof DataDirBusyError) {
    console.error(`tandem: ${err.message}`);
  } else if (err instanceof Error && 'code' in err && typeof (err as { status?: unknown }).status === 'number') {
    console.error(`tandem: ${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
}

/** Opens the database for a command that cannot go through a running server's lock; says how to use its API instead. */
export async function openForCommand(what: string, api: string): Promise<DatabaseHandle> {
  try {
    return await openConfigured(config());
  } catch (err) {
    if (err instanceof DataDirBusyError) {
      throw new CliError(
        `${err.message}\nA running Tandem server (pid ${err.pid}) holds the embedded database, so ${what} cannot open it. Either stop the server and run this again, or ${what} through the server's API with an API token (POST /api/tokens):\n  ${api}`,
      );
    }
    throw err;
  }
}

/** The actor a command acts as: --as <email>, else the organisation's first active admin. */
export async function commandActor(
  h: DatabaseHandle,
  orgId: string,
  email: string | undefined,
): Promise<RequestContext> {
  const u = email
    ? await usersRepository.findActiveByEmailInOrg(h.db, orgId, email.trim().toLowerCase())
    : await usersRepository.firstActiveAdmin(h.db, orgId);
  if (!u) {
    throw new CliError(
      email ? `No active user ${email}` : 'The organisation has no active admin: name a user with --as',
    );
  }
  const actor = {
    orgId,
    userId: u.id,
    email: u.email,
    displayName: u.display_name,
    roles: u.roles,
    orgUnitId: u.org_unit_id,
    partyId: u.party_id,
    locale: u.locale,
    authMethod: 'session' as const,
    sessionId: null,
    tokenId: null,
    csrfToken: null,
  };
  return { actor, requestId: `cli:${process.pid}`, ip: null };
}
