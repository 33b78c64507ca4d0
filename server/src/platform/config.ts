import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number({ message: 'PORT must be a number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  TANDEM_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_REPLICA_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'DATABASE_REPLICA_URL must start with postgres:// or postgresql://')
    .optional(),
  TANDEM_READ_YOUR_WRITES_SECONDS: z.coerce
    .number({ message: 'TANDEM_READ_YOUR_WRITES_SECONDS must be a number of seconds' })
    .min(0, 'TANDEM_READ_YOUR_WRITES_SECONDS must be 0 or more')
    .max(3600, 'TANDEM_READ_YOUR_WRITES_SECONDS must be at most 3600')
    .default(5),
  DATABASE_REPLICA_MAX_LAG_SECONDS: z.coerce
    .number({ message: 'DATABASE_REPLICA_MAX_LAG_SECONDS must be a number of seconds' })
    .min(0, 'DATABASE_REPLICA_MAX_LAG_SECONDS must be 0 or more')
    .max(86400, 'DATABASE_REPLICA_MAX_LAG_SECONDS must be at most 86400')
    .default(4),
  TANDEM_ADMIN_EMAIL: z.email('TANDEM_ADMIN_EMAIL must be an email address').optional(),
  TANDEM_ADMIN_PASSWORD: z.string().min(10, 'TANDEM_ADMIN_PASSWORD must be at least 10 characters').optional(),
  TANDEM_DEMO: bool.optional(),
  TANDEM_SECRET: z.string().min(32, 'TANDEM_SECRET must be at least 32 characters').optional(),
  TANDEM_ORG_NAME: z.string().min(1).max(200).optional(),
  TANDEM_PUBLIC_URL: z.url('TANDEM_PUBLIC_URL must be a URL').optional(),
  TANDEM_SMTP_URL: z
    .string()
    .refine(
      (v) => /^smtps?:\/\//.test(v),
      'TANDEM_SMTP_URL must start with smtp:// or smtps:// (e.g. smtps://user:pass@smtp.example.com:465)',
    )
    .optional(),
  TANDEM_MAIL_FROM: z
    .string()
    .min(3, 'TANDEM_MAIL_FROM must be an address like "Tandem <noreply@example.com>"')
    .optional(),
  TANDEM_IMPORT_MAX_BYTES: z.coerce
    .number({ message: 'TANDEM_IMPORT_MAX_BYTES must be a number of bytes (e.g. 209715200 for 200 MB)' })
    .int('TANDEM_IMPORT_MAX_BYTES must be a whole number of bytes')
    .positive('TANDEM_IMPORT_MAX_BYTES must be positive')
    .default(200 * 1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A streaming replica for analytics and list reads (docs/scale.md "A read replica"). */
  replicaUrl: string | undefined;
  /** Read your writes: seconds a session or token reads from the primary after it wrote. */
  readYourWritesSeconds: number;
  /** Replay lag beyond which reads leave the replica for the primary. */
  replicaMaxLagSeconds: number;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** undefined = caller's default (on for `npm start`, off otherwise). */
  demo: boolean | undefined;
  secret: string;
  orgName: string | undefined;
  publicUrl: string | undefined;
  /** Outgoing mail server; without it, links are shown to copy instead of emailed. */
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  /** Upload size limit of imports, in bytes (default 200 MB). */
  importMaxBytes: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; every bad value is reported by name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(
    // An empty variable counts as unset, as in most tools.
    Object.keys(envSchema.shape).flatMap((k) => (env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]])),
  );
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const key = String(i.path[0] ?? '');
        const shown =
          key && !['TANDEM_ADMIN_PASSWORD', 'TANDEM_SECRET', 'TANDEM_SMTP_URL', 'DATABASE_REPLICA_URL'].includes(key)
            ? ` (got ${JSON.stringify(picked[key])})`
            : '';
        return `${key}: ${i.message}${shown}`;
      }),
    );
  }
  const e = parsed.data;
  if (e.TANDEM_SMTP_URL && !e.TANDEM_PUBLIC_URL) {
    throw new ConfigError([
      'TANDEM_SMTP_URL needs TANDEM_PUBLIC_URL: links in emails must say where Tandem is reachable (e.g. https://tandem.example.com)',
    ]);
  }
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL) {
    throw new ConfigError(['DATABASE_REPLICA_URL needs DATABASE_URL: a replica follows a PostgreSQL primary']);
  }
  if (Boolean(e.TANDEM_ADMIN_EMAIL) !== Boolean(e.TANDEM_ADMIN_PASSWORD)) {
    throw new ConfigError(['TANDEM_ADMIN_EMAIL and TANDEM_ADMIN_PASSWORD must be set together']);
  }
  const dataDir = path.resolve(e.TANDEM_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    replicaUrl: e.DATABASE_REPLICA_URL,
    readYourWritesSeconds: e.TANDEM_READ_YOUR_WRITES_SECONDS,
    replicaMaxLagSeconds: e.DATABASE_REPLICA_MAX_LAG_SECONDS,
    adminEmail: e.TANDEM_ADMIN_EMAIL?.toLowerCase(),
    adminPassword: e.TANDEM_ADMIN_PASSWORD,
    demo: e.TANDEM_DEMO,
    secret: e.TANDEM_SECRET ?? loadOrCreateSecret(dataDir),
    orgName: e.TANDEM_ORG_NAME,
    publicUrl: e.TANDEM_PUBLIC_URL,
    smtpUrl: e.TANDEM_SMTP_URL,
    mailFrom: e.TANDEM_MAIL_FROM,
    importMaxBytes: e.TANDEM_IMPORT_MAX_BYTES,
    logLevel: e.LOG_LEVEL,
  };
}

function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret');
  if (existsSync(file)) {
    const s = readFileSync(file, 'utf8').trim();
    if (s.length >= 32) {
      return s;
    }
  }
  mkdirSync(dataDir, { recursive: true });
  const s = randomBytes(32).toString('base64url');
  writeFileSync(file, `${s}\n`, { mode: 0o600 });
  return s;
}
