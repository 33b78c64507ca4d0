import { describe, expect, it } from 'vitest';
import {
  auditActions,
  auditEntityTypes,
  caseChannels,
  casePriorities,
  caseStatuses,
  caseTypes,
  locales,
  remedies,
  roles,
  rootCauses,
  slaStates,
} from '../src/api.ts';
import { dictionarySections, exportDictionaries } from '../src/platform/export/dictionary.ts';
import { caseColumns } from '../src/modules/cases/index.ts';
import { productColumns, transactionColumns } from '../src/modules/commerce/index.ts';
import { auditColumns, userColumns } from '../src/platform/export/platform-columns.ts';

// Every code a readable export shows has a label in both languages (docs/domain.md "Exports"), and every column a
// header: a code added to a list without a label would leave the code in a reader's file.

const codes: Record<string, readonly string[]> = {
  roles,
  auditActions,
  auditEntityTypes,
  auditActorTypes: ['user', 'token', 'system', 'anonymous'],
  caseTypes,
  caseStatuses,
  casePriorities,
  caseChannels,
  slaStates,
  rootCauses,
  remedies,
  salesChannels: ['store', 'online', 'phone', 'wechat', 'partner'],
  languages: locales,
  yesNo: ['true', 'false'],
  userStatus: ['true', 'false'],
  caseHeaders: [...caseColumns.map((c) => c.key), 'assigneeUnit'],
  productHeaders: productColumns.map((c) => c.key),
  transactionHeaders: [
    ...transactionColumns.map((c) => c.key).filter((k) => !['partyId', 'products'].includes(k)),
    'partyName',
    'productName',
    'quantity',
    'unitPrice',
    'lineAmount',
  ],
  userHeaders: userColumns.map((c) => c.key),
  auditHeaders: auditColumns.map((c) => c.key),
};

describe('export dictionary', () => {
  it('has a label for every code in both languages, and the same keys in both', () => {
    expect(Object.keys(codes).sort()).toEqual([...dictionarySections].sort());
    for (const [lang, dict] of Object.entries(exportDictionaries)) {
      for (const section of dictionarySections) {
        const missing = (codes[section] ?? []).filter((c) => !dict[section][c]?.trim());
        expect(missing, `${lang} ${section}`).toEqual([]);
      }
    }
    for (const section of dictionarySections) {
      expect(Object.keys(exportDictionaries.en[section]).sort(), section).toEqual(
        Object.keys(exportDictionaries['zh-CN'][section]).sort(),
      );
    }
  });

  it('gives each column of one export its own header', () => {
    for (const dict of Object.values(exportDictionaries)) {
      for (const section of dictionarySections.filter((s) => s.endsWith('Headers'))) {
        const headers = Object.values(dict[section]);
        expect(new Set(headers).size, section).toBe(headers.length);
      }
    }
  });
});
