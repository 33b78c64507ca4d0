import { useState } from 'react';
import { Button, Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { invalidateReviews, nextReview, reviewWriterRoles, useReview, type QualityReview } from '../shared/api.ts';
import { InterviewDrawer } from './InterviewDrawer.tsx';
import { Results } from './Results.tsx';
import { StepLoop } from './StepLoop.tsx';

type Customer = QualityReview['customers'][number];

/** `/quality-reviews/:id`: one cycle: the loop of eight steps, the key customers to interview, the results. */
export default function ReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { notify } = useErrorMessage();
  const q = useReview(id);
  const [interviewing, setInterviewing] = useState<Customer | null>(null);
  const next = useMutation({
    mutationFn: () => nextReview(id),
    onSuccess: (r) => {
      void invalidateReviews(qc);
      void navigate(`/quality-reviews/${r.id}`);
    },
    onError: notify,
  });
  if (q.isPending) {
    return <PageLoading />;
  }
  if (q.error) {
    return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  }
  const review = q.data;
  const canWrite = user.roles.some((r) => reviewWriterRoles.includes(r));
  return (
    <>
      <PageHeader
        title={review.name}
        actions={
          canWrite ? (
            <Button onClick={() => next.mutate()} loading={next.isPending}>
              {t('qualityReview.next')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('qualityReview.loop')}>
            <StepLoop review={review} />
          </Card>
          <Card title={t('qualityReview.customers')} style={{ marginTop: 16 }}>
            <List
              dataSource={review.customers}
              renderItem={(c) => (
                <List.Item
                  data-testid={`customer-${c.partyId}`}
                  actions={[
                    c.interviewed ? (
                      <Tag key="done" color="green">
                        {t('qualityReview.interviewed')}
                      </Tag>
                    ) : (
                      <Button key="go" size="small" onClick={() => setInterviewing(c)} data-testid="start-interview">
                        {t('qualityReview.interview')}
                      </Button>
                    ),
                  ]}
                >
                  <Space direction="vertical" size={0}>
                    <Typography.Text>{c.displayName}</Typography.Text>
                    <Typography.Text type="secondary">{c.interviewerName ?? '—'}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Results id={review.id} />
        </Col>
      </Row>
      {interviewing ? (
        <InterviewDrawer review={review} customer={interviewing} onClose={() => setInterviewing(null)} />
      ) : null}
    </>
  );
}
