import { useState } from 'react';
import { Alert, Flex, InputNumber, Modal, Switch, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { AlertRule } from '../../../api/types.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { alertRulesKey, useAlertRules } from '../shared/api.ts';

/** The organisation's early-warning rules: on/off and their thresholds (admins and managers). */
export function AlertRulesModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { describe } = useErrorMessage();
  const rules = useAlertRules(open);
  // The user's changes over the server's rules; dropped when the dialog closes.
  const [edits, setEdits] = useState<AlertRule[] | null>(null);
  const draft = edits ?? rules.data?.items ?? [];
  const close = () => {
    setEdits(null);
    onClose();
  };
  const save = useMutation({
    mutationFn: () => api<{ items: AlertRule[] }>('/api/alert-rules', { method: 'PUT', body: { items: draft } }),
    onSuccess: (r) => {
      queryClient.setQueryData(alertRulesKey, r);
      close();
    },
  });
  const patch = (kind: AlertRule['kind'], change: Partial<AlertRule>) =>
    setEdits((e) =>
      (e ?? rules.data?.items ?? []).map((r) => (r.kind === kind ? ({ ...r, ...change } as AlertRule) : r)),
    );
  return (
    <Modal
      open={open}
      title={t('service.alerts.editRules')}
      onCancel={close}
      onOk={() => save.mutate()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      data-testid="alert-rules-modal"
    >
      {save.error && <Alert type="error" showIcon message={describe(save.error)} style={{ marginBottom: 12 }} />}
      {rules.isError ? (
        <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.isPending ? (
        <PageLoading minHeight={160} />
      ) : (
        <Flex vertical gap={16}>
          {draft.map((r) => (
            <Flex key={r.kind} gap={12} align="flex-start">
              <Switch
                checked={r.enabled}
                onChange={(enabled) => patch(r.kind, { enabled })}
                aria-label={t(`service.alerts.rules.${r.kind}.name`)}
                data-testid={`alert-rule-${r.kind}`}
              />
              <div>
                <Typography.Text strong>{t(`service.alerts.rules.${r.kind}.name`)}</Typography.Text>
                <Flex gap={6} align="center" wrap style={{ marginTop: 4 }}>
                  {r.kind === 'complaints_in_window' && (
                    <>
                      <InputNumber
                        size="small"
                        min={2}
                        max={100}
                        value={r.count}
                        onChange={(v) => patch(r.kind, { count: v ?? 2 })}
                        aria-label={t('service.alerts.count')}
                      />
                      <Typography.Text>{t('service.alerts.complaintsWithin')}</Typography.Text>
                      <InputNumber
                        size="small"
                        min={1}
                        max={3650}
                        value={r.days}
                        onChange={(v) => patch(r.kind, { days: v ?? 1 })}
                        aria-label={t('service.alerts.days')}
                      />
                      <Typography.Text>{t('service.alerts.days')}</Typography.Text>
                    </>
                  )}
                  {r.kind === 'low_csat' && (
                    <>
                      <Typography.Text>{t('service.alerts.scoreAtMost')}</Typography.Text>
                      <InputNumber
                        size="small"
                        min={1}
                        max={4}
                        value={r.max}
                        onChange={(v) => patch(r.kind, { max: v ?? 2 })}
                        aria-label={t('service.alerts.scoreAtMost')}
                      />
                    </>
                  )}
                  {r.kind === 'breached_complaint' && (
                    <Typography.Text type="secondary">
                      {t('service.alerts.rules.breached_complaint.text')}
                    </Typography.Text>
                  )}
                </Flex>
              </div>
            </Flex>
          ))}
        </Flex>
      )}
    </Modal>
  );
}
