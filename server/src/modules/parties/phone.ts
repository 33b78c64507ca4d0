import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Numbers without a country code are read as Chinese (an 11-digit number starting with 1 is a mobile). */
export const DEFAULT_PHONE_COUNTRY: CountryCode = 'CN';

// Digits with the separators people write, and an optional extension ("ext 12", "x12", "#12", "转12", "分机12").
const PHONE_TEXT = /^([+\d\s().\-/]*\d[\d\s().\-/]*?)\s*(?:(?:ext\.?|x|#|转|分机)\s*(\d+))?$/i;

/** Is this text a phone number as a person writes one (no letters or symbols beyond separators and an extension)? */
export function isPhoneText(raw: string): boolean {
  return PHONE_TEXT.test(raw.trim());
}

/**
 * A phone number as stored: E.164 when libphonenumber can read it as a possible number
 * ("138 0013 8000", "0086 138-0013-8000" → "+8613800138000"), with its extension as ";ext=12" (RFC 3966),
 * otherwise the digits as given (with a leading + kept). Null when the text is not a phone number at all
 * ("abc123!!!", "n/a"): the caller refuses it rather than keeping only its digits.
 */
export function normalizePhone(raw: string, country: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  const match = PHONE_TEXT.exec(raw.trim());
  if (!match) {
    return null;
  }
  const [, main = '', ext] = match;
  const parsed = parsePhoneNumberFromString(main, country);
  const digits = main.replace(/\D/g, '');
  const number = parsed?.isPossible() ? parsed.number : main.trim().startsWith('+') ? `+${digits}` : digits;
  return ext ? `${number};ext=${ext}` : number;
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
