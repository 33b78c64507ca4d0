import { Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { UserSelect } from '../../../components/UserSelect/UserSelect.tsx';
import { invalidateCare, saveCareRule } from '../shared/api.ts';
import {
  anniversaryFields,
  careAssignees,
  careMergeFields,
  careRuleKinds,
  careRuleRoles,
  orgRuleEditorRoles,
  type CareRule,
  type CareRuleParams,
} from '../shared/types.ts';

type Kind = CareRule['kind'];
interface Values {
  name: string;
  kind: Kind;
  params: CareRuleParams;
  role: CareRule['role'];
  leadDays: number;
  scope?: CareRule['scope'];
  assignee: CareRule['assignee'];
  assigneeId?: string | null;
  titleZh: string;
  titleEn: string;
  bodyZh?: string | null;
  bodyEn?: string | null;
  active: boolean;
}

/** The params a kind needs (docs/care.md "Rule kinds"); others are dropped before saving. */
function cleanParams(kind: Kind, p: CareRuleParams = {}): CareRuleParams {
  switch (kind) {
    case 'purchase':
      return { days: p.days, ...(p.productId ? { productId: p.productId } : { category: p.category?.trim() }) };
    case 'revisit':
      return { days: p.days };
    case 'anniversary':
    case 'contract_renewal':
      return p.field ? { field: p.field } : {};
    case 'custom_date':
      return { field: p.field, yearly: p.yearly ?? true };
    case 'birthday':
      return {};
  }
}

function ParamsFields({ kind }: { kind: Kind | undefined }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('validation.required') }];
  if (kind === 'purchase' || kind === 'revisit') {
    return (
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name={['params', 'days']} label={t('care.rules.days')} rules={required}>
            <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} data-testid="rule-days" />
          </Form.Item>
        </Col>
        {kind === 'purchase' && (
          <Col span={12}>
            <Form.Item name={['params', 'category']} label={t('care.rules.category')} rules={required}>
              <Input maxLength={100} data-testid="rule-category" />
            </Form.Item>
          </Col>
        )}
      </Row>
    );
  }
  if (kind === 'anniversary') {
    return (
      <Form.Item name={['params', 'field']} label={t('care.rules.field')} rules={required}>
        <Select options={anniversaryFields.map((f) => ({ value: f, label: t(`care.anniversaryFields.${f}`) }))} />
      </Form.Item>
    );
  }
  if (kind === 'contract_renewal' || kind === 'custom_date') {
    return (
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item
            name={['params', 'field']}
            label={t('care.rules.customField')}
            tooltip={t('care.rules.customFieldHint')}
            rules={kind === 'custom_date' ? required : undefined}
          >
            <Input maxLength={63} placeholder={kind === 'contract_renewal' ? 'contract_end' : undefined} />
          </Form.Item>
        </Col>
        {kind === 'custom_date' && (
          <Col span={8}>
            <Form.Item name={['params', 'yearly']} label={t('care.rules.yearly')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        )}
      </Row>
    );
  }
  return null;
}

/** The rule's fields (inside the modal's form). */
function RuleFields({ editing, orgEditor }: { editing: boolean; orgEditor: boolean }) {
  const { t } = useTranslation();
  const kind = Form.useWatch<Kind | undefined>('kind');
  const assignee = Form.useWatch<CareRule['assignee'] | undefined>('assignee');
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('care.rules.name')} rules={required}>
            <Input maxLength={200} data-testid="rule-name" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="kind" label={t('care.rules.kind')}>
            <Select
              disabled={editing}
              options={careRuleKinds.map((k) => ({ value: k, label: t(`care.ruleKinds.${k}`) }))}
              data-testid="rule-kind"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="role" label={t('care.rules.role')}>
            <Select options={careRuleRoles.map((r) => ({ value: r, label: t(`care.ruleRoles.${r}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <ParamsFields kind={kind} />
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item name="leadDays" label={t('care.rules.leadDays')} tooltip={t('care.rules.leadDaysHint')}>
            <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} data-testid="rule-lead-days" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="scope" label={t('care.rules.scope')}>
            <Select
              disabled={editing || !orgEditor}
              options={(['org', 'mine'] as const).map((s) => ({ value: s, label: t(`care.scopes.${s}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="assignee" label={t('care.rules.assignee')}>
            <Select options={careAssignees.map((a) => ({ value: a, label: t(`care.assignees.${a}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          {assignee === 'user' && (
            <Form.Item
              name="assigneeId"
              label={t('care.rules.assigneeUser')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <UserSelect aria-label={t('care.rules.assigneeUser')} />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="titleZh" label={t('care.rules.titleZh')} rules={required}>
            <Input maxLength={200} lang="zh-CN" data-testid="rule-title-zh" />
          </Form.Item>
          <Form.Item name="bodyZh" label={t('care.rules.bodyZh')}>
            <Input.TextArea rows={3} maxLength={4000} lang="zh-CN" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="titleEn" label={t('care.rules.titleEn')} rules={required}>
            <Input maxLength={200} lang="en" data-testid="rule-title-en" />
          </Form.Item>
          <Form.Item name="bodyEn" label={t('care.rules.bodyEn')}>
            <Input.TextArea rows={3} maxLength={4000} lang="en" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" data-testid="rule-merge-help">
        {t('care.campaigns.mergeHelp')} {careMergeFields.map((f) => `{{${f}}}`).join(' ')}
      </Typography.Paragraph>
      <Form.Item name="active" label={t('care.rules.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}

/** A care rule: kind and its params, whom it looks at, lead days, scope, assignee and the task templates. */
export function RuleModal({ rule, onClose }: { rule: CareRule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { user } = useMe();
  const orgEditor = hasAnyRole(user, orgRuleEditorRoles);
  const form = useApiForm<Values>({
    submit: (v) => {
      const common = {
        name: v.name.trim(),
        params: cleanParams(v.kind, v.params),
        role: v.role,
        leadDays: v.leadDays,
        assignee: v.assignee,
        assigneeId: v.assignee === 'user' ? (v.assigneeId ?? null) : null,
        titleZh: v.titleZh,
        titleEn: v.titleEn,
        bodyZh: v.bodyZh?.trim() || null,
        bodyEn: v.bodyEn?.trim() || null,
        active: v.active,
      };
      return rule
        ? saveCareRule(rule.id, { ...common, version: rule.version })
        : saveCareRule(undefined, { ...common, kind: v.kind, scope: v.scope });
    },
    onSuccess: () => {
      invalidateCare(qc);
      onClose();
    },
  });
  return (
    <FormModal<Values>
      form={form}
      open
      width={760}
      title={rule ? t('care.rules.edit') : t('care.rules.new')}
      okText={rule ? t('common.save') : undefined}
      onCancel={onClose}
      initialValues={
        rule ?? {
          kind: 'birthday',
          params: {},
          role: 'customer',
          leadDays: 0,
          scope: orgEditor ? 'org' : 'mine',
          assignee: 'owner',
          active: true,
        }
      }
      data-testid="rule-modal"
      okTestId="rule-save"
    >
      <RuleFields editing={Boolean(rule)} orgEditor={orgEditor} />
    </FormModal>
  );
}
