// Where each home card leads, and the numbers it shows, as pure functions of GET /api/home (unit-tested). A card the
// web does not know yet still shows its title and its numeric fields, and leads nowhere.

export interface CardFigure {
  /** i18n key of the label under home.figures. */
  label: string;
  value: number | string | null;
  kind: 'count' | 'share' | 'money' | 'score' | 'r' | 'text';
}

const links: Record<string, string> = {
  value: '/value/overview',
  chain: '/insight/chain',
  capability: '/insight/capability',
  key_person: '/insight/key-person',
  at_risk_customers: '/parties/board',
  team_at_risk: '/parties/board',
  tasks: '/tasks',
  team_engagement: '/people/turnover',
  appraisals_due: '/people/cycles',
  attrition_bands: '/people/attrition',
  turnover: '/people/turnover',
  grievances_sla: '/service/cases',
  hr_relationships: '/parties/relationship-map',
  my_tasks_today: '/tasks',
  my_at_risk: '/parties/board',
  my_open_cases: '/service/cases',
  my_appraisals: '/me/appraisals',
  open_surveys: '/me/surveys',
  my_grievances: '/me/grievances',
};

/** The page a card opens (null for a card without one). */
export const cardLink = (key: string): string | null => links[key] ?? null;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** A percentage (× 100) as a share 0–1. */
const percent = (v: unknown): number | null => {
  const n = num(v);
  return n === null ? null : n / 100;
};
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** The figures a card shows, from its `data`. */
export function cardFigures(key: string, data: Record<string, unknown>): CardFigure[] {
  switch (key) {
    case 'value':
      return [
        { label: 'revenue', value: num(data.revenue), kind: 'money' },
        { label: 'activeCustomers', value: num(data.activeCustomers), kind: 'count' },
        // Value's rates are percentages (× 100).
        { label: 'retentionRate', value: percent(data.retentionRate), kind: 'share' },
      ];
    case 'chain': {
      const p = obj(data.pearson);
      return [
        { label: 'r', value: num(p.r), kind: 'r' },
        { label: 'units', value: num(data.n), kind: 'count' },
      ];
    }
    case 'capability':
      return [
        { label: 'index', value: num(data.index), kind: 'score' },
        { label: 'asOf', value: typeof data.asOf === 'string' ? data.asOf : null, kind: 'text' },
      ];
    case 'key_person': {
      const c = obj(data.concentration);
      const top = Array.isArray(data.top) ? (data.top as Record<string, unknown>[]) : [];
      return [
        { label: 'topExposure', value: num(top[0]?.exposure), kind: 'share' },
        { label: 'topOwner', value: typeof top[0]?.name === 'string' ? top[0].name : null, kind: 'text' },
        { label: 'top20', value: num(c.top20Share), kind: 'share' },
      ];
    }
    case 'attrition_bands': {
      const b = obj(data.bands);
      return [
        { label: 'high', value: num(b.high), kind: 'count' },
        { label: 'medium', value: num(b.medium), kind: 'count' },
        { label: 'low', value: num(b.low), kind: 'count' },
      ];
    }
    case 'turnover':
      // The server's rate is a percentage (separations / average headcount × 100).
      return [
        { label: 'rate', value: percent(data.rate), kind: 'share' },
        { label: 'leavers', value: num(data.leavers), kind: 'count' },
        { label: 'headcount', value: num(data.headcount), kind: 'count' },
      ];
    case 'team_engagement': {
      const groups = Array.isArray(data.groups) ? (data.groups as Record<string, unknown>[]) : [];
      const scores = groups.map((g) => num(g.score)).filter((s): s is number => s !== null);
      return [
        { label: 'groups', value: groups.length, kind: 'count' },
        {
          label: 'score',
          value: scores.length ? scores.reduce((a, s) => a + s, 0) / scores.length : null,
          kind: 'score',
        },
      ];
    }
    default:
      return Object.entries(data)
        .filter(([, v]) => typeof v === 'number')
        .map(([label, v]) => ({ label, value: v as number, kind: 'count' }));
  }
}
