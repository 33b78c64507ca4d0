import { isValid, parse as parseDate } from 'date-fns';
import { codeByLabel } from '../../platform/export/readable.ts';
import { levelLabels, roleLabels, stageLabels } from '../parties/index.ts';
import { cellText, type Cell } from './reader.ts';

// Cell values as the schemas want them: dates, moments, amounts, currencies, channels, yes/no, gender,
// kind, roles and lists, from the ways Chinese (and English) spreadsheets write them.

export class CellError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateFormats = ['yyyy年M月d日', 'yyyy/M/d', 'yyyy-M-d', 'yyyy.M.d', 'yyyyMMdd', 'yyyy年M月', 'M/d/yyyy'];
const dateTimeFormats = [
  'yyyy年M月d日 H:mm',
  'yyyy年M月d日 H:mm:ss',
  'yyyy/M/d H:mm',
  'yyyy/M/d H:mm:ss',
  'yyyy-M-d H:mm',
  'yyyy-M-d H:mm:ss',
  'yyyy.M.d H:mm',
];
const ref = new Date(2000, 0, 1);

/** A date as YYYY-MM-DD from 2024-03-05, 2024/3/5, 2024年3月5日, 2024.3.5, 20240305, an Excel date or serial number. */
export function parseDay(v: Cell): string {
  if (v instanceof Date) {
    return v.toISOString().slice(0, 10);
  }
  const s = cellText(v).trim().replace(/\s+/g, ' ');
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    // An Excel serial day number (1900 date system).
    const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(s)) * 86400000);
    return d.toISOString().slice(0, 10);
  }
  const iso = /^(\d{4}-\d{2}-\d{2})T/.exec(s);
  if (iso?.[1]) {
    return iso[1];
  }
  for (const f of dateFormats) {
    const d = parseDate(s, f, ref);
    if (isValid(d) && d.getFullYear() >= 1000) {
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    }
  }
  throw new CellError('invalid_date', `Not a date: use e.g. 2024-03-05, 2024/3/5 or 2024年3月5日`);
}

/** A moment as ISO 8601: with an offset as given, otherwise in the server's time zone; a bare date is its midnight. */
export function parseMoment(v: Cell): string {
  if (v instanceof Date) {
    return v.toISOString();
  }
  const s = cellText(v).trim().replace(/\s+/g, ' ');
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(s) && !Number.isNaN(Date.parse(s))) {
    return new Date(s).toISOString();
  }
  for (const f of dateTimeFormats) {
    const d = parseDate(s, f, ref);
    if (isValid(d)) {
      return d.toISOString();
    }
  }
  const day = parseDay(v);
  return parseDate(day, 'yyyy-MM-dd', ref).toISOString();
}

