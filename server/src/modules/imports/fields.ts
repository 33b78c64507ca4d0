import { exportDictionaries, type DictionarySection } from '../../platform/export/dictionary.ts';
import { partyExportHeaders } from '../parties/index.ts';
import type { ImportEntity } from './imports.tables.ts';

/**
 * What a column can map to, per entity: API field names, plus the common headers of Chinese (and
 * English) spreadsheets. A header maps automatically when, folded (case, width, spaces, _ and -),
 * it equals a field name or one of its aliases; custom fields map by key or label as `custom.<key>`.
 */
export interface FieldSpec {
  key: string;
  aliases: string[];
  /** Several columns may fill it (手机 and 电话 → phones). */
  list?: boolean;
}

const partyFields: FieldSpec[] = [
  { key: 'externalId', aliases: ['external id', 'external_id', '外部编号', '外部id', '客户编号', '编号'] },
  { key: 'displayName', aliases: ['name', 'display name', 'full name', '姓名', '名称', '名字', '客户名称', '联系人'] },
  { key: 'givenName', aliases: ['given name', 'first name', '名'] },
  { key: 'familyName', aliases: ['family name', 'last name', 'surname', '姓'] },
  { key: 'kind', aliases: ['type', '类型'] },
  { key: 'company', aliases: ['company', 'organization', 'organisation', '公司', '公司名称', '单位', '企业'] },
  { key: 'emails', aliases: ['email', 'e-mail', 'mail', '邮箱', '电子邮件', '电子邮箱', '邮件'], list: true },
  {
    key: 'phones',
    aliases: [
      'phone',
      'mobile',
      'tel',
      'telephone',
      '手机',
      '手机号',
      '手机号码',
      '电话',
      '电话号码',
      '联系电话',
      '联系方式',
    ],
    list: true,
  },
  { key: 'birthday', aliases: ['birth date', 'date of birth', '生日', '出生日期'] },
  { key: 'gender', aliases: ['sex', '性别'] },
  { key: 'address', aliases: ['地址', '详细地址'] },
  { key: 'city', aliases: ['城市', '市'] },
  { key: 'region', aliases: ['province', 'state', '省份', '省'] },
  { key: 'country', aliases: ['国家'] },
  { key: 'locale', aliases: ['language', '语言'] },
  { key: 'tags', aliases: ['tag', 'labels', '标签'], list: true },
  { key: 'owner', aliases: ['ownerid', 'owner email', '负责人', '负责人邮箱', '客户经理'] },
  { key: 'roles', aliases: ['角色'] },
  { key: 'stage', aliases: ['阶段', '生命周期阶段'] },
  { key: 'level', aliases: ['关系层级', '层级'] },
  { key: 'stakeholderGroup', aliases: ['stakeholder group', '利益相关者群体', '群体'] },
];

const employmentFields: FieldSpec[] = [
  { key: 'employeeNo', aliases: ['employee no', 'employee number', '工号', '员工编号'] },
  { key: 'hireDate', aliases: ['hire date', '入职日期', '入职时间'] },
  { key: 'orgUnit', aliases: ['orgunitid', 'department', 'org unit', '部门', '所属部门'] },
  { key: 'manager', aliases: ['managerid', 'manager email', '上级', '直属上级', '直接上级'] },
  { key: 'jobTitle', aliases: ['title', 'job title', 'position', '职位', '岗位', '职务'] },
  { key: 'careerTrack', aliases: ['career track', '序列', '职业序列'] },
  { key: 'grade', aliases: ['职级', '级别'] },
  { key: 'salary', aliases: ['薪资', '工资', '月薪'] },
  { key: 'exitDate', aliases: ['exit date', '离职日期'] },
  { key: 'exitReason', aliases: ['exit reason', '离职原因'] },
];

const interactionFields: FieldSpec[] = [
  { key: 'partyId', aliases: ['party id'] },
  { key: 'partyExternalId', aliases: ['party external id', '客户编号', '外部编号'] },
  { key: 'partyEmail', aliases: ['party email', 'email', '邮箱'] },
  { key: 'partyPhone', aliases: ['party phone', 'phone', '手机', '电话'] },
  { key: 'partyName', aliases: ['party', 'party name', 'name', '客户', '姓名', '联系人', '客户名称'] },
  { key: 'channel', aliases: ['渠道', '方式', '沟通方式'] },
  { key: 'direction', aliases: ['方向'] },
  { key: 'occurredAt', aliases: ['date', 'time', 'occurred at', '时间', '日期', '发生时间', '沟通时间'] },
  { key: 'subject', aliases: ['title', '主题', '标题'] },
  { key: 'body', aliases: ['notes', 'content', '内容', '详情', '备注', '记录'] },
  { key: 'outcome', aliases: ['result', '结果'] },
  { key: 'sentiment', aliases: ['情绪', '态度'] },
  { key: 'user', aliases: ['userid', 'user email', '跟进人', '负责人'] },
];

const productFields: FieldSpec[] = [
  { key: 'externalId', aliases: ['external id', 'external_id', '外部编号', '外部id'] },
  { key: 'name', aliases: ['product', 'product name', '名称', '产品', '产品名称', '商品', '商品名称', '品名'] },
  { key: 'sku', aliases: ['货号', '产品编号', '商品编号', '产品编码', '商品编码', '编码', '条码'] },
  { key: 'category', aliases: ['类别', '分类', '品类', '类目', '产品类别', '商品类别'] },
  { key: 'price', aliases: ['价格', '单价', '售价', '标价', '零售价'] },
  { key: 'currency', aliases: ['币种', '货币'] },
  { key: 'active', aliases: ['状态', '在售', '启用'] },
];

