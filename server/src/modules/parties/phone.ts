import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Numbers without a country code are read as Chinese (an 11-digit number starting with 1 is a mobile). */
export const DEFAULT_PHONE_COUNTRY: CountryCode = 'CN';

/**
 * A phone number as stored: E.164 when libphonenumber can read it as a possible number
 * ("138 0013 8000", "0086 138-0013-8000" → "+8613800138000"), otherwise the digits as given
 * (with a leading + kept), so nothing the user typed is lost. Null when there are no digits.
 */
export function normalizePhone(raw: string, country: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (!digits) {
    return null;
  }
  const parsed = parsePhoneNumberFromString(trimmed, country);
  if (parsed?.isPossible()) {
    return parsed.number;
  }
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/** The national digits of a stored number (13800138000 for +8613800138000), for searching without a prefix. */
export function nationalDigits(stored: string): string {
  const parsed = stored.startsWith('+') ? parsePhoneNumberFromString(stored) : undefined;
  return parsed ? parsed.nationalNumber : stored.replace(/\D/g, '');
}

/** Does a search text look like (part of) a phone number: digits with the usual separators only, at least 5 digits. */
export function looksLikePhone(q: string): boolean {
  return /^[+\d\s().\-/]+$/.test(q) && q.replace(/\D/g, '').length >= 5;
}

/** What to look for in the search text for a phone-like query: the E.164 form and the bare digits. */
export function phoneSearchTerms(q: string): string[] {
  const terms = new Set<string>();
  const digits = q.replace(/\D/g, '');
  terms.add(digits);
  const full = normalizePhone(q);
  if (full?.startsWith('+')) {
    terms.add(full);
    terms.add(nationalDigits(full));
  }
  return [...terms];
}

/** The stored form of a query that is a whole, valid number (E.164), or null for partial numbers. */
export function wholePhone(q: string, country: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  const parsed = parsePhoneNumberFromString(q.trim(), country);
  return parsed?.isValid() ? parsed.number : null;
}
