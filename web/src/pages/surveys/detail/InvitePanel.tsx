import { useState } from 'react';
import { Alert, Button, Card, Form, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import { CopyOutlined, LinkOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Party, PartyRoleName, Survey, SurveyInvitations } from '../../../api/types.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { AudienceLabel } from '../shared/labels.tsx';
import { PartyPicker } from '../shared/PartyPicker/PartyPicker.tsx';
import { partyKey } from '../../parties/shared/api.ts';
import { useFormat } from '../../../i18n/useFormat.ts';

const absolute = (url: string) => new URL(url, window.location.origin).toString();

function PartyName({ id, known }: { id: string; known?: string }) {
  const party = useQuery({
    queryKey: partyKey(id),
    queryFn: ({ signal }) => api<Party>(`/api/parties/${id}`, { signal }),
    enabled: !known,
    staleTime: 60_000,
  });
  return <Link to={`/parties/${id}`}>{known ?? party.data?.displayName ?? id.slice(0, 8)}</Link>;
}

/** One single-use answer link per party: for the survey's audience or for chosen parties. */
export function InvitePanel({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const { describe } = useErrorMessage();
  const [who, setWho] = useState<'audience' | 'parties'>('parties');
  const [partyIds, setPartyIds] = useState<string[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const [days, setDays] = useState(30);
  const role: PartyRoleName | undefined =
    survey.audience.kind === 'employees' || survey.kind === 'enps' || survey.kind === 'engagement'
      ? 'employee'
      : survey.audience.kind === 'customers'
        ? 'customer'
        : undefined;
  const invite = useMutation({
    mutationFn: () =>
      api<SurveyInvitations>(`/api/surveys/${survey.id}/invitations`, {
        method: 'POST',
        body: who === 'parties' ? { partyIds, expiresInDays: days } : { expiresInDays: days },
      }),
  });
  const result = invite.data;
  if (survey.status === 'closed') {
    return <Alert type="info" showIcon message={t('surveys.invite.closed')} />;
  }
  return (
    <div data-testid="survey-invite">
      {survey.status === 'draft' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('surveys.invite.draftHint')} />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" onFinish={() => invite.mutate()}>
          <Form.Item label={t('surveys.invite.who')}>
            <Radio.Group
              value={who}
              onChange={(e) => setWho(e.target.value as 'audience' | 'parties')}
              data-testid="invite-who"
            >
              <Space direction="vertical">
                <Radio value="parties">{t('surveys.invite.chosen')}</Radio>
                <Radio value="audience" data-testid="invite-audience">
                  {t('surveys.invite.audience')} (<AudienceLabel audience={survey.audience} />)
                </Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          {who === 'parties' && (
            <Form.Item label={t('surveys.audience.parties')} required>
              <PartyPicker
                value={partyIds}
                onChange={setPartyIds}
                onNames={setNames}
                role={role}
                aria-label={t('surveys.audience.parties')}
                data-testid="invite-parties"
              />
            </Form.Item>
          )}
          <Form.Item label={t('surveys.invite.expiresIn')} extra={t('surveys.invite.expiresHint')}>
            <InputNumber
              min={1}
              max={365}
              precision={0}
              value={days}
              onChange={(v) => setDays(v ?? 30)}
              addonAfter={t('surveys.invite.days')}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<LinkOutlined />}
            loading={invite.isPending}
            disabled={who === 'parties' && partyIds.length === 0}
            data-testid="invite-create"
          >
            {t('surveys.invite.create')}
          </Button>
        </Form>
      </Card>
      {invite.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={describe(invite.error)}
          data-testid="invite-error"
        />
      )}
      {result && <InviteResult result={result} names={names} />}
    </div>
  );
}

/** The links made: copy one or all, which were emailed, who had answered already. */
function InviteResult({ result, names }: { result: SurveyInvitations; names: Record<string, string> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      void toast.success(t('surveys.invite.copied'));
    } catch {
      void toast.error(t('surveys.invite.copyFailed'));
    }
  };
  const emailed = result.items.filter((i) => i.emailed).length;
  return (
    <Card
      size="small"
      title={t('surveys.invite.links', { n: result.items.length })}
      extra={
        result.items.length > 0 && (
          <Button
            icon={<CopyOutlined />}
            onClick={() =>
              void copy(
                result.items
                  .map((i) => (i.partyId ? `${names[i.partyId] ?? i.partyId}\t` : '') + absolute(i.url))
                  .join('\n'),
              )
            }
            data-testid="invite-copy-all"
          >
            {t('surveys.invite.copyAll')}
          </Button>
        )
      }
      data-testid="invite-result"
    >
      <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
        {emailed > 0 && (
          <Alert
            type="success"
            showIcon
            message={t('surveys.invite.emailed', { n: emailed })}
            data-testid="invite-emailed"
          />
        )}
        {emailed < result.items.length && <Alert type="info" showIcon message={t('surveys.invite.onlyOnce')} />}
        {result.alreadyAnswered.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('surveys.invite.alreadyAnswered', { n: result.alreadyAnswered.length })}
          />
        )}
      </Space>
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
            render: (_v, i) => (
              <Space size={6}>
                {i.partyId ? <PartyName id={i.partyId} known={names[i.partyId]} /> : t('surveys.invite.unlabelled')}
                {i.emailed && <Tag color="green">{t('surveys.invite.emailedTag')}</Tag>}
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
    </Card>
  );
}
