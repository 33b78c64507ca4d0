import { useMemo, useState, type HTMLAttributes } from 'react';
import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Page, Party, PartyRole } from '../../../api/types.ts';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { partiesEndpoint } from '../../parties/shared/api.ts';
import { quadrantChartAria, quadrantChartOption, type QuadrantItem } from '../../parties/shared/quadrantChart.ts';
import type { RelationshipFields } from '../../parties/shared/relationship.ts';
import { useGroupName, useHrGroups } from './api.ts';
import { GroupRelationshipActions } from './GroupRelationship.tsx';
import { TypeTags } from './TypeTags.tsx';
import { hrCrmWriterRoles, type HrGroup } from './types.ts';

/** The groups as the HR department assessed them, on the quadrant chart with arrows to their target types. */
export function GroupsQuadrantCard() {
  const { t } = useTranslation();
  const { user } = useMe();
  const canEdit = hasAnyRole(user, hrCrmWriterRoles);
  const groups = useHrGroups();
  const nameOf = useGroupName();
  const [partyGroup, setPartyGroup] = useState<string | null>(null);
  const list = useMemo(() => groups.data?.items ?? [], [groups.data]);
  const items: QuadrantItem[] = useMemo(
    () =>
      list.map((g) => ({
        id: g.key,
        name: nameOf(g),
        initiativeScore: g.assessment?.initiativeScore ?? null,
        participationScore: g.assessment?.participationScore ?? null,
        targetQuadrant: g.assessment?.targetQuadrant ?? null,
      })),
    [list, nameOf],
  );
  const option = useMemo(() => quadrantChartOption(items, t), [items, t]);

  if (groups.isPending) {
    return <PageLoading />;
  }
  if (groups.error) {
    return <QueryError error={groups.error} onRetry={() => void groups.refetch()} />;
  }
  return (
    <Card title={t('hrcrm.groupsQuadrant')} size="small" data-testid="groups-quadrant">
      <Typography.Paragraph type="secondary">{t('hrcrm.groupsQuadrantHint')}</Typography.Paragraph>
      <Chart option={option} height={420} ariaLabel={quadrantChartAria(items, t)} data-testid="groups-quadrant-chart" />
      <Table<HrGroup>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={list}
        style={{ marginTop: 16 }}
        data-testid="groups-table"
        onRow={(g) => ({ 'data-testid': `group-row-${g.key}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: t('hrcrm.group'),
            render: (_, g) => <Link to={`/hr-crm/groups/${g.key}`}>{nameOf(g)}</Link>,
          },
          { key: 'side', title: t('hrcrm.side'), render: (_, g) => <Tag>{t(`hrcrm.sides.${g.side}`)}</Tag> },
          { key: 'type', title: t('hrcrm.typeToTarget'), render: (_, g) => <TypeTags assessment={g.assessment} /> },
          {
            key: 'reason',
            title: t('parties.reason'),
            render: (_, g) => <Typography.Text type="secondary">{g.assessment?.reason ?? '—'}</Typography.Text>,
          },
          {
            key: 'actions',
            title: '',
            render: (_, g) => <GroupRelationshipActions group={g} canEdit={canEdit} />,
          },
        ]}
      />
      <Space style={{ marginTop: 16 }} wrap>
        <Typography.Text strong>{t('hrcrm.partiesOfGroup')}</Typography.Text>
        <Select
          allowClear
          style={{ minWidth: 240 }}
          value={partyGroup}
          onChange={(v: string | undefined) => setPartyGroup(v ?? null)}
          placeholder={t('hrcrm.pickGroup')}
          options={list.map((g) => ({ value: g.key, label: nameOf(g) }))}
          data-testid="party-arrows-group"
        />
      </Space>
      {partyGroup && <PartyArrows groupKey={partyGroup} />}
    </Card>
  );
}

/** Each party of the group (its role in that group) on the chart, with its own arrow to its target quadrant. */
function PartyArrows({ groupKey }: { groupKey: string }) {
  const { t } = useTranslation();
  const parties = useQuery({
    queryKey: ['parties-of-group', groupKey],
    queryFn: ({ signal }) =>
      api<Page<Party>>(partiesEndpoint, { query: { stakeholderGroup: groupKey, limit: 100 }, signal }),
  });
  const items: QuadrantItem[] = useMemo(
    () =>
      (parties.data?.items ?? []).flatMap((p) =>
        p.roles
          .filter((r) => r.stakeholderGroup === groupKey)
          .map((r: PartyRole & Partial<RelationshipFields>) => ({
            id: `${p.id}:${r.role}`,
            name: p.displayName,
            initiativeScore: r.initiativeScore,
            participationScore: r.participationScore,
            targetQuadrant: r.targetQuadrant ?? null,
          })),
      ),
    [parties.data, groupKey],
  );
  const option = useMemo(() => quadrantChartOption(items, t), [items, t]);
  if (parties.isPending) {
    return <PageLoading minHeight={120} />;
  }
  if (parties.error) {
    return <QueryError error={parties.error} onRetry={() => void parties.refetch()} />;
  }
  return (
    <Chart option={option} height={420} ariaLabel={quadrantChartAria(items, t)} data-testid="party-arrows-chart" />
  );
}
