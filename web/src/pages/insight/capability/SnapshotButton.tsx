import { useState } from 'react';
import { Button, Input, Popover, Segmented, Space } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useTakeSnapshot } from '../shared/api.ts';

type Tag = 'none' | 'before' | 'after';

/** Stores today's index as a snapshot, optionally tagged before/after an improvement stage. */
export function SnapshotButton() {
  const { t } = useTranslation();
  const toast = useToast();
  const { notify } = useErrorMessage();
  const take = useTakeSnapshot();
  const [open, setOpen] = useState(false);
  const [tag, setTag] = useState<Tag>('none');
  const [stage, setStage] = useState('');
  const submit = () =>
    take.mutate(
      { ...(tag === 'none' ? {} : { tag }), ...(stage.trim() ? { stage: stage.trim() } : {}) },
      {
        onSuccess: () => {
          setOpen(false);
          setStage('');
          void toast.success(t('insight.capability.snapshotTaken'));
        },
        onError: notify,
      },
    );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('insight.capability.snapshotTitle')}
      content={
        <Space direction="vertical" style={{ width: 280 }}>
          <Segmented<Tag>
            value={tag}
            onChange={setTag}
            options={(['none', 'before', 'after'] as const).map((v) => ({
              value: v,
              label: t(`insight.capability.tags.${v}`),
            }))}
            data-testid="snapshot-tag"
          />
          <Input
            value={stage}
            maxLength={200}
            onChange={(e) => setStage(e.target.value)}
            placeholder={t('insight.capability.stage')}
            aria-label={t('insight.capability.stage')}
            data-testid="snapshot-stage"
          />
          <Button type="primary" block loading={take.isPending} onClick={submit} data-testid="snapshot-save">
            {t('insight.capability.takeSnapshot')}
          </Button>
        </Space>
      }
    >
      <Button icon={<CameraOutlined />} data-testid="capability-snapshot">
        {t('insight.capability.takeSnapshot')}
      </Button>
    </Popover>
  );
}
