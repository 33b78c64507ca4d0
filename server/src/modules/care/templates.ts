import type { CareMergeField } from './constants.ts';

/**
 * Fills `{{field}}` merge fields (docs/care.md "Templates"). Fields are checked on save, so an unknown one never
 * reaches here; a known field without a value (no purchase products on a birthday) becomes the empty string.
 */
export function renderTemplate(text: string, values: Partial<Record<CareMergeField, string | number | null>>): string {
  return text.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_, name: string) => {
    const v = values[name as CareMergeField];
    return v === null || v === undefined ? '' : String(v);
  });
}

/** The version of a bilingual text for a language: Chinese for zh-CN, English otherwise. */
export const pickLanguage = <T>(locale: string | null | undefined, zh: T, en: T): T => (locale === 'zh-CN' ? zh : en);
