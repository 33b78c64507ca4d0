import type { Locale } from '../identity/constants-types.ts';

// The readable export (docs/domain.md "Exports"): headers, labels and names in the reader's language, which the
// import maps back; the machine format (`raw=true`) keeps field names, codes and ids.

export const exportLangs = ['zh-CN', 'en'] as const;
export type ExportLang = (typeof exportLangs)[number];

/** A text in both export languages. */
export type Labels = Record<ExportLang, string>;

/** The language asked for, else the caller's language setting, else Chinese (the product's default). */
export function exportLang(asked: ExportLang | undefined, locale: Locale | null | undefined): ExportLang {
  if (asked) {
    return asked;
  }
  return locale === 'en' ? 'en' : 'zh-CN';
}

/** A code's label in `lang` (the code itself when it has none, so nothing is lost). */
export const labelOf = (labels: Record<string, Labels>, code: string, lang: ExportLang): string =>
  labels[code]?.[lang] ?? code;

/**
 * Code ← label in either language (folded: case and spaces), for imports of readable files; codes map to
 * themselves.
 */
export function codeByLabel(labels: Record<string, Labels>): (text: string) => string | undefined {
  const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  const map = new Map<string, string>();
  for (const [code, l] of Object.entries(labels)) {
    map.set(fold(code), code);
    map.set(fold(l.en), code);
    map.set(fold(l['zh-CN']), code);
  }
  return (text) => map.get(fold(text));
}
