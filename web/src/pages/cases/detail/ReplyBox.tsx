import { useState } from 'react';
import { Button, Flex, Input, Segmented, Typography } from 'antd';
import { LockOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Case, CaseEvent } from '../../../api/types.ts';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { caseEventsKey, casesEndpoint, invalidateCase } from '../shared/api.ts';

/** Writes a public reply (to the customer or submitter) or an internal note. */
export function ReplyBox({ c, handlerView }: { c: Case; handlerView: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { describe } = useErrorMessage();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'internal'>('public');
  const send = useMutation({
    mutationFn: () =>
      api<CaseEvent>(`${casesEndpoint}/${c.id}/replies`, {
        method: 'POST',
        body: { body: body.trim(), visibility: handlerView ? visibility : 'public' },
      }),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: caseEventsKey(c.id) });
      invalidateCase(queryClient, c);
    },
  });
  const internal = handlerView && visibility === 'internal';
  return (
    <Flex vertical gap={8} data-testid="reply-box">
      <FormError message={send.error ? describe(send.error) : null} />
      {handlerView && (
        <Segmented
          value={visibility}
          onChange={(v) => setVisibility(v as 'public' | 'internal')}
          options={[
            { value: 'public', label: <span data-testid="reply-public">{t('service.reply.public')}</span> },
            {
              value: 'internal',
              label: <span data-testid="reply-internal">{t('service.reply.internal')}</span>,
              icon: <LockOutlined />,
            },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      )}
      <Input.TextArea
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={3}
        maxLength={20000}
        placeholder={internal ? t('service.reply.internalPlaceholder') : t('service.reply.publicPlaceholder')}
        aria-label={internal ? t('service.reply.internal') : t('service.reply.public')}
        style={internal ? { background: '#fffbe6' } : undefined}
        data-testid="reply-body"
      />
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">
          {internal
            ? t('service.reply.internalHint')
            : c.firstRespondedAt || !handlerView
              ? ''
              : t('service.reply.firstHint')}
        </Typography.Text>
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={!body.trim()}
          loading={send.isPending}
          onClick={() => send.mutate()}
          data-testid="reply-send"
        >
          {internal ? t('service.reply.addNote') : t('service.reply.send')}
        </Button>
      </Flex>
    </Flex>
  );
}
