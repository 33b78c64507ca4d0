import { Alert, Button, Card, Flex, Space, Statistic, Table, Tag, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Party, SurveyInvitations } from '../../../api/types.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { partyKey } from '../../parties/shared/api.ts';
import { inviteNotes, unlabelled } from '../shared/invitations.ts';

const absolute = (url: string) => new URL(url, window.location.origin).toString();
type Summary = SurveyInvitations['summary'];

function PartyName({ id, known }: { id: string; known?: string }) {
  const party = useQuery({
    queryKey: partyKey(id),
    queryFn: ({ signal }) => api<Party>(`/api/parties/${id}`, { signal }),
    enabled: !known,
    staleTime: 60_000,
  });
  return <Link to={`/parties/${id}`}>{known ?? party.data?.displayName ?? id.slice(0, 8)}</Link>;
}

/** New, replaced, kept, emailed and (anonymous surveys) unreachable, side by side. */
function SummaryRow({ summary, anonymous }: { summary: Summary; anonymous: boolean }) {
  const { t } = useTranslation();
  const shown: (keyof Summary)[] = [
    'issued',
    'replaced',
    'kept',
    'emailed',
    ...(anonymous ? ['unreachable' as const] : []),
  ];
  return (
    <Flex wrap gap="12px 40px" style={{ marginBottom: 12 }} data-testid="invite-summary">
      {shown.map((k) => (
        <Statistic
          key={k}
          title={t(`surveys.invite.summary.${k}`)}
          value={summary[k]}
          data-testid={`invite-summary-${k}`}
        />
      ))}
    </Flex>
  );
}

/** What an invitation call did, and the links to copy (named ones by party, anonymous ones unlabelled). */
export function InviteResult({
  result,
  names,
  anonymous,
}: {
  result: SurveyInvitations;
  names: Record<string, string>;
  anonymous: boolean;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      void toast.success(t('surveys.invite.copied'));
    } catch {
      void toast.error(t('surveys.invite.copyFailed'));
    }
  };
  const copyAll = () =>
    void copy(
      result.items.map((i) => (i.partyId ? `${names[i.partyId] ?? i.partyId}\t` : '') + absolute(i.url)).join('\n'),
    );
  return (
    <Card
      size="small"
      title={t('surveys.invite.links', { n: result.items.length })}
      extra={
        result.items.length > 0 && (
          <Button icon={<CopyOutlined />} onClick={copyAll} data-testid="invite-copy-all">
            {t('surveys.invite.copyAll')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="invite-result"
    >
      <SummaryRow summary={result.summary} anonymous={anonymous} />
      <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
        {unlabelled(result) && (
          <Alert
            type="warning"
            showIcon
            message={t('surveys.invite.unlabelledTitle')}
            description={t('surveys.invite.unlabelledNote')}
            data-testid="invite-unlabelled"
          />
        )}
        {inviteNotes(result, anonymous).map((note) => (
          <Alert
            key={note.key}
            type={note.type}
            showIcon
            message={t(`surveys.invite.${note.key}`, { n: note.n })}
            data-testid={`invite-note-${note.key}`}
          />
        ))}
      </Space>
      {result.items.length > 0 && <LinkTable result={result} names={names} copy={copy} />}
    </Card>
  );
}

function LinkTable({
  result,
  names,
  copy,
}: {
  result: SurveyInvitations;
  names: Record<string, string>;
  copy: (text: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table
      size="small"
      rowKey="token"
      dataSource={result.items}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'party',
          title: t('surveys.invite.party'),
          render: (_v, i, index) => (
            <Space size={6}>
              {i.partyId ? (
                <PartyName id={i.partyId} known={names[i.partyId]} />
              ) : (
                <Typography.Text type="secondary">{t('surveys.invite.linkN', { n: index + 1 })}</Typography.Text>
              )}
              {i.emailed && <Tag color="green">{t('surveys.invite.emailedTag')}</Tag>}
              {i.replaced && <Tag color="orange">{t('surveys.invite.replacedTag')}</Tag>}
            </Space>
          ),
        },
        {
          key: 'url',
          title: t('surveys.invite.link'),
          render: (_v, i) => (
            <Space size={4}>
              <Typography.Text code style={{ maxWidth: 360 }} ellipsis data-testid="invite-link">
                {absolute(i.url)}
              </Typography.Text>
              <Button
                size="small"
                type="text"
                icon={<CopyOutlined />}
                onClick={() => void copy(absolute(i.url))}
                aria-label={t('surveys.invite.copy')}
              />
            </Space>
          ),
        },
        { key: 'expires', title: t('surveys.invite.expires'), render: (_v, i) => format.date(i.expiresAt) },
      ]}
    />
  );
}
