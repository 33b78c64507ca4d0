import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { stagesOf } from '@tandem/server/api';
import { api } from '../../../../api/client.ts';
import { hasCode } from '../../../../api/errors.ts';
import type { PartyRole } from '../../../../api/types.ts';
import { invalidateParties } from '../api.ts';
import { useErrorMessage } from '../../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../../components/feedback/toast.tsx';
import { HiddenSubmit } from '../../../../components/forms/HiddenSubmit.tsx';
import { StageTag } from '../labels.tsx';
import { illegalTransition } from './stageError.ts';

export interface StageMove {
  partyId: string;
  partyName: string;
  role: PartyRole;
  /** Preselected target (the column a card was dropped on). */
  to?: string;
}

interface Values {
  stage: string;
  reason: string;
}

/** Asks for the reason of a stage change and sends it with the role's version; shows the legal stages when refused. */
export function MoveStageModal({ move, onClose }: { move: StageMove | null; onClose: () => void }) {
  // One dialog per move: a new move starts with an empty form and no earlier refusal.
  return move ? (
    <MoveStageDialog key={`${move.partyId}:${move.role.role}:${move.to ?? ''}`} move={move} onClose={onClose} />
  ) : null;
}

function MoveStageDialog({ move, onClose }: { move: StageMove; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { describe } = useErrorMessage();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [serverLegal, setServerLegal] = useState<string[] | null>(null);
  const { role } = move;
  const stage = Form.useWatch('stage', form);

  const mutation = useMutation({
    mutationFn: (v: Values) =>
      api<PartyRole>(`/api/parties/${move.partyId}/roles/${role.role}`, {
        method: 'PUT',
        body: { stage: v.stage, reason: v.reason, version: role.version },
      }),
    onSuccess: (_r, v) => {
      void toast.success(t('parties.moved', { name: move.partyName, stage: t(`parties.stages.${v.stage}`) }));
      invalidateParties(queryClient, move.partyId);
      onClose();
    },
    onError: (error) => {
      const illegal = illegalTransition(error);
      setServerLegal(illegal?.legalNextStages ?? null);
      if (hasCode(error, 'VERSION_CONFLICT')) {
        invalidateParties(queryClient, move.partyId);
      }
    },
  });
  const legal = serverLegal ?? role.legalNextStages;
  const illegalChoice = Boolean(stage) && stage !== role.stage && !legal.includes(stage);
  const nameOf = (s: string) => t(`parties.stages.${s}`);
  const otherError = mutation.error && !illegalTransition(mutation.error) ? describe(mutation.error) : null;

  return (
    <Modal
      open
      title={t('parties.moveTitle', { name: move.partyName, role: t(`parties.roles.${role.role}`) })}
      okText={t('parties.move')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ disabled: illegalChoice, 'data-testid': 'move-save' }}
      cancelButtonProps={{ 'data-testid': 'move-cancel' }}
      destroyOnHidden
      data-testid="move-stage-modal"
    >
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('parties.currentStage')}</Typography.Text>
        <StageTag stage={role.stage} />
      </Space>
      {illegalChoice && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="illegal-move"
          style={{ marginBottom: 12 }}
          message={t('parties.illegalMove', { from: nameOf(role.stage), to: nameOf(stage) })}
          description={
            legal.length > 0
              ? t('parties.legalNext', { stages: legal.map(nameOf).join(t('common.listSeparator')) })
              : t('parties.noNextStage')
          }
        />
      )}
      {otherError && <Alert type="error" showIcon role="alert" message={otherError} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => mutation.mutate(v)}
        initialValues={{ stage: move.to, reason: '' }}
      >
        <Form.Item
          name="stage"
          label={t('parties.newStage')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            data-testid="move-stage"
            options={stagesOf(role.role)
              .filter((s) => s !== role.stage)
              .map((s) => ({ value: s, label: nameOf(s), disabled: !legal.includes(s) }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('parties.reason')}
          rules={[{ required: true, whitespace: true, message: t('parties.reasonRequired') }]}
          extra={t('parties.reasonHint')}
        >
          <Input.TextArea rows={3} maxLength={1000} autoFocus data-testid="move-reason" />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </Modal>
  );
}
