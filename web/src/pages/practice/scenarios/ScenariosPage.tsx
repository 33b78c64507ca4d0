import { useState } from 'react';
import { Button, Descriptions, Table, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PracticeScenario } from '@tandem/server/api';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useScenarios } from '../shared/api.ts';
import { pick, practiceCriteria, practiceTrainerRoles } from '../shared/types.ts';
import { ScenarioModal } from './ScenarioModal.tsx';

/** The scenario library: built-in and the organisation's own cases, both languages (docs/practice.md). */
export default function ScenariosPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const canWrite = hasAnyRole(me.user, practiceTrainerRoles);
  const scenarios = useScenarios();
  const [editing, setEditing] = useState<PracticeScenario | 'new' | null>(null);
  const lang = i18n.language;
  if (scenarios.error) {
    return <QueryError error={scenarios.error} onRetry={() => void scenarios.refetch()} />;
  }
  return (
    <>
      <PageHeader
        title={t('practice.scenarios')}
        description={t('practice.scenariosIntro')}
        actions={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="scenario-new">
              {t('practice.newScenario')}
            </Button>
          )
        }
      />
      <Table
        rowKey="id"
        loading={scenarios.isPending}
        dataSource={scenarios.data?.items ?? []}
        pagination={false}
        data-testid="scenarios-table"
        expandable={{
          expandedRowRender: (s) => (
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('practice.fields.brief')}>{pick(s.brief, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('practice.fields.customerSide')}>
                {pick(s.customerSide, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('practice.fields.staffSide')}>{pick(s.staffSide, lang)}</Descriptions.Item>
              {practiceCriteria.map((c) => (
                <Descriptions.Item key={c} label={t(`practice.criteria.${c}`)}>
                  {s.criteria[c] ? pick(s.criteria[c], lang) : ''}
                </Descriptions.Item>
              ))}
            </Descriptions>
          ),
        }}
        columns={[
          {
            key: 'title',
            title: t('practice.fields.title'),
            render: (_, s) => (
              <>
                {pick(s.title, lang)} {s.builtIn && <Tag>{t('practice.builtIn')}</Tag>}
                {s.archived && <Tag color="default">{t('practice.archived')}</Tag>}
              </>
            ),
          },
          { key: 'brief', title: t('practice.fields.brief'), ellipsis: true, render: (_, s) => pick(s.brief, lang) },
          ...(canWrite
            ? [
                {
                  key: 'edit',
                  width: 60,
                  render: (_: unknown, s: PracticeScenario) => (
                    <Button
                      type="text"
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={t('common.edit')}
                      onClick={() => setEditing(s)}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <ScenarioModal
        open={editing !== null}
        scenario={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
