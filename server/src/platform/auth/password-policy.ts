import { dictionary } from '@zxcvbn-ts/language-common';
import { validation } from '../errors.ts';

// NIST SP 800-63B: a length floor, and no password found in lists of breached or common passwords, or made of the
// account's own name. The list is zxcvbn-ts's common-password dictionary (about 49,000 entries).
let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

export const PASSWORD_MIN = 10;

/** Why a password is refused, or null. */
export function passwordProblem(password: string, email: string | undefined): string | null {
  if ([...password].length < PASSWORD_MIN) {
    return `Use at least ${PASSWORD_MIN} characters`;
  }
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) {
    return 'This password is on a list of common passwords that attackers try first; choose another';
  }
  if (email) {
    const e = email.toLowerCase();
    const local = e.split('@')[0] ?? e;
    if (lower === e || lower === local || lower.replace(/\d+$/, '') === local) {
      return 'The password must not be your email address or its name part';
    }
  }
  return null;
}

/** Refuses a password with a 400 on the field that carries it. */
export function checkPassword(password: string, email: string | undefined, field = 'password'): void {
  const problem = passwordProblem(password, email);
  if (problem) {
    throw validation(problem, [{ path: ['body', field], message: problem, code: 'weak_password' }]);
  }
}
