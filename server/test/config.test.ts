import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/platform/config.ts';

const dir = () => mkdtempSync(path.join(tmpdir(), 'tandem-cfg-'));

describe('configuration', () => {
  it('has working defaults and generates a secret in the data dir once', () => {
    const d = dir();
    const c = loadConfig({ TANDEM_DATA_DIR: d });
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: d, databaseUrl: undefined, demo: undefined });
    expect(c.secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(d, 'secret'), 'utf8').trim()).toBe(c.secret);
    expect(loadConfig({ TANDEM_DATA_DIR: d }).secret).toBe(c.secret);
  });

  it('reports every bad value by name, with what it got', () => {
    let err: unknown;
    try {
      loadConfig({
        TANDEM_DATA_DIR: dir(),
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        TANDEM_DEMO: 'perhaps',
        TANDEM_SECRET: 'short',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/PORT: .*"eighty"/);
    expect(msg).toMatch(/DATABASE_URL: .*postgres/);
    expect(msg).toMatch(/TANDEM_DEMO/);
    expect(msg).toMatch(/TANDEM_SECRET: .*32/);
    expect(msg).not.toContain('"short"');
  });

  it('refuses an out-of-range port, a bad admin email and an admin email without password', () => {
    expect(() => loadConfig({ TANDEM_DATA_DIR: dir(), PORT: '70000' })).toThrow(/PORT/);
    expect(() =>
      loadConfig({ TANDEM_DATA_DIR: dir(), TANDEM_ADMIN_EMAIL: 'nope', TANDEM_ADMIN_PASSWORD: 'long-enough-pw' }),
    ).toThrow(/TANDEM_ADMIN_EMAIL/);
    expect(() => loadConfig({ TANDEM_DATA_DIR: dir(), TANDEM_ADMIN_EMAIL: 'a@b.co' })).toThrow(/set together/);
    expect(() =>
      loadConfig({ TANDEM_DATA_DIR: dir(), TANDEM_ADMIN_EMAIL: 'a@b.co', TANDEM_ADMIN_PASSWORD: 'short' }),
    ).toThrow(/at least 10/);
  });

  it('takes a read replica only beside a PostgreSQL primary, with the read-your-writes window and lag bound', () => {
    const pgUrl = 'postgres://u@db.example.com/tandem';
    const c = loadConfig({ TANDEM_DATA_DIR: dir(), DATABASE_URL: pgUrl });
    expect([c.replicaUrl, c.readYourWritesSeconds, c.replicaMaxLagSeconds]).toEqual([undefined, 5, 4]);
    const r = loadConfig({
      TANDEM_DATA_DIR: dir(),
      DATABASE_URL: pgUrl,
      DATABASE_REPLICA_URL: 'postgres://u:secret-pw@replica.example.com/tandem',
      TANDEM_READ_YOUR_WRITES_SECONDS: '10',
      DATABASE_REPLICA_MAX_LAG_SECONDS: '8',
    });
    expect([r.replicaUrl, r.readYourWritesSeconds, r.replicaMaxLagSeconds]).toEqual([
      'postgres://u:secret-pw@replica.example.com/tandem',
      10,
      8,
    ]);
    expect(() => loadConfig({ TANDEM_DATA_DIR: dir(), DATABASE_REPLICA_URL: pgUrl })).toThrow(/needs DATABASE_URL/);
    const bad = () =>
      loadConfig({ TANDEM_DATA_DIR: dir(), DATABASE_URL: pgUrl, DATABASE_REPLICA_URL: 'mysql://u:secret-pw@x/y' });
    expect(bad).toThrow(/DATABASE_REPLICA_URL must start/);
    expect(bad).not.toThrow(/secret-pw/);
    expect(() =>
      loadConfig({ TANDEM_DATA_DIR: dir(), DATABASE_URL: pgUrl, TANDEM_READ_YOUR_WRITES_SECONDS: '-1' }),
    ).toThrow(/TANDEM_READ_YOUR_WRITES_SECONDS/);
  });

  it('parses TANDEM_DEMO as a boolean', () => {
    expect(loadConfig({ TANDEM_DATA_DIR: dir(), TANDEM_DEMO: '0' }).demo).toBe(false);
    expect(loadConfig({ TANDEM_DATA_DIR: dir(), TANDEM_DEMO: 'true' }).demo).toBe(true);
  });

  it('takes an SMTP server only with a public URL, and never echoes its credentials', () => {
    expect(() => loadConfig({ TANDEM_DATA_DIR: dir(), TANDEM_SMTP_URL: 'smtps://u:pw@smtp.example.com' })).toThrow(
      /TANDEM_PUBLIC_URL/,
    );
    let msg = '';
    try {
      loadConfig({
        TANDEM_DATA_DIR: dir(),
        TANDEM_SMTP_URL: 'http://u:hunter2-secret@smtp.example.com',
        TANDEM_PUBLIC_URL: 'https://t.example.com',
      });
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toMatch(/TANDEM_SMTP_URL: .*smtp:\/\//);
    expect(msg).not.toContain('hunter2');
    const ok = loadConfig({
      TANDEM_DATA_DIR: dir(),
      TANDEM_SMTP_URL: 'smtps://u:pw@smtp.example.com:465',
      TANDEM_PUBLIC_URL: 'https://t.example.com',
      TANDEM_MAIL_FROM: 'Tandem <no-reply@example.com>',
    });
    expect(ok).toMatchObject({
      smtpUrl: 'smtps://u:pw@smtp.example.com:465',
      mailFrom: 'Tandem <no-reply@example.com>',
    });
  });
});
