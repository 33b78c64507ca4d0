import { useMemo } from 'react';
import { Col, Descriptions, Row, Tabs, Tag } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { DetailLayout } from '../../../components/DetailLayout/DetailLayout.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { EmptyState, PageLoading } from '../../../components/feedback/states.tsx';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { quadrantChartAria, quadrantChartOption } from '../../parties/shared/quadrantChart.ts';
import { useGroupName, useHrGroups } from '../shared/api.ts';
import { GroupRelationshipActions } from '../shared/GroupRelationship.tsx';
import { TypeTags } from '../shared/TypeTags.tsx';
import { hrCrmWriterRoles, type HrGroup } from '../shared/types.ts';
import { ActivitiesTab } from './ActivitiesTab.tsx';
import { EvaluationTab } from './EvaluationTab.tsx';
import { ProcessTab } from './ProcessTab.tsx';

const tabs = ['process', 'activities', 'evaluation'] as const;

/** The group's place on the HR quadrant chart, with its arrow to the target type. */
function GroupQuadrant({ group, name }: { group: HrGroup; name: string }) {
  const { t } = useTranslation();
  const items = useMemo(
    () => [
      {
        id: group.key,
        name,
        initiativeScore: group.assessment?.initiativeScore ?? null,
        participationScore: group.assessment?.participationScore ?? null,
        targetQuadrant: group.assessment?.targetQuadrant ?? null,
      },
    ],
    [group, name],
  );
  const option = useMemo(() => quadrantChartOption(items, t, { meanings: false }), [items, t]);
  return <Chart option={option} height={260} ariaLabel={quadrantChartAria(items, t)} data-testid="group-quadrant" />;
}

/** `/hr-crm/groups/:key`: one group: its type and target, the seven steps, the 4R activities and the evaluation. */
export default function GroupPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useMe();
  const canEdit = hasAnyRole(user, hrCrmWriterRoles);
  const groups = useHrGroups();
  const nameOf = useGroupName();
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((x) => x === params.get('tab')) ?? 'process';

  if (groups.isPending) {
    return <PageLoading />;
  }
  if (groups.error) {
    return <QueryError error={groups.error} onRetry={() => void groups.refetch()} fullPage />;
  }
  const group = groups.data.items.find((g) => g.key === key);
  if (!group) {
    return <EmptyState description={t('hrcrm.noSuchGroup')} />;
  }
  const a = group.assessment;
  return (
    <DetailLayout
      back={{ to: '/hr-crm', label: t('nav.hrCrmButterfly') }}
      title={<span data-testid="group-title">{nameOf(group)}</span>}
      subtitle={t(`hrcrm.sides.${group.side}`)}
      tags={<Tag>{t('hrcrm.partyCount', { count: group.parties.count, n: format.number(group.parties.count) })}</Tag>}
      actions={<GroupRelationshipActions group={group} canEdit={canEdit} />}
    >
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={14}>
          <Descriptions
            size="small"
            bordered
            column={1}
            data-testid="group-assessment"
            items={[
              { key: 'type', label: t('hrcrm.typeToTarget'), children: <TypeTags assessment={a} /> },
              {
                key: 'scores',
                label: t('parties.scores'),
                children: a
                  ? `${t('parties.initiative')} ${a.initiativeScore ?? '—'} · ${t('parties.participation')} ${a.participationScore ?? '—'}`
                  : '—',
              },
              {
                key: 'assessed',
                label: t('hrcrm.assessedBy'),
                children: a ? `${a.assessedBy.name ?? '—'} · ${format.dateTime(a.assessedAt)}` : '—',
              },
              { key: 'reason', label: t('parties.reason'), children: a?.reason ?? '—' },
            ]}
          />
        </Col>
        <Col xs={24} lg={10}>
          <GroupQuadrant group={group} name={nameOf(group)} />
        </Col>
      </Row>
      <Tabs
        activeKey={tab}
        onChange={(next) => setParams({ tab: next }, { replace: true })}
        items={[
          {
            key: 'process',
            label: <span data-testid="tab-process">{t('hrcrm.tabs.process')}</span>,
            children: <ProcessTab groupKey={group.key} canEdit={canEdit} />,
          },
          {
            key: 'activities',
            label: <span data-testid="tab-activities">{t('hrcrm.tabs.activities')}</span>,
            children: <ActivitiesTab groupKey={group.key} canEdit={canEdit} />,
          },
          {
            key: 'evaluation',
            label: <span data-testid="tab-evaluation">{t('hrcrm.tabs.evaluation')}</span>,
            children: <EvaluationTab groupKey={group.key} canEdit={canEdit} />,
          },
        ]}
      />
    </DetailLayout>
  );
}
