import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, InputNumber, Radio, Space } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { PartyRoleName, Survey, SurveyInvitations } from '../../../api/types.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { invalidateSurveys } from '../shared/api.ts';
import { conflictOf, inviteBody, type InviteChoice } from '../shared/invitations.ts';
import { AudienceLabel } from '../shared/labels.tsx';
import { PartyPicker } from '../shared/PartyPicker/PartyPicker.tsx';
import { InviteResult } from './InviteResult.tsx';
import { RemindCard } from './RemindCard.tsx';

const roleOf = (survey: Survey): PartyRoleName | undefined =>
  survey.audience.kind === 'employees' || survey.kind === 'enps' || survey.kind === 'engagement'
    ? 'employee'
    : survey.audience.kind === 'customers'
      ? 'customer'
      : undefined;

/** One single-use answer link per party (for the audience or chosen parties), and reminders for the rest. */
export function InvitePanel({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<InviteChoice>({ who: 'parties', partyIds: [], days: 30, reissue: false });
  const [names, setNames] = useState<Record<string, string>>({});
  const invite = useMutation({
    mutationFn: (c: InviteChoice) =>
      api<SurveyInvitations>(`/api/surveys/${survey.id}/invitations`, { method: 'POST', body: inviteBody(c) }),
    onSuccess: () => invalidateSurveys(queryClient, survey.id),
  });
  if (survey.status === 'closed') {
    return <Alert type="info" showIcon message={t('surveys.invite.closed')} />;
  }
  return (
    <div data-testid="survey-invite">
      {survey.status === 'draft' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('surveys.invite.draftHint')} />
      )}
      {survey.anonymous && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('surveys.invite.anonymousHint', { k: survey.minGroupSize })}
          data-testid="invite-anonymous-hint"
        />
      )}
      <InviteForm
        survey={survey}
        choice={choice}
        onChange={(c) => setChoice((old) => ({ ...old, ...c }))}
        onNames={setNames}
        pending={invite.isPending}
        onSubmit={() => invite.mutate(choice)}
      />
      {invite.error && <InviteError error={invite.error} />}
      {invite.data && <InviteResult result={invite.data} names={names} anonymous={survey.anonymous} />}
      <RemindCard survey={survey} />
    </div>
  );
}

interface FormProps {
  survey: Survey;
  choice: InviteChoice;
  onChange: (c: Partial<InviteChoice>) => void;
  onNames: (names: Record<string, string>) => void;
  pending: boolean;
  onSubmit: () => void;
}

function InviteForm({ survey, choice, onChange, onNames, pending, onSubmit }: FormProps) {
  const { t } = useTranslation();
  const few = survey.anonymous && choice.partyIds.length > 0 && choice.partyIds.length < survey.minGroupSize;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form layout="vertical" onFinish={onSubmit}>
        <Form.Item label={t('surveys.invite.who')}>
          <Radio.Group
            value={choice.who}
            onChange={(e) => onChange({ who: e.target.value as InviteChoice['who'] })}
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
        {choice.who === 'parties' && (
          <Form.Item
            label={t('surveys.audience.parties')}
            required
            extra={few ? t('surveys.invite.fewChosen', { k: survey.minGroupSize }) : undefined}
          >
            <PartyPicker
              value={choice.partyIds}
              onChange={(partyIds) => onChange({ partyIds })}
              onNames={onNames}
              role={roleOf(survey)}
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
            value={choice.days}
            onChange={(v) => onChange({ days: v ?? 30 })}
            addonAfter={t('surveys.invite.days')}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item extra={t('surveys.invite.reissueHint')}>
          <Checkbox
            checked={choice.reissue}
            onChange={(e) => onChange({ reissue: e.target.checked })}
            data-testid="invite-reissue"
          >
            {t('surveys.invite.reissue')}
          </Checkbox>
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<LinkOutlined />}
          loading={pending}
          disabled={choice.who === 'parties' && choice.partyIds.length === 0}
          data-testid="invite-create"
        >
          {t('surveys.invite.create')}
        </Button>
      </Form>
    </Card>
  );
}

/** A refused invitation, explained where it bites: too few links for an anonymous survey, or closed meanwhile. */
function InviteError({ error }: { error: Error }) {
  const { t } = useTranslation();
  const { describe } = useErrorMessage();
  const conflict = conflictOf(error);
  const props = { showIcon: true, style: { marginBottom: 12 }, 'data-testid': 'invite-error' } as const;
  if (conflict?.reason === 'TOO_FEW_FOR_ANONYMITY') {
    return (
      <Alert
        {...props}
        type="warning"
        message={t('surveys.invite.tooFewTitle')}
        description={t('surveys.invite.tooFew', { minimum: conflict.minimum ?? '' })}
      />
    );
  }
  if (conflict?.reason === 'SURVEY_CLOSED') {
    return <Alert {...props} type="info" message={t('surveys.invite.closedNow')} />;
  }
  return <Alert {...props} type="error" message={describe(error)} />;
}
