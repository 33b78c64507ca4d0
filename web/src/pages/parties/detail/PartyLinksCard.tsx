import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import {
  linkLabel,
  useDeletePartyLink,
  useLinkTypes,
  usePartyLinks,
  usePartyNetwork,
  type PartyLink,
} from '../shared/links.ts';
import { AddLinkModal } from './AddLinkModal.tsx';
import { networkOption } from './network.ts';

/** The other end of a link: its name and page, or "a party you cannot see" (the server never sends that name). */
function OtherParty({ other }: { other: PartyLink['other'] }) {
  const { t } = useTranslation();
  if (!other.visible || !other.name) {
    return (
      <Typography.Text type="secondary" italic data-testid="link-hidden">
        {t('links.hiddenParty')}
      </Typography.Text>
    );
  }
  return (
    <Link to={`/parties/${other.id}`} data-testid="link-other">
      {other.name}
    </Link>
  );
}

/** The links, each with its type as seen from this party, the other party and dates; "Remove" for editors. */
function LinkList({ links, partyId, editable }: { links: PartyLink[]; partyId: string; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { describe } = useErrorMessage();
  const toast = useToast();
  const types = useLinkTypes();
  const remove = useDeletePartyLink(partyId);
  const typeList = types.data?.items ?? [];
  const language = i18n.language;
  return (
    <List
      size="small"
      dataSource={links}
      data-testid="link-list"
      renderItem={(link) => (
        <List.Item
          key={link.id}
          data-testid="link-item"
          actions={
            editable
              ? [
                  <Popconfirm
                    key="remove"
                    title={t('links.removeConfirm')}
                    okText={t('links.remove')}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      remove.mutate(link.id, {
                        onSuccess: () => void toast.success(t('links.removed')),
                        onError: (error) => void toast.error(describe(error)),
                      })
                    }
                  >
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('links.remove')}
                      data-testid="link-remove"
                    />
                  </Popconfirm>,
                ]
              : undefined
          }
        >
          <Space wrap size={6}>
            <Tag icon={<LinkOutlined />} data-testid="link-type-label">
              {linkLabel(typeList, link, language)}
            </Tag>
            <OtherParty other={link.other} />
            {link.role && <Typography.Text type="secondary">{link.role}</Typography.Text>}
            {(link.from || link.to) && (
              <Typography.Text type="secondary">
                {format.date(link.from) || '…'} – {format.date(link.to) || t('links.present')}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The party's links in both directions (add, remove) and a small graph of its network two steps out. */
export function PartyLinksCard({ partyId, editable }: { partyId: string; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const links = usePartyLinks(partyId);
  const types = useLinkTypes();
  const network = usePartyNetwork(partyId, 2);
  const [adding, setAdding] = useState(false);
  const typeList = useMemo(() => types.data?.items ?? [], [types.data]);
  const language = i18n.language;

  const graph = useMemo(
    () =>
      network.data
        ? networkOption(network.data, partyId, {
            hidden: t('links.hiddenParty'),
            linkType: (type) => linkLabel(typeList, { type, direction: 'out' }, language),
          })
        : null,
    [network.data, partyId, t, typeList, language],
  );

  let body;
  if (links.isPending) {
    body = <PageLoading minHeight={80} />;
  } else if (links.error) {
    body = <QueryError error={links.error} onRetry={() => void links.refetch()} />;
  } else if (links.data.items.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('links.none')} />;
  } else {
    body = <LinkList links={links.data.items} partyId={partyId} editable={editable} />;
  }

  const nodes = network.data?.nodes.length ?? 0;
  return (
    <Card
      title={t('links.title')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="party-links"
      extra={
        editable && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="link-add">
            {t('links.add')}
          </Button>
        )
      }
    >
      {body}
      {graph && nodes > 1 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('links.network')}</Typography.Text>
          {network.data?.truncated && (
            <Alert type="info" showIcon style={{ margin: '8px 0' }} message={t('links.truncated')} />
          )}
          <Chart
            option={graph}
            height={300}
            ariaLabel={t('links.networkAria', { count: nodes })}
            data-testid="party-network"
          />
        </div>
      )}
      {editable && <AddLinkModal partyId={partyId} open={adding} onClose={() => setAdding(false)} />}
    </Card>
  );
}
