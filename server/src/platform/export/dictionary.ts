import { en } from './dictionary.en.ts';
import { zhCN } from './dictionary.zh-CN.ts';
import type { ExportLang } from './readable.ts';

// One dictionary per language for the readable exports of cases, products, transactions, users and the audit
// trail (docs/domain.md "Exports"): labels of codes (the same words as the web's i18n files) and each export's
// headers. Parties keep theirs beside the module (modules/parties/export-labels.ts) because the import reads them.

export const dictionarySections = [
  'roles',
  'auditActions',
  'auditEntityTypes',
  'auditActorTypes',
  'caseTypes',
  'caseStatuses',
  'casePriorities',
  'caseChannels',
  'slaStates',
  'rootCauses',
  'remedies',
  'salesChannels',
  'languages',
  'yesNo',
  'userStatus',
  'caseHeaders',
  'productHeaders',
  'transactionHeaders',
  'userHeaders',
  'auditHeaders',
] as const;
export type DictionarySection = (typeof dictionarySections)[number];
export type ExportDictionary = Record<DictionarySection, Record<string, string>>;

export const exportDictionaries: Record<ExportLang, ExportDictionary> = { 'zh-CN': zhCN, en };

/** The words of one language: `word(section, code)` is the label, or the code itself when it has none. */
export function wordsOf(lang: ExportLang) {
  const dict = exportDictionaries[lang];
  return (section: DictionarySection, code: string | null | undefined): string | null =>
    code === null || code === undefined ? null : (dict[section][code] ?? code);
}
export type Words = ReturnType<typeof wordsOf>;

/** A column list's headers in `lang` (the key itself where the dictionary has none), values unchanged. */
export function withHeaders<C extends { key: string; header: string }>(
  columns: C[],
  lang: ExportLang,
  section: DictionarySection,
): C[] {
  const headers = exportDictionaries[lang][section];
  return columns.map((c) => ({ ...c, header: headers[c.key] ?? c.header }));
}
