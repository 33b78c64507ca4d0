import { Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PracticeCreateScore, PracticeSession } from '@tandem/server/api';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useScore } from '../shared/api.ts';
import { PRACTICE_SCORE_MAX, PRACTICE_SCORE_MIN, practiceCriteria } from '../shared/types.ts';

type Values = { teamId: string; comment?: string } & PracticeCreateScore['scores'];

/** A sheet for one team on the four criteria, 1–10: the trainer's, or a peer team's (never its own team). */
export function ScoreForm({ session }: { session: PracticeSession }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const score = useScore(session.id);
  const toast = useToast();
  const { notify } = useErrorMessage();
  const teams = session.teams.filter((x) => x.id !== session.myTeamId);
  const submit = ({ teamId, comment, ...scores }: Values) =>
    score.mutate(
      { teamId, scores, comment: comment || null },
      {
        onSuccess: () => {
          void toast.success(t('practice.scored'));
          form.resetFields();
        },
        onError: notify,
      },
    );
  return (
    <Card
      title={session.myTeamId ? t('practice.scoreAsTeam') : t('practice.scoreAsTrainer')}
      size="small"
      data-testid="score-form"
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="teamId" label={t('practice.teamScored')} rules={[{ required: true }]}>
          <Select
            data-testid="score-team"
            options={teams.map((x) => ({ value: x.id, label: x.name }))}
            style={{ maxWidth: 280 }}
          />
        </Form.Item>
        <Space wrap>
          {practiceCriteria.map((c) => (
            <Form.Item key={c} name={c} label={t(`practice.criteria.${c}`)} rules={[{ required: true }]}>
              <InputNumber min={PRACTICE_SCORE_MIN} max={PRACTICE_SCORE_MAX} precision={0} data-testid={`score-${c}`} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="comment" label={t('practice.comment')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={score.isPending} data-testid="score-submit">
          {t('practice.submitScore')}
        </Button>
        <div style={{ marginTop: 8, color: '#888' }}>
          {t('practice.scale', { min: PRACTICE_SCORE_MIN, max: PRACTICE_SCORE_MAX })}
        </div>
      </Form>
    </Card>
  );
}
