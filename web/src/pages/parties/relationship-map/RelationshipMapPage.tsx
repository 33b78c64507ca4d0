import { useMemo } from 'react';
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { kotlerLevels, quadrants } from '@tandem/server/api';
import { api } from '../../../api/client.ts';
import type { RelationshipMap } from '../../../api/types.ts';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { EmptyState, PageLoading } from '../../../components/feedback/states.tsx';
import { relationshipMapKey, useStakeholderGroups } from '../shared/api.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { GroupsQuadrantCard } from '../../hrcrm/shared/GroupsQuadrantCard.tsx';
import { hrCrmRoles } from '../../hrcrm/shared/types.ts';
import { levelsOption, quadrantsOption } from './mapCharts.ts';
import { QuadrantGrid } from './QuadrantGrid.tsx';
import { groupRows, levelMatrix, quadrantMatrix } from './relationshipMap.ts';

/** `/parties/relationship-map`: stakeholder groups × current and target Kotler level, and the HR quadrants (counted by the server). */
export default function RelationshipMapPage() {
  const { t, i18n } = useTranslation();
  const { user } = useMe();
  // The HR department's own assessment of each group (HR-CRM readers): the quadrant chart with target arrows.
  const hrCrm = hasAnyRole(user, hrCrmRoles);
  const groups = useStakeholderGroups();
  const map = useQuery({
    queryKey: relationshipMapKey,
    queryFn: ({ signal }) => api<RelationshipMap>('/api/stakeholder-groups/relationship-map', { signal }),
  });
  const groupKeys = useMemo(() => groups.groups.map((g) => g.key), [groups.groups]);
  const rows = useMemo(() => (map.data ? groupRows(map.data, groupKeys) : []), [map.data, groupKeys]);
  const { nameOf } = groups;
  const labels = useMemo(() => rows.map((r) => (r ? nameOf(r) : t('parties.noGroup'))), [rows, nameOf, t]);
  const levels = useMemo(() => (map.data ? levelMatrix(map.data, rows) : null), [map.data, rows]);
  const quads = useMemo(() => (map.data ? quadrantMatrix(map.data, rows) : null), [map.data, rows]);
  const language = i18n.language;

  const levelOption = useMemo(
    () => (levels ? levelsOption(levels, labels, t, language) : {}),
    [levels, labels, t, language],
  );
  const quadrantOption = useMemo(
    () => (quads ? quadrantsOption(quads, labels, t, language) : {}),
    [quads, labels, t, language],
  );

  let body;
  if (map.isPending || groups.query.isPending) {
    body = <PageLoading />;
  } else if (map.error) {
    body = <QueryError error={map.error} onRetry={() => void map.refetch()} />;
  } else if (rows.length === 0 || !levels || !quads) {
    body = <EmptyState description={t('parties.mapEmpty')} />;
  } else {
    const levelAria = rows
      .map(
        (_r, row) =>
          `${labels[row]}: ${kotlerLevels.map((l) => `${t(`parties.levels.${l}`)} ${levels.current[l][row]}→${levels.target[l][row]}`).join(', ')}`,
      )
      .join('; ');
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title={t('parties.levelsByGroup')} size="small">
            <Typography.Paragraph type="secondary">{t('parties.levelsByGroupHint')}</Typography.Paragraph>
            <Descriptions
              size="small"
              column={1}
              style={{ marginBottom: 12 }}
              data-testid="level-meanings"
              items={kotlerLevels.map((l) => ({
                key: l,
                label: t(`parties.levels.${l}`),
                children: t(`parties.levelMeaning.${l}`),
              }))}
            />
            <Chart
              option={levelOption}
              height={Math.max(240, rows.length * 56 + 60)}
              ariaLabel={t('parties.levelsAria', { list: levelAria })}
              data-testid="levels-chart"
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={t('parties.quadrantsByGroup')} size="small">
            <Chart
              option={quadrantOption}
              height={Math.max(200, rows.length * 36 + 60)}
              ariaLabel={t('parties.quadrantsAria', {
                list: quadrants.map((q) => `${t(`parties.quadrants.${q}`)} ${quads.totals[q]}`).join(', '),
              })}
              data-testid="quadrants-chart"
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('parties.quadrantGrid')} size="small">
            <QuadrantGrid totals={quads.totals} />
          </Card>
        </Col>
      </Row>
    );
  }
  return (
    <div data-testid="relationship-map">
      <PageHeader title={t('nav.relationshipMap')} description={t('parties.mapDescription')} />
      {hrCrm && (
        <div style={{ marginBottom: 16 }}>
          <GroupsQuadrantCard />
        </div>
      )}
      {body}
    </div>
  );
}
