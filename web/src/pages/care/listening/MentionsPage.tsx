import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { careMarketingRoles, mentionSentiments } from '@tandem/server/api';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useImportMentions, useMentionAlerts, useMentions } from '../shared/moreApi.ts';
import { LongText } from '../../../components/LongText/LongText.tsx';

const sentimentColor = { negative: 'red', neutral: 'default', positive: 'green' } as const;

/** Alerts raised by negative mentions, each with the task it made. */
function AlertsCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const alerts = useMentionAlerts();
  return (
    <Card title={t('careMore.mentions.alerts')} style={{ marginBottom: 16 }}>
      {alerts.error ? <QueryError error={alerts.error} onRetry={() => void alerts.refetch()} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={alerts.isPending}
        pagination={false}
        data-testid="mention-alerts"
        dataSource={alerts.data?.items ?? []}
        columns={[
          { key: 'at', title: t('careMore.date'), render: (_, a) => format.dateTime(a.createdAt) },
          {
            key: 'kind',
            title: t('careMore.mentions.kind'),
            render: (_, a) => <Tag color="red">{t(`careMore.alertKinds.${a.kind}`)}</Tag>,
          },
          { key: 'n', title: t('careMore.mentions.negatives'), align: 'right', render: (_, a) => a.negatives },
          { key: 'party', title: t('careMore.party'), render: (_, a) => a.partyName ?? '—' },
          {
            key: 'task',
            title: t('careMore.mentions.task'),
            render: (_, a) =>
              a.taskId ? (
                <Typography.Link href="/parties/tasks" data-testid="alert-task">
                  {t('careMore.mentions.taskFor', { name: a.assigneeName ?? '—' })}
                </Typography.Link>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}

/** The mentions inbox (docs/care.md "Social listening"): alerts first, then mentions with sentiment and filters. */
export default function MentionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { describe } = useErrorMessage();
  const { user } = useMe();
  const [sentiment, setSentiment] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const mentions = useMentions({ sentiment, q });
  const importCsv = useImportMentions();

  const upload = async (file: File) => {
    const csv = await file.text();
    importCsv.mutate(csv, {
      onSuccess: (r) => void toast.success(t('careMore.mentions.imported', r)),
      onError: (e) => void toast.error(describe(e)),
    });
    return false;
  };

  return (
    <>
      <PageHeader
        title={t('careMore.mentions.title')}
        description={t('careMore.mentions.description')}
        actions={
          hasAnyRole(user, careMarketingRoles) ? (
            <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={(f) => upload(f)}>
              <Button icon={<UploadOutlined />} loading={importCsv.isPending}>
                {t('careMore.mentions.importCsv')}
              </Button>
            </Upload>
          ) : null
        }
      />
      <AlertsCard />
      <Card
        title={t('careMore.mentions.inbox')}
        extra={
          <Space>
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('careMore.mentions.sentiment')}
              value={sentiment}
              onChange={setSentiment}
              options={mentionSentiments.map((s) => ({ value: s, label: t(`careMore.sentiments.${s}`) }))}
            />
            <Input.Search
              allowClear
              placeholder={t('careMore.mentions.search')}
              onSearch={(v) => setQ(v || undefined)}
            />
          </Space>
        }
      >
        {mentions.error ? <QueryError error={mentions.error} onRetry={() => void mentions.refetch()} /> : null}
        <Table
          size="small"
          rowKey="id"
          loading={mentions.isPending}
          data-testid="mentions-table"
          dataSource={mentions.data?.items ?? []}
          columns={[
            { key: 'at', title: t('careMore.mentions.postedAt'), render: (_, m) => format.dateTime(m.postedAt) },
            { key: 'channel', title: t('careMore.mentions.channel'), render: (_, m) => m.channel },
            { key: 'author', title: t('careMore.mentions.author'), render: (_, m) => m.partyName ?? m.author },
            {
              key: 'text',
              title: t('careMore.mentions.text'),
              render: (_, m) =>
                m.url ? (
                  <Typography.Link href={m.url} target="_blank" rel="noreferrer">
                    {m.text}
                  </Typography.Link>
                ) : (
                  <LongText text={m.text} lines={3} />
                ),
            },
            {
              key: 'sentiment',
              title: t('careMore.mentions.sentiment'),
              render: (_, m) => (
                <Tag color={sentimentColor[m.sentiment]} title={t(`careMore.sentimentSources.${m.sentimentSource}`)}>
                  {t(`careMore.sentiments.${m.sentiment}`)}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
