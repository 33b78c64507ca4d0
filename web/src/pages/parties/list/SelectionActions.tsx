import { useState } from 'react';
import { Alert, Button, Dropdown, Form, Modal, Select } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../api/client.ts';
import { useMe } from '../../../auth/session.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useAddSegmentMembers, useSegmentOptions } from '../../value/shared/api.ts';
import { segmentEditorRoles, type AddSegmentMembersOutcome } from '../../value/shared/types.ts';
import { selectionExportQuery } from './selection.ts';

const formats = [
  { key: 'xlsx', label: 'table.exportXlsx', query: { format: 'xlsx' } },
  { key: 'csv', label: 'table.exportCsv', query: { format: 'csv' } },
  { key: 'csv-gb18030', label: 'table.exportCsvGb', query: { format: 'csv', encoding: 'gb18030' } },
] as const;

/** Starts a browser download (the server streams the file with the session cookie). */
function download(href: string) {
  const link = document.createElement('a');
  link.href = href;
  link.download = '';
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** "Export selected" (the readable export of just these parties) and "Add to segment" for segment editors. */
export function SelectionActions({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const { user } = useMe();
  const [adding, setAdding] = useState(false);
  const [outcome, setOutcome] = useState<AddSegmentMembersOutcome | null>(null);
  const canAdd = segmentEditorRoles.some((r) => user.roles.includes(r));
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: formats.map((f) => ({
            key: f.key,
            label: <span data-testid={`bulk-export-${f.key}`}>{t(f.label)}</span>,
            onClick: () => download(apiUrl('/api/parties/export', selectionExportQuery(ids, f.query))),
          })),
        }}
      >
        <Button icon={<DownloadOutlined />} data-testid="bulk-export">
          {t('bulk.exportSelected')}
        </Button>
      </Dropdown>
      {canAdd && (
        <Button onClick={() => setAdding(true)} data-testid="bulk-add_to_segment">
          {t('bulk.addToSegment')}
        </Button>
      )}
      {adding && (
        <AddToSegment
          ids={ids}
          onClose={() => setAdding(false)}
          onDone={(o) => {
            setAdding(false);
            setOutcome(o);
          }}
        />
      )}
      {outcome && (
        <Alert
          closable
          onClose={() => setOutcome(null)}
          type="success"
          showIcon
          data-testid="segment-outcome"
          message={t('bulk.addedToSegment', {
            added: outcome.added,
            already: outcome.already,
            name: outcome.segment.name,
          })}
          action={<Link to={`/value/segments/${outcome.segment.id}`}>{t('bulk.openSegment')}</Link>}
        />
      )}
    </>
  );
}

function AddToSegment({
  ids,
  onClose,
  onDone,
}: {
  ids: string[];
  onClose: () => void;
  onDone: (o: AddSegmentMembersOutcome) => void;
}) {
  const { t } = useTranslation();
  const { describe } = useErrorMessage();
  const segments = useSegmentOptions();
  const add = useAddSegmentMembers();
  const [form] = Form.useForm<{ segmentId: string }>();
  return (
    <Modal
      open
      title={t('bulk.addToSegment') + ' · ' + t('bulk.selected', { count: ids.length })}
      okText={t('bulk.run')}
      okButtonProps={{ loading: add.isPending, 'data-testid': 'bulk-run' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {add.error && (
        <Alert type="error" showIcon role="alert" message={describe(add.error)} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => add.mutate({ id: v.segmentId, ids }, { onSuccess: onDone })}>
        <Form.Item
          name="segmentId"
          label={t('bulk.segment')}
          rules={[{ required: true, message: t('validation.required') }]}
          extra={t('bulk.addToSegmentHint')}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={segments.isPending}
            options={segments.data ?? []}
            data-testid="bulk-segment"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
