import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { validation } from '../../platform/errors.ts';
import { ces, csat, gap, nps, quadrant, round, suppressedKeys } from './metrics.ts';
import { relativeWeights } from './relative-weights.ts';
import { resultsRepository } from './results.repository.ts';
import type {
  Drivers,
  GroupBy,
  Question,
  QuestionMetric,
  ResultGroup,
  Results,
  TextAnswers,
} from './surveys.schema.ts';
import { isEmployeeSide, surveysService } from './surveys.service.ts';
import type { SurveyRow } from './surveys.tables.ts';

type Key = string;
const k3 = (g: string, q: string, item: string) => `${g}\u0000${q}\u0000${item}`;

/** Thresholds apply to employee-side and anonymous surveys (docs/domain.md, Access). */
const thresholded = (s: SurveyRow) => s.anonymous || isEmployeeSide(s);

function hide(g: ResultGroup): ResultGroup {
  return { key: g.key, name: g.name, suppressed: true };
}

const cellKey = (q: QuestionMetric) => `${q.questionId}\u0000${q.item ?? ''}`;
const hiddenQuestion = (q: QuestionMetric): QuestionMetric => ({
  questionId: q.questionId,
  type: q.type,
  ...(q.item ? { item: q.item } : {}),
  n: 0,
  suppressed: true,
});

/**
 * Within shown groups, one question's answers follow the same rule as groups: a cell below the minimum shows no
 * numbers, and neither does the next-smallest while the total minus the shown cells leaves a small remainder.
 */
function suppressQuestions(total: ResultGroup, groups: ResultGroup[], min: number): ResultGroup[] {
  const hidden = new Set<string>();
  for (const t of total.questions ?? []) {
    const k = cellKey(t);
    const cells = groups.flatMap((g) => {
      const q = g.questions?.find((x) => cellKey(x) === k);
      return q ? [{ key: `${g.key}\u0000${k}`, n: q.n }] : [];
    });
    suppressedKeys(cells, min, t.suppressed ? null : t.n).forEach((c) => hidden.add(c));
  }
  return groups.map((g) => ({
    ...g,
    questions: g.questions?.map((q) => (hidden.has(`${g.key}\u0000${cellKey(q)}`) ? hiddenQuestion(q) : q)),
  }));
}

/** The total's own questions below the minimum show no numbers. */
const hideThinQuestions = (g: ResultGroup, min: number): ResultGroup => ({
  ...g,
  questions: g.questions?.map((q) => (q.n < min ? hiddenQuestion(q) : q)),
});

/** While an anonymous survey is open, only its total shows (in steps of the release batches); groups at close. */
const groupsWithheld = (s: SurveyRow, groupBy: GroupBy) => s.anonymous && s.status !== 'closed' && groupBy !== 'none';

/** Results of an anonymous or employee-side survey: small groups and cells suppressed, their complements too. */
function thresholdedResults(s: SurveyRow, groupBy: GroupBy, all: ResultGroup, groups: ResultGroup[]): Results {
  const min = s.min_group_size;
  const totalShown = (all.n ?? 0) >= min;
  const total = totalShown ? hideThinQuestions(all, min) : hide(all);
  if (groupsWithheld(s, groupBy)) {
    return { groupBy, minGroupSize: min, total, groups: [], groupsWithheldUntilClose: true };
  }
  const hidden = suppressedKeys(
    groups.map((g) => ({ key: g.key, n: g.n ?? 0 })),
    min,
    totalShown ? (all.n ?? 0) : null,
  );
  const shown = suppressQuestions(
    total,
    groups.filter((g) => !hidden.has(g.key)),
    min,
  );
  return {
    groupBy,
    minGroupSize: min,
    total,
    groups: groups.map((g) => (hidden.has(g.key) ? hide(g) : (shown.find((x) => x.key === g.key) ?? hide(g)))),
    groupsWithheldUntilClose: false,
  };
}

