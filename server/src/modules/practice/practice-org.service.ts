import { randomBytes } from 'node:crypto';
import { requireRole, type RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit, systemWho, whoOf, type AuditWho } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { orgDataDigest, wipeOrgData } from '../../platform/db/org-data.ts';
import type { Deps } from '../../platform/deps.ts';
import { forbidden, notFound, validation } from '../../platform/errors.ts';
import { organizationsRepository } from '../../platform/identity/organizations.repository.ts';
import { usersRepository } from '../../platform/identity/users.repository.ts';
import { createUserRecord } from '../../platform/identity/users.service.ts';
import { seedPartyDefaults } from '../parties/index.ts';
import { PRACTICE_ORG_ADMINS, PRACTICE_ORG_AS_OF, PRACTICE_ORG_SEED, PRACTICE_ORG_SIZE } from './constants.ts';
import type { AddTrainee, CreatedPracticeOrg, PracticeOrg, PracticeOrgDetail } from './practice-org.schema.ts';
import { practiceOrgRepository } from './practice-org.repository.ts';
import { seedBuiltInScenarios } from './scenarios.service.ts';

type Row = Awaited<ReturnType<typeof practiceOrgRepository.list>>[number];
const toOrg = (r: Row): PracticeOrg => ({
  id: r.practice_org_id,
  name: r.name,
  slug: r.slug,
  seed: r.seed,
  size: { customers: r.customers, employees: r.employees, transactions: r.transactions },
  trainees: r.trainees,
  resets: r.resets,
  createdAt: r.created_at.toISOString(),
  resetAt: r.reset_at ? r.reset_at.toISOString() : null,
});

/** Fills a practice organisation from the demo generator, never from real data (docs/practice.md). */
async function seedFromDemo(
  db: Db,
  org: { orgId: string; slug: string },
  r: Pick<Row, 'seed' | keyof typeof PRACTICE_ORG_SIZE>,
) {
  // Loaded on demand: the generator brings faker's locales.
  const { generateInto } = await import('../../demo/generator.ts');
  await generateInto(
    db,
    org,
    {
      customers: r.customers,
      employees: r.employees,
      transactions: r.transactions,
      seed: r.seed,
      asOf: PRACTICE_ORG_AS_OF,
    },
    '',
  );
}

/**
 * Creates a practice organisation for `creatorOrgId` (the API's admin and `tandem practice create --from demo`): a new
 * organisation with its own admin, the built-in scenarios and a small generated demo population.
 */
export async function createPracticeOrg(db: Db, creatorOrgId: string, who: AuditWho): Promise<CreatedPracticeOrg> {
  const creator = await organizationsRepository.findById(db, creatorOrgId);
  if (!creator) {
    throw notFound('Organisation');
  }
  if (await practiceOrgRepository.isPractice(db, creatorOrgId)) {
    throw forbidden('A practice organisation makes no practice organisations of its own');
  }
  const suffix = randomBytes(3).toString('hex');
  const slug = `${creator.slug.slice(0, 40)}-practice-${suffix}`;
  const adminEmail = `admin@${slug}.practice`;
  // The bootstrap path every organisation takes (defaults, built-in scenarios, its admin); loaded on demand because
  // bootstrap itself uses this module.
  const { createOrganization } = await import('../../bootstrap.ts');
  const first = await createOrganization(db, {
    name: `${creator.name} · 练习 Practice ${suffix}`,
    slug,
    locale: creator.default_locale,
    adminEmail,
    demo: false,
  });
  const orgId = first.org.org_id;
  const admin = (await usersRepository.firstActiveAdmin(db, orgId))?.id as string;
  await seedFromDemo(db, { orgId, slug }, { seed: PRACTICE_ORG_SEED, ...PRACTICE_ORG_SIZE });
  await db.transaction().execute(async (trx) => {
    await practiceOrgRepository.insert(trx, {
      org_id: creatorOrgId,
      practice_org_id: orgId,
      seed: PRACTICE_ORG_SEED,
      ...PRACTICE_ORG_SIZE,
      admin_user_id: admin,
      created_by: who.actorId,
    });
    await practiceOrgRepository.insertAccount(trx, {
      org_id: creatorOrgId,
      practice_org_id: orgId,
      user_id: admin,
      email: adminEmail,
      kind: 'admin',
      added_by: who.actorId,
    });
    await recordAudit(trx, who, { action: 'create', entityType: 'practice', entityId: orgId, after: { slug } });
  });
  const [row] = await practiceOrgRepository.list(db, creatorOrgId, orgId);
  return { ...toOrg(row as Row), adminEmail, password: first.generatedPassword ?? '' };
}

