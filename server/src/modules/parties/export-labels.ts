import type { Labels } from '../../platform/export/readable.ts';

// The words of the readable party export (docs/domain.md "Exports"), the same as the web's labels
// (web/src/i18n parties.*); the import maps every one of them back to its code or field.

export const kindLabels: Record<string, Labels> = {
  person: { 'zh-CN': '个人', en: 'Person' },
  organization: { 'zh-CN': '组织', en: 'Organization' },
};

export const roleLabels: Record<string, Labels> = {
  customer: { 'zh-CN': '顾客', en: 'Customer' },
  employee: { 'zh-CN': '员工', en: 'Employee' },
  candidate: { 'zh-CN': '候选人', en: 'Candidate' },
  partner: { 'zh-CN': '合作伙伴', en: 'Partner' },
  supplier: { 'zh-CN': '供应商', en: 'Supplier' },
  distributor: { 'zh-CN': '分销商', en: 'Distributor' },
  government: { 'zh-CN': '政府', en: 'Government' },
  community: { 'zh-CN': '社区', en: 'Community' },
  media: { 'zh-CN': '媒体', en: 'Media' },
};

export const stageLabels: Record<string, Labels> = {
  prospect: { 'zh-CN': '潜在顾客', en: 'Prospect' },
  new: { 'zh-CN': '新顾客', en: 'New' },
  developing: { 'zh-CN': '发展中', en: 'Developing' },
  loyal: { 'zh-CN': '忠诚', en: 'Loyal' },
  at_risk: { 'zh-CN': '流失风险', en: 'At risk' },
  churned: { 'zh-CN': '已流失', en: 'Churned' },
  won_back: { 'zh-CN': '已挽回', en: 'Won back' },
  candidate: { 'zh-CN': '招聘期', en: 'Candidate' },
  onboarding: { 'zh-CN': '入职期', en: 'Onboarding' },
  stable: { 'zh-CN': '稳定期', en: 'Stable' },
  departing: { 'zh-CN': '离职期', en: 'Departing' },
  alumni: { 'zh-CN': '离职校友', en: 'Alumni' },
};

export const levelLabels: Record<string, Labels> = {
  basic: { 'zh-CN': '基本型', en: 'Basic' },
  reactive: { 'zh-CN': '被动型', en: 'Reactive' },
  accountable: { 'zh-CN': '负责型', en: 'Accountable' },
  proactive: { 'zh-CN': '能动型', en: 'Proactive' },
  partnership: { 'zh-CN': '伙伴型', en: 'Partnership' },
};

export const quadrantLabels: Record<string, Labels> = {
  basic: { 'zh-CN': '基本型', en: 'Basic' },
  proactive: { 'zh-CN': '主动型', en: 'Proactive' },
  reactive: { 'zh-CN': '被动型', en: 'Reactive' },
  partnership: { 'zh-CN': '伙伴型', en: 'Partnership' },
};

/** Headers of the readable export per column key; `importAs` is the import field the column maps back to. */
export const partyExportHeaders: Record<string, Labels & { importAs?: string }> = {
  displayName: { 'zh-CN': '名称', en: 'Name', importAs: 'displayName' },
  externalId: { 'zh-CN': '外部编号', en: 'External ID', importAs: 'externalId' },
  kind: { 'zh-CN': '类型', en: 'Type', importAs: 'kind' },
  roles: { 'zh-CN': '角色', en: 'Roles', importAs: 'roles' },
  stage: { 'zh-CN': '阶段', en: 'Stage', importAs: 'stage' },
  level: { 'zh-CN': '关系层级', en: 'Relationship level', importAs: 'level' },
  quadrant: { 'zh-CN': '关系类型', en: 'HR quadrant' },
  stakeholderGroup: { 'zh-CN': '利益相关者群体', en: 'Stakeholder group', importAs: 'stakeholderGroup' },
  emails: { 'zh-CN': '邮箱', en: 'Email', importAs: 'emails' },
  phones: { 'zh-CN': '电话', en: 'Phone', importAs: 'phones' },
  tags: { 'zh-CN': '标签', en: 'Tags', importAs: 'tags' },
  ownerId: { 'zh-CN': '负责人', en: 'Owner', importAs: 'owner' },
  ownerUnit: { 'zh-CN': '负责人部门', en: 'Owner’s unit' },
  createdAt: { 'zh-CN': '创建时间', en: 'Created' },
  updatedAt: { 'zh-CN': '更新时间', en: 'Updated' },
  id: { 'zh-CN': '系统编号', en: 'System ID' },
};
