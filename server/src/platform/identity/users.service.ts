import type { Kysely } from 'kysely';
import { hasRole, requireRole, type RequestContext } from '../auth/actor.ts';
import { hashPassword } from '../auth/crypto.ts';
import { checkPassword } from '../auth/password-policy.ts';
import { tokensRepository } from '../auth/tokens.repository.ts';
import { sessionsRepository } from '../auth/sessions.repository.ts';
import { recordAudit, diff, type AuditWho } from '../audit/audit.ts';
import type { Database, UserRow, UserUpdate } from '../db/types.ts';
import { failedUpdate } from '../db/versioned.ts';
import { conflict, notFound, validation } from '../errors.ts';
import type { Page } from '../http/common.schema.ts';
import type { Deps } from '../deps.ts';
import type { CreateUser, UpdateUser, User } from './identity.schema.ts';
import { orgUnitsRepository } from './org-units.repository.ts';
import { usersRepository, type UserFilters } from './users.repository.ts';

export function toUser(r: UserRow): User {
  return {
    id: r.id,
    orgId: r.org_id,
    email: r.email,
    displayName: r.display_name,
    roles: r.roles,
    orgUnitId: r.org_unit_id,
    partyId: r.party_id,
    locale: r.locale,
    active: r.active,
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

const uniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

async function checkUnit(db: Kysely<Database>, orgId: string, unitId: string | null | undefined) {
  if (unitId && !(await orgUnitsRepository.findById(db, orgId, unitId))) {
    throw validation('Unknown org unit', [
      { path: ['body', 'orgUnitId'], message: 'No such org unit', code: 'unknown_reference' },
    ]);
  }
}

/** Creates a user; used by the API (admin) and by the CLI and bootstrap (system). */
export async function createUserRecord(
  db: Kysely<Database>,
  orgId: string,
  input: CreateUser,
  audit: Parameters<typeof recordAudit>[1],
): Promise<User> {
  await checkUnit(db, orgId, input.orgUnitId);
  checkPassword(input.password, input.email);
  const password_hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await usersRepository.findByEmail(trx, orgId, input.email)) {
      throw conflict(`A user with email ${input.email} already exists`, [
        { path: ['body', 'email'], message: 'Already in use', code: 'duplicate' },
      ]);
    }
    const row = await usersRepository
      .insert(trx, {
        org_id: orgId,
        email: input.email,
        display_name: input.displayName,
        password_hash,
        roles: [...new Set(input.roles)],
        org_unit_id: input.orgUnitId ?? null,
        locale: input.locale ?? null,
      })
      .catch((err: unknown) => {
        throw uniqueViolation(err) ? conflict(`A user with email ${input.email} already exists`) : err;
      });
    const user = toUser(row);
    await recordAudit(trx, audit, { action: 'create', entityType: 'user', entityId: user.id, after: user });
    return user;
  });
}

/** Signs a user out everywhere: every session and every API token (a password reset, a deactivation). */
export async function signOutEverywhere(trx: Kysely<Database>, orgId: string, userId: string, keepSession?: string) {
  await sessionsRepository.deleteForUser(trx, orgId, userId, keepSession ?? null);
  await tokensRepository.revokeForUser(trx, orgId, userId);
}

/** Sets a password outside a request (CLI); signs the user out everywhere. */
export async function setPasswordRecord(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
  password: string,
  who: AuditWho,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await usersRepository.findById(trx, orgId, userId);
    if (!before) {
      throw notFound('User');
    }
    checkPassword(password, before.email);
    const password_hash = await hashPassword(password);
    if (!(await usersRepository.update(trx, orgId, userId, before.version, { password_hash }))) {
      throw notFound('User');
    }
    await signOutEverywhere(trx, orgId, userId);
    await recordAudit(trx, who, { action: 'update_password', entityType: 'user', entityId: userId });
  });
}

/** When someone last signed in is the admins' to know (it says when a person works). */
const forReader = (admin: boolean, u: User): User => (admin ? u : { ...u, lastLoginAt: null });

export function usersService(deps: Deps) {
  const { db } = deps;
  return {
    async list(
      ctx: RequestContext,
      filters: UserFilters,
      page: { limit: number; cursor: string | undefined },
    ): Promise<Page<User>> {
      const admin = hasRole(ctx.actor, 'admin');
      if (!admin && filters.sort.replace(/^-/, '') === 'lastLoginAt') {
        throw validation('Only admins may sort by last sign-in', [
          { path: ['querystring', 'sort'], message: 'Admins only', code: 'not_allowed' },
        ]);
      }
      const res = await usersRepository.list(db, ctx.actor, filters, page);
      return { items: res.items.map((r) => forReader(admin, toUser(r))), nextCursor: res.nextCursor };
    },

    async get(ctx: RequestContext, id: string): Promise<User> {
      const row = await usersRepository.findById(db, ctx.actor.orgId, id);
      if (!row) {
        throw notFound('User');
      }
      return forReader(hasRole(ctx.actor, 'admin'), toUser(row));
    },

    stats(ctx: RequestContext) {
      return usersRepository.countByRole(db, ctx.actor.orgId);
    },

    create(ctx: RequestContext, input: CreateUser): Promise<User> {
      requireRole(ctx.actor, 'admin');
      return createUserRecord(db, ctx.actor.orgId, input, ctx);
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateUser): Promise<User> {
      requireRole(ctx.actor, 'admin');
      const orgId = ctx.actor.orgId;
      await checkUnit(db, orgId, input.orgUnitId);
      const values: UserUpdate = {
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.roles !== undefined ? { roles: [...new Set(input.roles)] } : {}),
        ...(input.orgUnitId !== undefined ? { org_unit_id: input.orgUnitId } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(input.partyId !== undefined ? { party_id: input.partyId } : {}),
      };
      return db.transaction().execute(async (trx) => {
        const before = await usersRepository.findById(trx, orgId, id);
        if (before && input.password !== undefined) {
          checkPassword(input.password, input.email ?? before.email);
          values.password_hash = await hashPassword(input.password);
        }
        const row = await usersRepository.update(trx, orgId, id, version, values).catch((err: unknown) => {
          const constraint = (err as { constraint?: string }).constraint ?? '';
          if (uniqueViolation(err)) {
            throw constraint.includes('party')
              ? conflict('Another user is already linked to this person', [
                  { path: ['body', 'partyId'], message: 'Already linked', code: 'duplicate' },
                ])
              : conflict(`A user with email ${input.email ?? ''} already exists`);
          }
          if ((err as { code?: string }).code === '23503') {
            throw validation('No such person', [
              { path: ['body', 'partyId'], message: 'No such party', code: 'unknown_reference' },
            ]);
          }
          throw err;
        });
        if (!row || !before) {
          failedUpdate(before && toUser(before), 'User');
        }
        // An organisation always keeps one active admin who can sign in and fix things.
        if (before.roles.includes('admin') && before.active && (await usersRepository.countAdmins(trx, orgId)) === 0) {
          throw conflict('This is the last active admin; make someone else admin first');
        }
        if (values.active === false || values.password_hash) {
          await signOutEverywhere(trx, orgId, id);
        }
        const after = toUser(row);
        const d = diff(toUser(before), after);
        await recordAudit(trx, ctx, {
          action: input.password !== undefined ? 'update_password' : 'update',
          entityType: 'user',
          entityId: id,
          before: d.before,
          after: d.after,
        });
        return after;
      });
    },
  };
}
