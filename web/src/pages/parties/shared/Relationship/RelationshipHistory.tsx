import { Drawer, Empty, List, Space, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client.ts';
import type { KotlerLevel, Quadrant } from '../../../../api/types.ts';
import { QueryError } from '../../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../../components/feedback/states.tsx';
import { useFormat } from '../../../../i18n/useFormat.ts';
import { QuadrantBadge } from '../labels.tsx';
import type { RelationshipHistoryItem } from '../relationship.ts';

interface Props {
  open: boolean;
  title: string;
  /** `GET …/history`; also the query key, so a save that invalidates `['relationship-history']` refreshes it. */
  path: string;
  onClose: () => void;
}

export const relationshipHistoryKey = (path: string) => ['relationship-history', path] as const;

/** Every change of a relationship type, newest first: who, when, the scores, both scales' targets and the reason. */
export function RelationshipHistory({ open, title, path, onClose }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useQuery({
    queryKey: relationshipHistoryKey(path),
    queryFn: ({ signal }) => api<{ items: RelationshipHistoryItem[] }>(path, { signal }),
    enabled: open,
  });
  const level = (l: KotlerLevel | null) => (l ? t(`parties.levels.${l}`) : '—');
  const quadrant = (q: Quadrant | null) => <QuadrantBadge quadrant={q} />;
  let body;
  if (history.isPending) {
    body = <PageLoading />;
  } else if (history.error) {
    body = <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  } else if (history.data.items.length === 0) {
    body = <Empty description={t('parties.noRelationshipHistory')} />;
  } else {
    body = (
      <List
        dataSource={history.data.items}
        data-testid="relationship-history"
        renderItem={(h, i) => (
          <List.Item key={`${h.at}-${i}`} data-testid="relationship-history-item">
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                {format.dateTime(h.at)} · {h.actor.name ?? '—'}
              </Typography.Text>
              <Space size={4} wrap>
                <Typography.Text>
                  {t('parties.initiative')} {h.initiativeScore ?? '—'} · {t('parties.participation')}{' '}
                  {h.participationScore ?? '—'}
                </Typography.Text>
                {quadrant(h.quadrant)}
                <ArrowRightOutlined aria-label={t('parties.toTarget')} style={{ fontSize: 10 }} />
                {quadrant(h.targetQuadrant)}
                {h.targetQuadrantBy && (
                  <Typography.Text type="secondary">
                    {t('parties.targetByDate', { date: format.date(h.targetQuadrantBy) })}
                  </Typography.Text>
                )}
              </Space>
              <Typography.Text>
                {t('parties.levelScale')}: {level(h.level)} → {level(h.targetLevel)}
                {h.targetLevelBy ? ` (${t('parties.targetByDate', { date: format.date(h.targetLevelBy) })})` : ''}
              </Typography.Text>
              <Typography.Text italic data-testid="relationship-history-reason">
                {t('parties.because', { reason: h.reason })}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Drawer
      open={open}
      title={title}
      width={520}
      onClose={onClose}
      destroyOnHidden
      data-testid="relationship-history-drawer"
    >
      {body}
    </Drawer>
  );
}
