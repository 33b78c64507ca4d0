import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { LockOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { createOneOnOne, oneOnOnesKey, useOneOnOnes } from '../shared/api.ts';
import { conversationKinds, type EmployeeFile, type OneOnOne } from '../shared/types.ts';
import { LongText } from '../../../components/LongText/LongText.tsx';

interface Values {
  kind: OneOnOne['kind'];
  heldOn: Dayjs;
  notes?: string | null;
  actions?: { title: string; dueAt: Dayjs }[];
}

/** 1:1s and walk-around talks: private notes (the two and HR) and agreed actions, which become tasks. */
export function ConversationsTab({ file }: { file: EmployeeFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useOneOnOnes(file.partyId);
  const [adding, setAdding] = useState(false);
  return (
    <Card
      size="small"
      title={t('people.tabs.conversations')}
      data-testid="employee-conversations"
      extra={
        file.relation !== 'self' && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="one-on-one-add">
            {t('people.conversations.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        <LockOutlined aria-hidden /> {t('people.conversations.privacy')}
      </Typography.Paragraph>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (list.data?.items ?? []).length === 0 && !list.isPending ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.conversations.none')} />
      ) : (
        <List<OneOnOne>
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          data-testid="one-on-one-list"
          renderItem={(c) => (
            <List.Item key={c.id}>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{format.date(c.heldOn)}</span>
                    <Tag>{t(`people.conversationKinds.${c.kind}`)}</Tag>
                    <Typography.Text type="secondary">
                      {t('people.conversations.with')} <UserName id={c.managerId} />
                    </Typography.Text>
                  </Space>
                }
                description={
                  <>
                    {c.notes && <LongText text={c.notes} style={{ marginBottom: 8 }} />}
                    {c.actions.length > 0 && (
                      <Space direction="vertical" size={0}>
                        <Typography.Text strong>{t('people.conversations.actions')}</Typography.Text>
                        {c.actions.map((a) => (
                          <Link key={a.taskId} to="/tasks">
                            {a.title}
                          </Link>
                        ))}
                      </Space>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {adding && <OneOnOneModal file={file} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function OneOnOneModal({ file, onClose }: { file: EmployeeFile; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useApiForm<Values, OneOnOne>({
    submit: (v) =>
      createOneOnOne({
        partyId: file.partyId,
        kind: v.kind,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        notes: v.notes?.trim() || null,
        actions: (v.actions ?? []).map((a) => ({ title: a.title.trim(), dueAt: a.dueAt.endOf('day').toISOString() })),
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: oneOnOnesKey });
      onClose();
    },
  });
  return (
    <FormModal<Values>
      form={form}
      open
      width={640}
      title={t('people.conversations.add')}
      onCancel={onClose}
      initialValues={{ kind: 'one_on_one', heldOn: dayjs(), actions: [] }}
      data-testid="one-on-one-modal"
      okTestId="one-on-one-save"
    >
      <Form.Item name="kind" label={t('people.conversations.kind')}>
        <Select options={conversationKinds.map((k) => ({ value: k, label: t(`people.conversationKinds.${k}`) }))} />
      </Form.Item>
      <Form.Item
        name="heldOn"
        label={t('people.conversations.heldOn')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="notes" label={t('people.conversations.notes')} extra={t('people.conversations.privacy')}>
        <Input.TextArea rows={4} maxLength={10000} data-testid="one-on-one-notes" />
      </Form.Item>
      <Typography.Text strong>{t('people.conversations.actions')}</Typography.Text>
      <Form.List name="actions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item
                  name={[f.name, 'title']}
                  rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                >
                  <Input placeholder={t('people.conversations.actionTitle')} maxLength={200} />
                </Form.Item>
                <Form.Item name={[f.name, 'dueAt']} rules={[{ required: true, message: t('validation.required') }]}>
                  <DatePicker placeholder={t('people.conversations.due')} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('people.remove')} />
              </Space>
            ))}
            <Button
              type="dashed"
              onClick={() => add({ title: '', dueAt: dayjs().add(7, 'day') })}
              icon={<PlusOutlined />}
            >
              {t('people.conversations.addAction')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
