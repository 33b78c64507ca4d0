import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
/** The admin every test server's organisation is made with. */
export const adminEmail = 'admin@example.com';
export const adminPassword = 'correct-horse-9';
