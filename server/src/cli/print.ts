import type { FirstRun } from '../bootstrap.ts';

export function printFirstRun(first: FirstRun, url?: string): void {
  const lines = [
    '',
    `  Organisation created: ${first.org.name} (${first.org.slug})`,
    `  Admin: ${first.adminEmail}`,
    first.generatedPassword
      ? `  Password: ${first.generatedPassword}   (shown once; write it down)`
      : '  Password: the one in TANDEM_ADMIN_PASSWORD',
  ];
  if (first.demoUsers.length) {
    lines.push(
      `  Demo users (same password): ${first.demoUsers.map((u) => `${u.displayName} <${u.email}> [${u.roles.join(',')}]`).join(', ')}`,
    );
  }
  if (url) {
    lines.push(`  Sign in at ${url}`);
  }
  console.log(lines.join('\n') + '\n');
}