export function resultsService(deps: Deps) {
  const { db } = deps;
  const surveys = surveysService(deps);

  /** Every group's numbers for one grouping, before suppression. */
  async function aggregate(s: SurveyRow, groupBy: GroupBy, zh: boolean): Promise<ResultGroup[]> {
    const args = [db, s.org_id, s.id, groupBy] as const;
    const [counts, invited, numeric, dist, choices, gaps, names] = await Promise.all([
      resultsRepository.groupCounts(...args),
      resultsRepository.invitedCounts(db, s.org_id, s.id, s.audience, groupBy),
      resultsRepository.numeric(...args),
      resultsRepository.distribution(...args),
      resultsRepository.choices(...args),
      resultsRepository.gaps(...args),
      resultsRepository.groupNames(db, s.org_id, groupBy, zh),
    ]);
    const num = new Map<Key, (typeof numeric)[number]>(numeric.map((r) => [k3(r.gkey, r.question_id, r.item), r]));
    const distOf = (key: Key) =>
      Object.fromEntries(
        dist.filter((d) => k3(d.gkey, d.question_id, d.item) === key).map((d) => [String(Number(d.value)), d.n]),
      );
    const keys = [...new Set([...counts.map((c) => c.gkey), ...invited.map((c) => c.gkey)])].sort();
    return keys.map((g) => {
      const n = counts.find((c) => c.gkey === g)?.n ?? 0;
      const inv = invited.find((c) => c.gkey === g)?.n ?? 0;
      const questions = s.questions.flatMap((q): QuestionMetric[] => metricsOf(s, q, g, num, distOf, choices));
      return {
        key: g,
        name: groupBy === 'none' ? null : groupBy === 'role' ? g : (names.get(g) ?? null),
        suppressed: false,
        n,
        invited: inv,
        responseRate: inv ? round((100 * n) / inv) : null,
        questions,
        gaps: gaps
          .filter((x) => x.gkey === g)
          .flatMap((x) => {
            const v = gap(x.expected, x.perceived);
            return v ? [{ dimension: x.dimension, ...v }] : [];
          }),
      };
    });
  }

  return {
    async results(ctx: RequestContext, id: string, groupBy: GroupBy): Promise<Results> {
      const s = await surveys.visible(ctx, id);
      const zh = ctx.actor.locale === 'zh-CN';
      const [first] = await aggregate(s, 'none', zh);
      const all = first ?? {
        key: 'all',
        name: null,
        suppressed: false,
        n: 0,
        invited: 0,
        responseRate: null,
        questions: [],
        gaps: [],
      };
      const groups = groupBy === 'none' ? [all] : (await aggregate(s, groupBy, zh)).filter((g) => (g.n ?? 0) > 0);
      if (!thresholded(s)) {
        return { groupBy, minGroupSize: s.min_group_size, total: all, groups, groupsWithheldUntilClose: false };
      }
      return thresholdedResults(s, groupBy, all, groups);
    },

    async drivers(ctx: RequestContext, id: string, outcome: string): Promise<Drivers> {
      const s = await surveys.visible(ctx, id);
      const numeric = s.questions.filter((q) => q.type === 'scale' || q.type === 'nps');
      const out = numeric.find((q) => q.id === outcome);
      if (!out) {
        throw validation('The outcome must be a scale or NPS question of this survey', [
          { path: ['query', 'outcome'], message: 'Not a numeric question', code: 'bad_outcome' },
        ]);
      }
      const tagged = numeric.filter((q) => q.id !== outcome && q.driver);
      const drivers = tagged.length ? tagged : numeric.filter((q) => q.id !== outcome);
      const ids = [outcome, ...drivers.map((d) => d.id)];
      const { pairs, means, n } = await resultsRepository.correlations(db, s.org_id, s.id, ids);
      if (thresholded(s) && n < s.min_group_size) {
        return { outcome, n, suppressed: true, rSquared: null, items: [] };
      }
      const r = (a: string, b: string) => pairs.find((p) => p.qa === a && p.qb === b)?.r ?? null;
      const meanOf = (q: string) => means.find((m) => m.question_id === q)?.mean ?? null;
      const usable = drivers.filter(
        (d) => r(d.id, outcome) !== null && drivers.every((e) => r(d.id, e.id) !== null || e.id === d.id),
      );
      let weights: number[] | null = null;
      let rSquared: number | null = null;
      if (usable.length) {
        try {
          const rw = relativeWeights(
            usable.map((a) => usable.map((b) => (a.id === b.id ? 1 : (r(a.id, b.id) ?? 0)))),
            usable.map((d) => r(d.id, outcome) ?? 0),
          );
          weights = rw.weights;
          rSquared = rw.rSquared;
        } catch {
          // Collinear drivers: correlations and means still say something; weights do not exist.
        }
      }
      const perf = (q: Question) => {
        const m = meanOf(q.id);
        const [lo, hi] = q.type === 'scale' ? [q.min, q.max] : [0, 10];
        return m === null ? null : (m - lo) / (hi - lo);
      };
      const weightOf = (qid: string) => {
        const i = usable.findIndex((u) => u.id === qid);
        return weights && i >= 0 ? (weights[i] ?? null) : null;
      };
      const avgW = weights ? weights.reduce((a, b) => a + b, 0) / weights.length : 0;
      const perfs = usable.map(perf).filter((p): p is number => p !== null);
      const avgP = perfs.reduce((a, b) => a + b, 0) / (perfs.length || 1);
      return {
        outcome,
        n,
        suppressed: false,
        rSquared: rSquared === null ? null : round(rSquared, 4),
        items: drivers.map((d) => {
          const w = weightOf(d.id);
          const p = perf(d);
          const rv = r(d.id, outcome);
          const m = meanOf(d.id);
          return {
            questionId: d.id,
            driver: d.driver ?? null,
            r: rv === null ? null : round(rv, 4),
            relativeWeight: w === null ? null : round(w, 4),
            mean: m === null ? null : round(m, 2),
            quadrant: w === null || p === null ? null : quadrant(w, avgW, p, avgP),
          };
        }),
      };
    },

    async texts(
      ctx: RequestContext,
      id: string,
      q: { questionId?: string | undefined; groupBy: GroupBy },
    ): Promise<TextAnswers> {
      const s = await surveys.visible(ctx, id);
      const textQs = s.questions.filter((x) => x.type === 'text' && (!q.questionId || x.id === q.questionId));
      if (q.questionId && !textQs.length) {
        throw validation('Not a text question of this survey', [
          { path: ['query', 'questionId'], message: 'Not a text question', code: 'bad_question' },
        ]);
      }
      const rows = await resultsRepository.texts(
        db,
        s.org_id,
        s.id,
        q.groupBy,
        textQs.map((x) => x.id),
      );
      const identified = !thresholded(s);
      const counts = await resultsRepository.groupCounts(db, s.org_id, s.id, q.groupBy);
      const totalN = counts.reduce((a, c) => a + c.n, 0);
      if (!identified && groupsWithheld(s, q.groupBy)) {
        return { groups: [], groupsWithheldUntilClose: true };
      }
      const hidden = identified
        ? new Set<string>()
        : suppressedKeys(
            counts.map((c) => ({ key: c.gkey, n: c.n })),
            s.min_group_size,
            totalN >= s.min_group_size && q.groupBy !== 'none' ? totalN : null,
          );
      if (!identified && totalN < s.min_group_size) {
        counts.forEach((c) => hidden.add(c.gkey));
      }
      const names = await resultsRepository.groupNames(db, s.org_id, q.groupBy, ctx.actor.locale === 'zh-CN');
      return {
        groups: counts
          .map((c) => c.gkey)
          .sort()
          .map((g) => ({
            key: g,
            name: q.groupBy === 'none' ? null : q.groupBy === 'role' ? g : (names.get(g) ?? null),
            suppressed: hidden.has(g),
            items: hidden.has(g)
              ? []
              : rows
                  .filter((r) => r.gkey === g)
                  // Never with respondent identity unless the survey is a named customer survey.
                  .map((r) => ({
                    questionId: r.question_id,
                    text: r.text,
                    partyId: identified ? r.party_id : null,
                    submittedAt: identified ? r.submitted_at.toISOString() : null,
                  })),
          })),
        groupsWithheldUntilClose: false,
      };
    },
  };
}

