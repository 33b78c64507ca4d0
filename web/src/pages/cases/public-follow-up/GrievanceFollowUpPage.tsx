import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Input, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { isApiError } from '../../../api/errors.ts';
import type { GrievanceFollowUp } from '../../../api/types.ts';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { PublicHeader } from '../../../components/PublicHeader/PublicHeader.tsx';
import { StatusTag } from '../shared/labels.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import '../shared/public.css';
import { LongText } from '../../../components/LongText/LongText.tsx';

/** A code taken from an old link, handed to the page at `/grievance` (memory only; cleared once it is read). */
let carried = '';

/**
 * `/grievance`: an anonymous submitter types their follow-up code, reads HR's replies and writes back. No sign-in and
 * no app shell: the code is the only credential, so nothing here knows who is reading. The code lives in the page's
 * state only, never in the address (which stays in browser history); an old `/grievance/<code>` link is taken in and
 * its address replaced at once. A wrong code keeps the form, with the reason, to try again.
 */
export default function GrievanceFollowUpPage() {
  const { code: fromLink = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState(() => fromLink || carried);
  const [typed, setTyped] = useState('');
  useEffect(() => {
    if (!fromLink) {
      carried = '';
    } else {
      // The page remounts on the new address: the code crosses in memory, never in history state.
      carried = fromLink;
      void navigate('/grievance', { replace: true });
    }
  }, [fromLink, navigate]);
  const open = () => {
    setCode(typed.trim());
    setTyped('');
  };
  return (
    <div className="tandem-public-page" data-testid="grievance-follow-up">
      <PublicHeader />
      <main className="tandem-public-main">
        <Typography.Title level={3}>{t('service.followUp.title')}</Typography.Title>
        {code ? (
          <Thread code={code} onBack={() => setCode('')} />
        ) : (
          <Card>
            <Typography.Paragraph>{t('service.followUp.enterCode')}</Typography.Paragraph>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (typed.trim().length >= 10) {
                  open();
                }
              }}
            >
              <Flex gap={8}>
                <Input.Password
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  aria-label={t('service.followUp.code')}
                  autoComplete="off"
                  data-testid="follow-up-code"
                />
                <Button
                  type="primary"
                  htmlType="submit"
                  disabled={typed.trim().length < 10}
                  data-testid="follow-up-open"
                >
                  {t('service.followUp.open')}
                </Button>
              </Flex>
            </form>
          </Card>
        )}
      </main>
    </div>
  );
}

function Thread({ code, onBack }: { code: string; onBack: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { describe } = useErrorMessage();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const key = ['grievance-follow-up', code];
  const thread = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<GrievanceFollowUp>(`/api/public/grievances/${encodeURIComponent(code)}`, { signal }),
    retry: (count, error) => !isApiError(error) && count < 2,
    refetchOnWindowFocus: false,
  });
  const send = useMutation({
    mutationFn: () =>
      api<{ ok: true }>(`/api/public/grievances/${encodeURIComponent(code)}/messages`, {
        method: 'POST',
        body: { body: body.trim() },
      }),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  if (thread.isPending) {
    return <PageLoading minHeight={200} />;
  }
  if (thread.isError) {
    return <ThreadError error={thread.error} onBack={onBack} />;
  }
  const g = thread.data;
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Text strong data-testid="follow-up-subject">
            {g.subject}
          </Typography.Text>
          <Flex gap={6} align="center">
            <StatusTag status={g.status} />
            <Typography.Text type="secondary">
              {t('service.followUp.filedOn', { date: format.date(g.createdOn) })}
            </Typography.Text>
          </Flex>
        </Flex>
      </Card>
      <Flex vertical gap={8} data-testid="follow-up-messages">
        {g.messages.length === 0 && (
          <Typography.Text type="secondary">{t('service.followUp.noReplies')}</Typography.Text>
        )}
        {g.messages.map((m, i) => (
          <div key={i} className={`tandem-public-msg tandem-public-msg-${m.from}`} data-testid={`follow-up-${m.from}`}>
            <Flex justify="space-between" gap={8}>
              <Tag color={m.from === 'handler' ? 'blue' : 'green'}>{t(`service.followUp.from.${m.from}`)}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {format.dateTime(m.at)}
              </Typography.Text>
            </Flex>
            <LongText text={m.body} lines={6} style={{ marginTop: 6 }} />
          </div>
        ))}
      </Flex>
      <Card size="small" title={t('service.followUp.writeBack')}>
        {send.error && <Alert type="error" showIcon message={describe(send.error)} style={{ marginBottom: 8 }} />}
        <Input.TextArea
          rows={4}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          maxLength={20000}
          aria-label={t('service.followUp.writeBack')}
          data-testid="follow-up-body"
        />
        <Flex justify="space-between" align="center" style={{ marginTop: 8 }} gap={8} wrap>
          <Typography.Text type="secondary">{t('service.followUp.stillAnonymous')}</Typography.Text>
          <Button
            type="primary"
            disabled={!body.trim()}
            loading={send.isPending}
            onClick={() => send.mutate()}
            data-testid="follow-up-send"
          >
            {t('service.followUp.send')}
          </Button>
        </Flex>
      </Card>
    </Flex>
  );
}

/** A code that opens nothing: the reason, and a way back to the form (never a dead end). */
function ThreadError({ error, onBack }: { error: unknown; onBack: () => void }) {
  const { t } = useTranslation();
  const { describe } = useErrorMessage();
  const notFound = isApiError(error) && error.status === 404;
  return (
    <Flex vertical gap={12}>
      <Alert
        type={notFound ? 'warning' : 'error'}
        showIcon
        message={notFound ? t('service.followUp.unknown') : describe(error)}
        data-testid="follow-up-error"
      />
      <Button onClick={onBack} data-testid="follow-up-again" style={{ alignSelf: 'flex-start' }}>
        {t('service.followUp.tryAgain')}
      </Button>
    </Flex>
  );
}