/** A number with thousands separators, currency signs or 元 removed: "12,345.50" → "12345.50". */
export function parseAmount(v: Cell): string {
  const s = cellText(v)
    .trim()
    .replace(/[,，'_\s¥￥$€]|元$/g, '');
  if (!/^\d{1,15}(\.\d{1,4})?$/.test(s)) {
    throw new CellError(
      'invalid_number',
      'Not an amount (digits, optionally with thousands separators and up to 4 decimals)',
    );
  }
  return s;
}

/** A signed decimal with thousands separators, currency signs or 元 removed: "-1,234.50" → "-1234.50"; the schema checks its range and decimals. */
export function parseDecimal(v: Cell): string {
  const s = cellText(v)
    .trim()
    .replace(/[,，'_\s¥￥$€]|元$/g, '');
  if (!/^[-+]?\d{1,15}(\.\d+)?$/.test(s)) {
    throw new CellError(
      'invalid_number',
      'Not a number (digits, optionally with a sign, thousands separators and decimals)',
    );
  }
  return s.replace(/^\+/, '');
}

const currencyWords: Record<string, string> = {
  人民币: 'CNY',
  元: 'CNY',
  rmb: 'CNY',
  '¥': 'CNY',
  '￥': 'CNY',
  美元: 'USD',
  美金: 'USD',
  欧元: 'EUR',
  港币: 'HKD',
  港元: 'HKD',
  日元: 'JPY',
  英镑: 'GBP',
  新台币: 'TWD',
};
/** A currency as its ISO code: CNY, 人民币, 元, 美元… (the schema checks the code). */
export const parseCurrency = (v: Cell): string => {
  const s = cellText(v).trim();
  return currencyWords[s.toLowerCase()] ?? s.toUpperCase();
};

const channelWords: Record<string, string> = {
  门店: 'store',
  线下: 'store',
  实体店: 'store',
  线上: 'online',
  网店: 'online',
  官网: 'online',
  电商: 'online',
  电话: 'phone',
  微信: 'wechat',
  小程序: 'wechat',
  合作伙伴: 'partner',
  经销商: 'partner',
  代理: 'partner',
};
/** A sales channel: store, online, phone, wechat, partner, their Chinese words, or any lower-case code. */
export const parseChannel = (v: Cell): string => {
  const s = cellText(v).trim();
  return channelWords[s] ?? s.toLowerCase().replace(/[\s-]+/g, '_');
};

const yes = new Set(['1', 'true', 'yes', 'y', '是', '在售', '启用', '有效', '上架']);
const no = new Set(['0', 'false', 'no', 'n', '否', '停售', '停用', '无效', '下架']);
export function parseBoolean(v: Cell): boolean {
  const s = cellText(v).trim().toLowerCase();
  if (yes.has(s)) {
    return true;
  }
  if (no.has(s)) {
    return false;
  }
  throw new CellError('invalid_boolean', 'Yes or no: 是/否, 在售/停售, true/false, 1/0');
}

const genderWords: Record<string, 'female' | 'male' | 'other' | 'undisclosed'> = {
  男: 'male',
  male: 'male',
  m: 'male',
  先生: 'male',
  女: 'female',
  female: 'female',
  f: 'female',
  女士: 'female',
  其他: 'other',
  other: 'other',
  保密: 'undisclosed',
  未知: 'undisclosed',
  undisclosed: 'undisclosed',
};
export function parseGender(v: Cell): string {
  const g = genderWords[cellText(v).trim().toLowerCase()];
  if (!g) {
    throw new CellError('invalid_gender', 'Gender: 男/女/其他/保密 or male/female/other/undisclosed');
  }
  return g;
}

const kindWords: Record<string, 'person' | 'organization'> = {
  person: 'person',
  个人: 'person',
  人: 'person',
  organization: 'organization',
  organisation: 'organization',
  company: 'organization',
  公司: 'organization',
  企业: 'organization',
  组织: 'organization',
  机构: 'organization',
};
export function parseKind(v: Cell): string {
  const k = kindWords[cellText(v).trim().toLowerCase()];
  if (!k) {
    throw new CellError('invalid_kind', 'Kind: person or organization (个人/公司)');
  }
  return k;
}

const roleWords: Record<string, string> = {
  客户: 'customer',
  顾客: 'customer',
  分销商: 'distributor',
  员工: 'employee',
  候选人: 'candidate',
  合作伙伴: 'partner',
  供应商: 'supplier',
  经销商: 'distributor',
  政府: 'government',
  社区: 'community',
  媒体: 'media',
};
/** "customer:new employee:stable", "客户, 合作伙伴" → [{ role, stage? }]. */
export function parseRoles(v: Cell): { role: string; stage?: string }[] {
  return cellText(v)
    .split(/[,，;；、|\s]+/)
    .filter(Boolean)
    .map((part) => {
      const [r = '', stage] = part.split(':');
      const role = roleWords[r] ?? roleCode(r) ?? r.toLowerCase();
      return stage ? { role, stage: parseStage(stage) } : { role };
    });
}

export const splitList = (v: Cell, re: RegExp) =>
  cellText(v)
    .split(re)
    .map((s) => s.trim())
    .filter(Boolean);

/** Phones split on , ; 、 / | or new lines; "+86… +86…" (as exported) splits on spaces too; spaces inside a number stay. */
export function splitPhones(v: Cell): string[] {
  return splitList(v, /[,，;；、/|\n]+/).flatMap((p) => (/^\+\d{6,}(\s+\+\d{6,})+$/.test(p) ? p.split(/\s+/) : [p]));
}

// The readable export's labels (either language) back to codes; a code maps to itself, anything else stays as
// written for the schema to refuse on its column.
const roleCode = codeByLabel(roleLabels);
const stageCode = codeByLabel(stageLabels);
const levelCode = codeByLabel(levelLabels);
export const parseStage = (s: string): string => stageCode(s) ?? s.trim();

/** One value per role, in role order, as the readable export lists them ("新顾客; 稳定期"). */
export const perRoleValues = (v: string): string[] =>
  v
    .split(/[;；,，、|]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** "基本型→伙伴型", "basic->partnership": the current and the target level as codes. */
export function parseLevel(s: string): { level?: string; targetLevel?: string } {
  const [level, target] = s.split(/→|->/).map((x) => x.trim());
  return {
    level: level ? (levelCode(level) ?? level) : undefined,
    targetLevel: target ? (levelCode(target) ?? target) : undefined,
  };
}
