/**
 * @mentions in interaction notes (docs/domain.md "Notifications"): `@name` names a user by their username (the part of
 * their email before the @) or by a display name without spaces (张伟, Alice); `@[Display Name]` names one with spaces.
 * Matching ignores case. A name ends at a space or punctuation (so "请@张伟 跟进" names 张伟). An @ right after a Latin
 * letter, digit or one of `._%+-` is part of an email address, not a mention; trailing dots, dashes and underscores
 * end the name ("thanks @alice." names alice).
 */
const bracketed = /(?<![A-Za-z0-9._%+-])@\[([^\]\n]{1,100})\]/gu;
const bare = /(?<![A-Za-z0-9._%+-])@([\p{L}\p{N}._-]{1,64})/gu;

/** The lower-cased names a text mentions, each once, at most 20 (more is not a note but a broadcast). */
export function mentionedNames(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(bracketed)) {
    const name = (m[1] ?? '').trim().toLowerCase();
    if (name) {
      out.add(name);
    }
  }
  for (const m of text.replace(bracketed, ' ').matchAll(bare)) {
    const name = (m[1] ?? '').replace(/[._-]+$/u, '').toLowerCase();
    if (name) {
      out.add(name);
    }
  }
  return [...out].slice(0, 20);
}
