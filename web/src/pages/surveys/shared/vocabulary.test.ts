import { describe, expect, it } from 'vitest';
import {
  audienceKinds,
  driverQuadrants,
  driverTags,
  gapPairings,
  questionTypes,
  resultGroupings,
  surveyKinds,
  surveyStatuses,
  valueElements,
} from '@tandem/server/api';
import en from '../../../i18n/en.json';
import zhCN from '../../../i18n/zh-CN.json';
import type { LinkState } from './answers.ts';

type Tree = { [key: string]: string | Tree };
const get = (tree: Tree, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);

// Keys the survey pages build from server vocabularies (the shared i18n test sees only literal keys).
const linkStates: (LinkState | 'thanks')[] = [
  'thanks',
  'answered',
  'unknown',
  'closed',
  'notOpen',
  'rateLimited',
  'invalid',
  'failed',
];
const keys = [
  ...surveyKinds.flatMap((k) => [
    `surveys.kinds.${k}`,
    `surveys.templates.${k}.title`,
    `surveys.templates.${k}.summary`,
  ]),
  ...surveyStatuses.flatMap((s) => [`surveys.statuses.${s}`, `surveys.moved.${s}`]),
  ...['open', 'closed'].flatMap((s) => [`surveys.actions.${s}`, `surveys.confirm.${s}`, `surveys.confirm.${s}Hint`]),
  ...questionTypes.map((q) => `surveys.questionTypes.${q}`),
  ...audienceKinds.map((a) => `surveys.audience.kinds.${a}`),
  ...resultGroupings.map((g) => `surveys.results.groupings.${g}`),
  ...driverTags.map((d) => `surveys.drivers.tags.${d}`),
  ...driverQuadrants.map((q) => `surveys.drivers.quadrants.${q}`),
  ...gapPairings.map((p) => `surveys.gap.${p}`),
  ...valueElements.map((v) => `surveys.dimensions.${v}`),
  ...['nps', 'csat', 'ces', 'mean'].map((h) => `surveys.results.headline.${h}`),
  ...['missingExpected', 'missingPerceived', 'duplicate', 'notScale'].map((p) => `surveys.builder.gapProblems.${p}`),
  ...linkStates.flatMap((s) => [`surveys.public.${s}.title`, `surveys.public.${s}.text`]),
];

describe('survey vocabulary', () => {
  it('names every kind, status, question type, audience, grouping, driver, dimension and link state in both languages', () => {
    for (const [language, tree] of [
      ['en', en],
      ['zh-CN', zhCN],
    ] as const) {
      expect(
        keys.filter((k) => typeof get(tree as Tree, k) !== 'string'),
        `missing in ${language}`,
      ).toEqual([]);
    }
  });
});