function metricsOf(
  s: SurveyRow,
  q: Question,
  g: string,
  num: Map<
    Key,
    {
      n: number;
      mean: number | null;
      promoters: number;
      passives: number;
      detractors: number;
      top2: number;
      top3: number;
    }
  >,
  distOf: (key: Key) => Record<string, number>,
  choices: { gkey: string; question_id: string; choice: string; n: number; answers: number }[],
): QuestionMetric[] {
  switch (q.type) {
    case 'nps':
    case 'scale': {
      const key = k3(g, q.id, '');
      const a = num.get(key);
      const n = a?.n ?? 0;
      const m: QuestionMetric = {
        questionId: q.id,
        type: q.type,
        n,
        mean: a?.mean === null || a?.mean === undefined ? null : round(a.mean, 2),
        distribution: distOf(key),
      };
      if (q.type === 'nps' && a) {
        m.nps = nps(a) ?? undefined;
      }
      if (q.type === 'scale' && a && s.kind === 'csat' && q.min === 1 && q.max === 5) {
        m.csat = csat(a.top2, n) ?? undefined;
      }
      if (q.type === 'scale' && a && s.kind === 'ces' && q.min === 1 && q.max === 7) {
        m.ces = ces(a.mean, a.top3, n) ?? undefined;
      }
      return [m];
    }
    case 'matrix':
      return q.rows.map((row) => {
        const key = k3(g, q.id, row.key);
        const a = num.get(key);
        return {
          questionId: q.id,
          type: q.type,
          item: row.key,
          n: a?.n ?? 0,
          mean: a?.mean === null || a?.mean === undefined ? null : round(a.mean, 2),
          distribution: distOf(key),
        };
      });
    case 'choice': {
      const mine = choices.filter((c) => c.gkey === g && c.question_id === q.id);
      const counts = Object.fromEntries(q.options.map((o) => [o.key, mine.find((c) => c.choice === o.key)?.n ?? 0]));
      // n is respondents who answered; with multiple choice the picks add up to more than n.
      return [{ questionId: q.id, type: q.type, n: mine[0]?.answers ?? 0, choices: counts }];
    }
    case 'text':
      return [];
  }
}
