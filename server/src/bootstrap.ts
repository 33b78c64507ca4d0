import { randomBytes } from 'node:crypto';
import type { Db } from './platform/db/database.ts';
import { systemWho, recordAudit } from './platform/audit/audit.ts';
import type { Config } from './platform/config.ts';
import type { Locale, Role } from './platform/identity/constants-types.ts';
import { organizationsRepository } from './platform/identity/organizations.repository.ts';
import { createUserRecord } from './platform/identity/users.service.ts';
import type { OrganizationRow } from './platform/db/types.ts';
import { seedDemo } from './demo/demo.ts';
import { seedPartyDefaults } from './modules/parties/index.ts';
import { seedBuiltInScenarios } from './modules/practice/index.ts';

export interface FirstRun {
  org: OrganizationRow;
  adminEmail: string;
  /** Set only when Tandem generated the password: shown once, never stored in clear. */
  generatedPassword: string | null;
  demoUsers: { email: string; displayName: string; roles: Role[] }[];
}

/** A password people can type: 4 groups of 4 from an unambiguous alphabet (~80 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

export function slugify(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return ascii || `org-${randomBytes(3).toString('hex')}`;
}

/** Creates an organisation with its admin (and, for a demo, its demo people). */
export async function createOrganization(
  db: Db,
  opts: {
    name: string;
    slug?: string;
    locale: Locale;
    adminEmail: string;
    adminPassword?: string | undefined;
    adminName?: string;
    demo: boolean;
  },
): Promise<FirstRun> {
  const password = opts.adminPassword ?? generatePassword();
  const org = await organizationsRepository.insert(db, {
    slug: opts.slug ?? slugify(opts.name),
    name: opts.name,
    defaultLocale: opts.locale,
  });
  await recordAudit(db, systemWho(org.org_id), {
    action: 'create',
    entityType: 'organization',
    entityId: org.org_id,
    after: { name: org.name, slug: org.slug },
  });
  await seedPartyDefaults(db, org.org_id);
  await seedBuiltInScenarios(db, org.org_id);
  const admin = await createUserRecord(
    db,
    org.org_id,
    {
      email: opts.adminEmail,
      displayName: opts.adminName ?? (opts.locale === 'zh-CN' ? '系统管理员' : 'Administrator'),
      password,
      roles: ['admin'],
    },
    systemWho(org.org_id),
  );
  const demoUsers = opts.demo ? await seedDemo(db, org.org_id, password, admin) : [];
  return { org, adminEmail: opts.adminEmail, generatedPassword: opts.adminPassword ? null : password, demoUsers };
}

/** On an empty database, the first `serve` or `migrate` creates the organisation and its admin. */
export async function ensureFirstOrganization(db: Db, config: Config, demo: boolean): Promise<FirstRun | null> {
  const existing = await organizationsRepository.list(db);
  if (existing.length) {
    return null;
  }
  return createOrganization(db, {
    name: config.orgName ?? (demo ? 'Tandem 示例公司 Demo Co.' : 'Tandem'),
    slug: demo ? 'demo' : undefined,
    locale: 'zh-CN',
    adminEmail: config.adminEmail ?? 'admin@tandem.local',
    adminPassword: config.adminPassword,
    demo,
  });
}