const transactionFields: FieldSpec[] = [
  {
    key: 'externalId',
    aliases: ['external id', 'order', 'order id', 'order no', '订单号', '订单编号', '交易编号', '单号', '流水号'],
  },
  { key: 'partyId', aliases: ['party id', '客户id'] },
  { key: 'partyExternalId', aliases: ['party external id', 'customer id', '客户编号', '会员号', '会员编号'] },
  { key: 'partyEmail', aliases: ['party email', 'email', '邮箱', '客户邮箱'] },
  { key: 'partyPhone', aliases: ['party phone', 'phone', '手机', '手机号', '电话', '客户手机'] },
  { key: 'partyName', aliases: ['party', 'party name', 'customer', '客户', '客户名称', '姓名', '会员'] },
  {
    key: 'occurredAt',
    aliases: ['date', 'time', 'occurred at', '日期', '交易日期', '交易时间', '下单时间', '订单日期', '时间'],
  },
  { key: 'amount', aliases: ['total', '金额', '总金额', '订单金额', '交易金额', '实付金额'] },
  { key: 'currency', aliases: ['币种', '货币'] },
  { key: 'channel', aliases: ['渠道', '销售渠道'] },
  { key: 'note', aliases: ['notes', '备注'] },
  { key: 'productId', aliases: ['product id', '产品id'] },
  { key: 'productSku', aliases: ['sku', '货号', '产品编号', '商品编号', '产品编码', '商品编码'] },
  { key: 'productExternalId', aliases: ['product external id', '产品外部编号'] },
  { key: 'productName', aliases: ['product', 'product name', '产品', '产品名称', '商品', '商品名称', '品名'] },
  { key: 'quantity', aliases: ['qty', '数量', '件数'] },
  { key: 'unitPrice', aliases: ['unit price', 'price', '单价', '价格'] },
  { key: 'lineAmount', aliases: ['line amount', 'subtotal', '小计', '行金额', '明细金额'] },
];

/** The readable party export's headers in both languages as aliases, so an exported file imports back. */
function withExportHeaders(fields: FieldSpec[]): FieldSpec[] {
  return fields.map((f) => {
    const headers = Object.values(partyExportHeaders).filter((h) => h.importAs === f.key);
    return headers.length ? { ...f, aliases: [...f.aliases, ...headers.flatMap((h) => [h.en, h['zh-CN']])] } : f;
  });
}

/** A readable export's headers (platform/export/dictionary.*.ts) as aliases of the field of the same key. */
function withDictionaryHeaders(fields: FieldSpec[], section: DictionarySection): FieldSpec[] {
  const headers = Object.values(exportDictionaries).map((d) => d[section]);
  return fields.map((f) => {
    const more = headers.map((h) => h[f.key]).filter((h): h is string => Boolean(h));
    return more.length ? { ...f, aliases: [...f.aliases, ...more] } : f;
  });
}

export function fieldsOf(entity: ImportEntity): FieldSpec[] {
  switch (entity) {
    case 'parties':
      // A person's job title at the company column's organisation (the works_at link's role).
      return withExportHeaders([...partyFields, ...employmentFields.filter((f) => f.key === 'jobTitle')]);
    case 'employees':
      return withExportHeaders([...partyFields.filter((f) => f.key !== 'company'), ...employmentFields]);
    case 'interactions':
      return interactionFields;
    case 'products':
      return withDictionaryHeaders(productFields, 'productHeaders');
    case 'transactions':
      return withDictionaryHeaders(transactionFields, 'transactionHeaders');
  }
}

/** Entities whose columns may map to custom fields (the parties module's field definitions). */
export const hasCustomFields = (entity: ImportEntity) => entity === 'parties' || entity === 'employees';

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.:：()（）*]/g, '');

export interface CustomDef {
  key: string;
  label_zh: string;
  label_en: string;
}

/** The suggested mapping of headers to fields (null: not imported). The first column wins a single-valued field. */
export function suggestMapping(
  entity: ImportEntity,
  headers: string[],
  custom: CustomDef[] = [],
): Record<string, string | null> {
  const fields = fieldsOf(entity);
  const taken = new Set<string>();
  const out: Record<string, string | null> = {};
  for (const h of headers) {
    const f = fold(h);
    let hit: string | null =
      fields.find((x) => fold(x.key) === f)?.key ??
      fields.find((x) => x.aliases.some((a) => fold(a) === f))?.key ??
      null;
    if (!hit && hasCustomFields(entity)) {
      const def = custom.find((d) => [d.key, d.label_zh, d.label_en, `custom.${d.key}`].some((v) => fold(v) === f));
      hit = def ? `custom.${def.key}` : null;
    }
    const spec = fields.find((x) => x.key === hit);
    if (hit && taken.has(hit) && !spec?.list) {
      hit = null;
    }
    if (hit) {
      taken.add(hit);
    }
    out[h] = hit;
  }
  return out;
}

/** Is `target` something a column of this entity may map to. */
export function knownTarget(entity: ImportEntity, target: string, custom: CustomDef[]): boolean {
  if (target.startsWith('custom.') && hasCustomFields(entity)) {
    return custom.some((d) => `custom.${d.key}` === target);
  }
  return fieldsOf(entity).some((f) => f.key === target);
}
