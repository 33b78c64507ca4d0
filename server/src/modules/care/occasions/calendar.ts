import { LunarDay, SolarTerm } from 'tyme4ts';
import type { CareOccasionKey } from '../constants.ts';

/** The years the calendar answers for (the lunar tables and every default window stay well inside them). */
export const CALENDAR_FIRST_YEAR = 1901;
export const CALENDAR_LAST_YEAR = 2099;

type Rule =
  | { type: 'lunar'; month: number; day: number }
  | { type: 'term'; name: string }
  | { type: 'fixed'; month: number; day: number }
  | { type: 'nthSunday'; month: number; n: number }
  | { type: 'perParty' };

/**
 * How each occasion falls (docs/care.md "Occasions"). Lunar dates (Spring Festival, Lantern, Dragon Boat,
 * Mid-Autumn) and the Qingming solar term come from tyme4ts; the others are Gregorian rules.
 */
export const occasionRules: Record<CareOccasionKey, { zh: string; en: string; rule: Rule }> = {
  spring_festival: { zh: '春节', en: 'Spring Festival', rule: { type: 'lunar', month: 1, day: 1 } },
  lantern: { zh: '元宵节', en: 'Lantern Festival', rule: { type: 'lunar', month: 1, day: 15 } },
  qingming: { zh: '清明节', en: 'Qingming Festival', rule: { type: 'term', name: '清明' } },
  mothers_day: { zh: '母亲节', en: "Mother's Day", rule: { type: 'nthSunday', month: 5, n: 2 } },
  dragon_boat: { zh: '端午节', en: 'Dragon Boat Festival', rule: { type: 'lunar', month: 5, day: 5 } },
  fathers_day: { zh: '父亲节', en: "Father's Day", rule: { type: 'nthSunday', month: 6, n: 3 } },
  teachers_day: { zh: '教师节', en: "Teachers' Day", rule: { type: 'fixed', month: 9, day: 10 } },
  mid_autumn: { zh: '中秋节', en: 'Mid-Autumn Festival', rule: { type: 'lunar', month: 8, day: 15 } },
  national_day: { zh: '国庆节', en: 'National Day', rule: { type: 'fixed', month: 10, day: 1 } },
  double_11: { zh: '双十一', en: 'Double 11', rule: { type: 'fixed', month: 11, day: 11 } },
  christmas: { zh: '圣诞节', en: 'Christmas', rule: { type: 'fixed', month: 12, day: 25 } },
  birthday: { zh: '客户生日', en: "Customer's birthday", rule: { type: 'perParty' } },
};

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The n-th Sunday of a month (n from 1). */
function nthSunday(year: number, month: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay(); // 0 = Sunday
  return iso(year, month, 1 + ((7 - first) % 7) + (n - 1) * 7);
}

/** The Gregorian date of an occasion in a year, or null for a per-party occasion (a customer's birthday). */
export function occasionDate(key: CareOccasionKey, year: number): string | null {
  const { rule } = occasionRules[key];
  switch (rule.type) {
    case 'lunar': {
      const d = LunarDay.fromYmd(year, rule.month, rule.day).getSolarDay();
      return iso(d.getYear(), d.getMonth(), d.getDay());
    }
    case 'term': {
      const d = SolarTerm.fromName(year, rule.name).getJulianDay().getSolarDay();
      return iso(d.getYear(), d.getMonth(), d.getDay());
    }
    case 'fixed':
      return iso(year, rule.month, rule.day);
    case 'nthSunday':
      return nthSunday(year, rule.month, rule.n);
    case 'perParty':
      return null;
  }
}
