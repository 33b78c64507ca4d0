import { useState } from 'react';
import { Button, Card, Descriptions, Input, List, Space, Steps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { PracticeSession } from '@tandem/server/api';
import { useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useSession, useUpdateSession } from '../shared/api.ts';
import { pick, practiceSteps } from '../shared/types.ts';
import { ResultsCard } from './ResultsCard.tsx';
import { ScoreForm } from './ScoreForm.tsx';

/** The six steps, the notes of step 2 and the trainer's summary (step 6); the trainer moves the session on. */
function StepsCard({ session }: { session: PracticeSession }) {
  const { t } = useTranslation();
  const update = useUpdateSession(session.id);
  const { notify } = useErrorMessage();
  const [notes, setNotes] = useState(session.caseNotes ?? '');
  const [summary, setSummary] = useState(session.summary ?? '');
  const at = practiceSteps.indexOf(session.step);
  const manage = session.canManage && !session.completedAt;
  const patch = (body: Omit<Parameters<typeof update.mutate>[0], 'version'>) =>
    update.mutate({ ...body, version: session.version }, { onError: notify });
  return (
    <Card size="small" title={t('practice.step')} data-testid="steps">
      <Steps
        size="small"
        current={at}
        status={session.completedAt ? 'finish' : 'process'}
        items={practiceSteps.map((s) => ({ title: t(`practice.steps.${s}`) }))}
        onChange={manage ? (i) => patch({ step: practiceSteps[i] }) : undefined}
      />
      {manage && (
        <Space style={{ marginTop: 12 }}>
          <Button disabled={at === 0} onClick={() => patch({ step: practiceSteps[at - 1] })}>
            {t('practice.previousStep')}
          </Button>
          <Button
            type="primary"
            disabled={at === practiceSteps.length - 1}
            onClick={() => patch({ step: practiceSteps[at + 1] })}
            data-testid="step-next"
          >
            {t('practice.nextStep')}
          </Button>
        </Space>
      )}
      <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('practice.caseNotes')}>
          {manage ? (
            <Space.Compact style={{ width: '100%' }}>
              <Input.TextArea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
              <Button onClick={() => patch({ caseNotes: notes.trim() || null })}>{t('common.save')}</Button>
            </Space.Compact>
          ) : (
            session.caseNotes
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('practice.summary')}>
          {manage ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                rows={3}
                value={summary}
                onChange={(e) => setSummary(e.target.value)}
                data-testid="session-summary"
              />
              <Space>
                <Button onClick={() => patch({ summary: summary.trim() || null })}>{t('common.save')}</Button>
                <Button
                  type="primary"
                  disabled={session.step !== 'sum_up' || !summary.trim()}
                  onClick={() => patch({ summary: summary.trim(), complete: true })}
                  data-testid="session-complete"
                >
                  {t('practice.complete')}
                </Button>
              </Space>
            </Space>
          ) : (
            session.summary
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** A session for its trainer and players: teams and roles, steps, scoring, results (docs/practice.md). */
export default function SessionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const session = useSession(id);
  const me = useMe();
  if (session.error) {
    return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  }
  if (!session.data) {
    return <PageLoading />;
  }
  const s = session.data;
  const scoring =
    !s.completedAt && (s.step === 'play' || s.step === 'score') && (s.trainer.userId === me.user.id || s.myTeamId);
  return (
    <>
      <PageHeader
        title={s.title}
        description={`${pick(s.scenario.title, i18n.language)} · ${t('practice.trainer')}: ${s.trainer.displayName} · ${format.dateTime(s.scheduledAt)}`}
        actions={s.completedAt && <Tag color="green">{t('practice.completed')}</Tag>}
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <StepsCard key={s.version} session={s} />
        <Card size="small" title={t('practice.teams')}>
          <Space wrap align="start">
            {s.teams.map((team) => (
              <Card
                key={team.id}
                size="small"
                title={team.name}
                style={{ minWidth: 220 }}
                data-testid={`team-card-${team.name}`}
              >
                <List
                  size="small"
                  dataSource={team.members}
                  renderItem={(m) => (
                    <List.Item>
                      {m.displayName} <Tag>{t(`practice.roles.${m.role}`)}</Tag>
                    </List.Item>
                  )}
                />
              </Card>
            ))}
          </Space>
        </Card>
        {scoring && <ScoreForm session={s} />}
        <ResultsCard sessionId={s.id} />
      </Space>
    </>
  );
}
