import type { PublicReferral } from '@tandem/server/api';

// The landing form's values as the public referral API takes them (docs/care.md "Referral"). Pure: unit-tested.

export type Values = { displayName: string; email?: string; phone?: string; consentEmail?: boolean };

/** Only what was typed: empty optional fields are left out (the server wants an email or a phone). */
export const referralBody = (v: Values): PublicReferral => ({
  displayName: v.displayName.trim(),
  ...(v.email?.trim() ? { email: v.email.trim() } : {}),
  ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
  ...(v.email?.trim() && v.consentEmail ? { consentEmail: true } : {}),
});
