import { nationalDigits } from './phone.ts';

export interface Searchable {
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  emails: string[];
  phones: string[];
  tags: string[];
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/**
 * A comparable form of a name for duplicate detection: case, width and spacing folded, punctuation
 * dropped and Latin words sorted, so "Zhang Wei", "WEI, Zhang" and "张 伟" / "张伟" compare equal.
 */
export function nameKey(name: string): string {
  const words = fold(name)
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const cjk = words.every((w) => /^[\p{Script=Han}]+$/u.test(w));
  return cjk ? words.join('') : [...words].sort().join(' ');
}

/** Every substring of length 1 and 2 (by code point) of a value. */
function shortGrams(value: string, into: Set<string>) {
  const chars = [...value];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c.trim()) {
      into.add(c);
    }
    const next = chars[i + 1];
    if (next !== undefined && (c + next).trim().length === 2) {
      into.add(c + next);
    }
  }
}

/**
 * The search columns of a party.
 * - `text`: names, emails, phones (E.164 and national digits) and tags, lower-cased: substring search
 *   of 3+ characters goes through its trigram index (pg_trgm hashes CJK trigrams, so 张伟明 works).
 * - `grams`: every 1- and 2-character substring of the names and tags: queries of 1–2 characters
 *   (伟, 张伟) match through an array index instead of scanning. They match names and tags only.
 */
export function searchColumns(p: Searchable): { text: string; grams: string[] } {
  const names = [
    p.displayName,
    p.givenName,
    p.familyName,
    p.familyName && p.givenName ? `${p.familyName}${p.givenName}` : null,
  ]
    .filter((v): v is string => Boolean(v))
    .map(fold);
  const tags = p.tags.map(fold);
  const phones = p.phones.flatMap((ph) => [ph, nationalDigits(ph)]);
  const text = [...names, ...p.emails.map(fold), ...phones, ...tags].join('\n');
  const grams = new Set<string>();
  for (const v of [...names, ...tags]) {
    shortGrams(v, grams);
  }
  return { text, grams: [...grams] };
}

/** How a search text is matched: long queries by substring of the search text, short ones by gram. */
export function normaliseQuery(q: string): string {
  return fold(q.trim());
}
