import { useState } from 'react';
import { Button, Form, Input, Modal, Popconfirm, Select, Space, Tooltip } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { SavedView } from '../../api/types.ts';
import { useErrorMessage } from '../feedback/useErrorMessage.ts';
import type { TableState } from './tableState.ts';
import { useToast } from '../feedback/toast.tsx';

interface Props {
  tableKey: string;
  state: TableState;
  onApply: (state: TableState) => void;
}

/** The user's saved views of one table: pick one to apply it, save the current state, delete. */
export function SavedViews({ tableKey, state, onApply }: Props) {
  const { t } = useTranslation();
  const message = useToast();
  const { notify } = useErrorMessage();
  const queryClient = useQueryClient();
  const key = ['views', tableKey];
  const views = useQuery({
    queryKey: key,
    queryFn: () => api<{ items: SavedView[] }>('/api/views', { query: { table: tableKey } }),
  });
  const [selected, setSelected] = useState<string | null>(null);
  const [naming, setNaming] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });

  const create = useMutation({
    mutationFn: (name: string) =>
      api<SavedView>('/api/views', { method: 'POST', body: { table: tableKey, name, state } }),
    onSuccess: async (view) => {
      setSelected(view.id);
      setNaming(false);
      form.resetFields();
      void message.success(t('views.saved'));
      await refresh();
    },
    onError: notify,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<void>(`/api/views/${id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      setSelected(null);
      await refresh();
    },
    onError: notify,
  });

  const items = views.data?.items ?? [];
  const choose = (id: string | null) => {
    setSelected(id);
    const view = items.find((v) => v.id === id);
    if (view) {
      onApply({ filters: view.state.filters, sort: view.state.sort, columns: view.state.columns });
    }
  };

  return (
    <Space.Compact>
      <Select
        style={{ minWidth: 180 }}
        allowClear
        aria-label={t('views.label')}
        placeholder={t('views.placeholder')}
        loading={views.isPending}
        disabled={views.isError}
        value={selected}
        onChange={(id: string | undefined) => choose(id ?? null)}
        options={items.map((v) => ({ value: v.id, label: v.name }))}
        notFoundContent={t('views.none')}
        data-testid="views-select"
      />
      <Tooltip title={t('views.save')}>
        <Button
          icon={<SaveOutlined />}
          aria-label={t('views.save')}
          onClick={() => setNaming(true)}
          disabled={views.isError}
          data-testid="views-save"
        />
      </Tooltip>
      {selected && (
        <Popconfirm
          title={t('views.deleteConfirm')}
          onConfirm={() => remove.mutate(selected)}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
        >
          <Button icon={<DeleteOutlined />} aria-label={t('views.delete')} danger data-testid="views-delete" />
        </Popconfirm>
      )}
      <Modal
        open={naming}
        title={t('views.save')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={({ name }) => create.mutate(name)}>
          <Form.Item
            name="name"
            label={t('views.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input autoFocus maxLength={100} data-testid="views-name" />
          </Form.Item>
        </Form>
      </Modal>
    </Space.Compact>
  );
}
