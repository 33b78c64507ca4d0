import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, EditOutlined, EyeInvisibleOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { MySurvey } from '../../../api/types.ts';
import { useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { langOf, localized } from '../../surveys/shared/answers.ts';
import { answerPath, useMySurveyLink, useMySurveys } from '../shared/api.ts';

/** `/me/surveys`: the open surveys the user is invited to; "Answer" opens the answer page with a fresh link. */
export default function MySurveysPage() {
  const { t } = useTranslation();
  const { user } = useMe();
  const surveys = useMySurveys();

  let body;
  if (surveys.isPending) {
    body = <PageLoading minHeight={200} />;
  } else if (surveys.error) {
    body = <QueryError error={surveys.error} onRetry={() => void surveys.refetch()} />;
  } else if (!surveys.data.items.length) {
    body = (
      <Card>
        <Empty description={t('me.surveys.empty')} data-testid="my-surveys-empty" />
      </Card>
    );
  } else {
    body = (
      <Card styles={{ body: { padding: 0 } }}>
        <List
          dataSource={surveys.data.items}
          rowKey="id"
          renderItem={(s) => <SurveyItem survey={s} />}
          data-testid="my-surveys"
        />
      </Card>
    );
  }
  return (
    <div data-testid="my-surveys-page">
      <PageHeader title={t('nav.mySurveys')} description={t('me.surveys.description')} />
      {!user.partyId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('me.surveys.notLinked')}
          data-testid="my-surveys-not-linked"
        />
      )}
      {body}
    </div>
  );
}

function SurveyItem({ survey: s }: { survey: MySurvey }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { notify } = useErrorMessage();
  const link = useMySurveyLink();
  const open = () =>
    link.mutate(s.id, {
      onSuccess: (l) => void navigate(answerPath(l), { state: { back: '/me/surveys' } }),
      onError: notify,
    });
  return (
    <List.Item
      style={{ padding: '12px 16px' }}
      data-testid={`my-survey-${s.id}`}
      actions={[
        s.answered ? (
          <Tag icon={<CheckCircleOutlined />} color="green" key="answered" data-testid="my-survey-answered">
            {t('me.surveys.answered')}
          </Tag>
        ) : (
          <Button
            key="answer"
            type="primary"
            icon={<EditOutlined />}
            loading={link.isPending}
            onClick={open}
            data-testid="my-survey-answer"
          >
            {t('me.surveys.answer')}
          </Button>
        ),
      ]}
    >
      <List.Item.Meta
        title={
          <Space wrap size={8}>
            <Typography.Text strong>{localized(s.title, langOf(i18n.language))}</Typography.Text>
            {s.anonymous && (
              <Tag icon={<EyeInvisibleOutlined />} color="purple">
                {t('me.surveys.anonymous')}
              </Tag>
            )}
          </Space>
        }
        description={
          <Space wrap size={4} split="·">
            <span>
              {s.closesAt ? t('me.surveys.closes', { date: format.date(s.closesAt) }) : t('me.surveys.noClose')}
            </span>
            {s.anonymous && <span data-testid="my-survey-anonymous-hint">{t('me.surveys.anonymousHint')}</span>}
          </Space>
        }
      />
    </List.Item>
  );
}
