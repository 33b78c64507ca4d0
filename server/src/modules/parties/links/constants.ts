// Plain constants (no zod) so the web bundle can import them through api.ts.

/** Link types every organisation has (docs/domain.md "Links between parties"); organisations add their own. */
export const builtInLinkTypes = [
  { key: 'works_at', labelZh: '任职于', labelEn: 'Works at', inverseLabelZh: '雇用', inverseLabelEn: 'Employs' },
  { key: 'reports_to', labelZh: '汇报给', labelEn: 'Reports to', inverseLabelZh: '下属', inverseLabelEn: 'Manages' },
  {
    key: 'referred_by',
    labelZh: '推荐人',
    labelEn: 'Referred by',
    inverseLabelZh: '推荐了',
    inverseLabelEn: 'Referred',
  },
  { key: 'family', labelZh: '家人', labelEn: 'Family of', inverseLabelZh: '家人', inverseLabelEn: 'Family of' },
  {
    key: 'partner_of',
    labelZh: '合作伙伴',
    labelEn: 'Partner of',
    inverseLabelZh: '合作伙伴',
    inverseLabelEn: 'Partner of',
  },
  { key: 'supplies', labelZh: '供应给', labelEn: 'Supplies', inverseLabelZh: '供应商', inverseLabelEn: 'Supplied by' },
  {
    key: 'distributes_for',
    labelZh: '经销',
    labelEn: 'Distributes for',
    inverseLabelZh: '经销商',
    inverseLabelEn: 'Distributed by',
  },
  {
    key: 'regulates',
    labelZh: '监管',
    labelEn: 'Regulates',
    inverseLabelZh: '受其监管',
    inverseLabelEn: 'Regulated by',
  },
  { key: 'member_of', labelZh: '成员', labelEn: 'Member of', inverseLabelZh: '成员包括', inverseLabelEn: 'Has member' },
] as const;

export const builtInLinkTypeKeys = builtInLinkTypes.map((t) => t.key);
export const linkDirections = ['out', 'in'] as const;

/** Network reads: depth 1–3 (default 2), at most this many nodes (then `truncated`). */
export const NETWORK_MAX_DEPTH = 3;
export const NETWORK_NODE_CAP = 200;
