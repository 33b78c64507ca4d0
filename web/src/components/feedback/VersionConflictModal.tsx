import type { ReactNode } from 'react';
import { Alert, Button, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoading } from './states.tsx';

export interface ConflictField {
  name: string;
  label: string;
  format?: (value: unknown) => ReactNode;
}

interface Props {
  open: boolean;
  fields: ConflictField[];
  /** What the user tried to save. */
  mine: Record<string, unknown>;
  /** The record as the server has it now (undefined while loading). */
  current: Record<string, unknown> | undefined;
  onReload: () => void;
  onCancel: () => void;
}

function text(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map(text).join(', ');
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value);
}

function plain(value: unknown): ReactNode {
  if (value === null || value === undefined || value === '') {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  return text(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A 409 VERSION_CONFLICT: shows the user's values next to the server's current ones and offers a reload. */
export function VersionConflictModal({ open, fields, mine, current, onReload, onCancel }: Props) {
  const { t } = useTranslation();
  const rows = fields.map((f) => ({ ...f, key: f.name, mine: mine[f.name], theirs: current?.[f.name] }));
  return (
    <Modal
      open={open}
      title={t('conflict.title')}
      onCancel={onCancel}
      width={720}
      data-testid="version-conflict"
      footer={[
        <Button key="cancel" onClick={onCancel} data-testid="conflict-keep">
          {t('conflict.keepMine')}
        </Button>,
        <Button key="reload" type="primary" onClick={onReload} disabled={!current} data-testid="conflict-reload">
          {t('conflict.reload')}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon message={t('conflict.explain')} style={{ marginBottom: 16 }} />
      {current ? (
        <Table
          size="small"
          pagination={false}
          dataSource={rows}
          rowClassName={(r) => (same(r.mine, r.theirs) ? '' : 'tandem-row-changed')}
          columns={[
            { key: 'label', title: t('conflict.field'), dataIndex: 'label' },
            { key: 'mine', title: t('conflict.mine'), render: (_, r) => (r.format ?? plain)(r.mine) },
            {
              key: 'theirs',
              title: t('conflict.theirs'),
              render: (_, r) =>
                same(r.mine, r.theirs) ? (
                  (r.format ?? plain)(r.theirs)
                ) : (
                  <Typography.Text mark>{(r.format ?? plain)(r.theirs)}</Typography.Text>
                ),
            },
          ]}
        />
      ) : (
        <PageLoading minHeight={120} />
      )}
    </Modal>
  );
}
