import { useState } from 'react';
import { Button, Drawer, Segmented, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useCareRules, useRulePreview } from '../shared/api.ts';
import { orgRuleEditorRoles, ruleWriterRoles, type CareRule } from '../shared/types.ts';
import { RuleModal } from './RuleModal.tsx';

/** Who would be reminded in the next days (the preview endpoint writes nothing). */
function PreviewDrawer({ rule, onClose }: { rule: CareRule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [days, setDays] = useState(7);
  const q = useRulePreview(rule?.id ?? null, days);
  return (
    <Drawer
      open={Boolean(rule)}
      width={640}
      title={t('care.rules.previewTitle', { name: rule?.name ?? '' })}
      onClose={onClose}
      destroyOnHidden
    >
      <Segmented
        value={days}
        onChange={(v) => setDays(Number(v))}
        options={[7, 30, 90].map((d) => ({ value: d, label: t('care.rules.nextDays', { count: d }) }))}
        style={{ marginBottom: 12 }}
      />
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey={(r) => `${r.partyId}-${r.occasionOn}`}
          loading={q.isPending}
          pagination={false}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: t('care.rules.previewEmpty') }}
          data-testid="rule-preview"
          columns={[
            {
              key: 'party',
              title: t('care.rules.party'),
              render: (_, r) => <Link to={`/parties/${r.partyId}`}>{r.displayName}</Link>,
            },
            { key: 'remindOn', title: t('care.rules.remindOn'), render: (_, r) => format.date(r.remindOn) },
            { key: 'occasionOn', title: t('care.rules.occasionOn'), render: (_, r) => format.date(r.occasionOn) },
            { key: 'assignee', title: t('care.rules.assignee'), render: (_, r) => <UserName id={r.assigneeId} /> },
            { key: 'title', title: t('care.rules.task'), render: (_, r) => r.title },
            {
              key: 'created',
              title: '',
              render: (_, r) => r.created && <Tag color="green">{t('care.rules.created')}</Tag>,
            },
          ]}
        />
      )}
    </Drawer>
  );
}

/** `/care/rules`: care rules (birthdays, anniversaries, post-sale visits, revisits, renewals, custom dates). */
export default function RulesPage() {
  const { t } = useTranslation();
  const { user } = useMe();
  const rules = useCareRules();
  const [editing, setEditing] = useState<CareRule | 'new' | null>(null);
  const [previewing, setPreviewing] = useState<CareRule | null>(null);
  const canWrite = hasAnyRole(user, ruleWriterRoles);
  const canEditOrg = hasAnyRole(user, orgRuleEditorRoles);
  const editable = (r: CareRule) => canWrite && (r.scope === 'mine' || canEditOrg);
  let body;
  if (rules.isPending) {
    body = <PageLoading />;
  } else if (rules.error) {
    body = <QueryError error={rules.error} onRetry={() => void rules.refetch()} />;
  } else {
    body = (
      <Table<CareRule>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rules.data.items}
        data-testid="rules-table"
        columns={[
          {
            key: 'name',
            title: t('care.rules.name'),
            render: (_, r) => (
              <Space>
                <Typography.Text strong data-testid="rule-row-name">
                  {r.name}
                </Typography.Text>
                {!r.active && <Tag>{t('care.rules.inactive')}</Tag>}
              </Space>
            ),
          },
          { key: 'kind', title: t('care.rules.kind'), render: (_, r) => t(`care.ruleKinds.${r.kind}`) },
          { key: 'role', title: t('care.rules.role'), render: (_, r) => t(`care.ruleRoles.${r.role}`) },
          { key: 'lead', title: t('care.rules.leadDays'), align: 'right', render: (_, r) => r.leadDays },
          { key: 'scope', title: t('care.rules.scope'), render: (_, r) => t(`care.scopes.${r.scope}`) },
          {
            key: 'assignee',
            title: t('care.rules.assignee'),
            render: (_, r) =>
              r.assignee === 'user' && r.assigneeId ? <UserName id={r.assigneeId} /> : t('care.assignees.owner'),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, r) => (
              <Space size={4}>
                <Button
                  size="small"
                  icon={<EyeOutlined />}
                  onClick={() => setPreviewing(r)}
                  data-testid="rule-preview-open"
                >
                  {t('care.rules.preview')}
                </Button>
                {editable(r) && (
                  <Button
                    size="small"
                    type="text"
                    icon={<EditOutlined />}
                    aria-label={t('common.edit')}
                    onClick={() => setEditing(r)}
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
    );
  }
  return (
    <div data-testid="rules-page">
      <PageHeader
        title={t('nav.careRules')}
        description={t('care.rules.description')}
        actions={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="rule-create">
              {t('care.rules.new')}
            </Button>
          )
        }
      />
      {body}
      {editing && <RuleModal rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <PreviewDrawer rule={previewing} onClose={() => setPreviewing(null)} />
    </div>
  );
}