/** Whether an organisation is a practice organisation (the CLI picks the real one by default). */
export const isPracticeOrg = (db: Db, orgId: string) => practiceOrgRepository.isPractice(db, orgId);

/** Practice organisations: create, list, reset to the starting state, add trainee accounts (admin only). */
export function practiceOrgService(deps: Deps) {
  const { db } = deps;
  const one = async (orgId: string, id: string) => {
    const [row] = await practiceOrgRepository.list(db, orgId, id);
    if (!row) {
      throw notFound('Practice organisation');
    }
    return row;
  };
  return {
    async create(ctx: RequestContext): Promise<CreatedPracticeOrg> {
      requireRole(ctx.actor, ...PRACTICE_ORG_ADMINS);
      return createPracticeOrg(db, ctx.actor.orgId, whoOf(ctx));
    },
    async list(ctx: RequestContext) {
      requireRole(ctx.actor, ...PRACTICE_ORG_ADMINS);
      return { items: (await practiceOrgRepository.list(db, ctx.actor.orgId)).map(toOrg) };
    },
    async get(ctx: RequestContext, id: string): Promise<PracticeOrgDetail> {
      requireRole(ctx.actor, ...PRACTICE_ORG_ADMINS);
      const row = await one(ctx.actor.orgId, id);
      const accounts = await practiceOrgRepository.accounts(db, ctx.actor.orgId, id);
      return {
        ...toOrg(row),
        accounts: accounts.map((a) => ({ userId: a.user_id, email: a.email, kind: a.kind })),
        ...(await orgDataDigest(db, id)),
      };
    },

    /**
     * Back to the starting state: every row of the practice organisation goes (its admin, trainees and audit log
     * stay) and the same seed fills it again, so two resets give the same data.
     */
    async reset(ctx: RequestContext, id: string): Promise<PracticeOrgDetail> {
      requireRole(ctx.actor, ...PRACTICE_ORG_ADMINS);
      const row = await one(ctx.actor.orgId, id);
      const keep = (await practiceOrgRepository.accounts(db, ctx.actor.orgId, id)).map((a) => a.user_id);
      await db.transaction().execute(async (trx) => {
        await wipeOrgData(trx, id, keep);
        await seedPartyDefaults(trx, id);
        await seedBuiltInScenarios(trx, id);
      });
      await seedFromDemo(db, { orgId: id, slug: row.slug }, row);
      await db.transaction().execute(async (trx) => {
        await practiceOrgRepository.markReset(trx, ctx.actor.orgId, id);
        await recordAudit(trx, ctx, { action: 'update', entityType: 'practice', entityId: id, after: { reset: true } });
        await recordAudit(trx, systemWho(id), {
          action: 'update',
          entityType: 'organization',
          entityId: id,
          after: { reset: true },
        });
      });
      return this.get(ctx, id);
    },

    async addTrainee(ctx: RequestContext, id: string, input: AddTrainee) {
      requireRole(ctx.actor, ...PRACTICE_ORG_ADMINS);
      const row = await one(ctx.actor.orgId, id);
      if (input.email.endsWith(`@${row.slug}.demo`) || input.email.endsWith(`@${row.slug}.practice`)) {
        throw validation('The generated staff use this domain', [
          { path: ['body', 'email'], message: 'Reserved for generated staff', code: 'invalid_value' },
        ]);
      }
      const password = input.password ?? null;
      const generated = password ?? `${randomBytes(12).toString('base64url')}-9a`;
      const user = await createUserRecord(
        db,
        id,
        { email: input.email, displayName: input.displayName, roles: input.roles ?? ['agent'], password: generated },
        systemWho(id),
      );
      await db.transaction().execute(async (trx) => {
        await practiceOrgRepository.insertAccount(trx, {
          org_id: ctx.actor.orgId,
          practice_org_id: id,
          user_id: user.id,
          email: input.email,
          kind: 'trainee',
          added_by: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'create',
          entityType: 'practice',
          entityId: user.id,
          after: { practiceOrgId: id, email: input.email },
        });
      });
      return { userId: user.id, email: input.email, password: password ? null : generated };
    },
  };
}
