import { Col, Form, Input, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { caseChannels, casePriorities, caseTypes } from '@tandem/server/api';
import { api } from '../../../../api/client.ts';
import type { Case, CreateCase } from '../../../../api/types.ts';
import { useMe } from '../../../../auth/session.ts';
import { UserSelect } from '../../../../components/UserSelect/UserSelect.tsx';
import { useToast } from '../../../../components/feedback/toast.tsx';
import { FormModal } from '../../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../../components/forms/useApiForm.ts';
import { PartySelect } from './PartySelect.tsx';
import { casesEndpoint, invalidateCase, useSlaPolicies } from '../api.ts';

type Values = Omit<CreateCase, 'type'> & { type: CreateCase['type'] };

/** "New case": type, party, subject, description, channel, priority, assignee, SLA policy. */
export function CreateCaseModal({
  open,
  onClose,
  onCreated,
  partyId,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (c: Case) => void;
  partyId?: string;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const { user } = useMe();
  const queryClient = useQueryClient();
  const modal = useApiForm<Values, Case>({
    submit: (v) =>
      api<Case>(casesEndpoint, {
        method: 'POST',
        body: { ...v, description: v.description || null, slaPolicyId: v.slaPolicyId ?? null },
      }),
    onSuccess: (c) => {
      void toast.success(t('service.cases.created'));
      invalidateCase(queryClient, c);
      close();
      onCreated(c);
    },
  });
  const close = () => {
    modal.clear();
    onClose();
  };
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values>
      form={modal}
      open={open}
      title={t('service.cases.create')}
      onCancel={close}
      okTestId="case-save"
      width={640}
      data-testid="case-create-modal"
      initialValues={{
        type: 'complaint',
        channel: 'phone',
        priority: 'normal',
        assigneeId: user.id,
        partyId: partyId ?? null,
      }}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="type" label={t('service.case.type')} rules={[required]}>
            <Select
              options={caseTypes
                .filter((v) => v !== 'grievance')
                .map((v) => ({ value: v, label: t(`service.types.${v}`) }))}
              data-testid="case-type"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="partyId" label={t('service.case.party')}>
            <PartySelect aria-label={t('service.case.party')} data-testid="case-party" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="subject" label={t('service.case.subject')} rules={[required]}>
        <Input maxLength={300} data-testid="case-subject" />
      </Form.Item>
      <Form.Item name="description" label={t('service.case.description')}>
        <Input.TextArea rows={4} maxLength={20000} data-testid="case-description" />
      </Form.Item>
      <RoutingFields />
    </FormModal>
  );
}

/** Channel, priority, assignee and the SLA policy (the default one unless chosen). */
function RoutingFields() {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item name="channel" label={t('service.case.channel')}>
          <Select
            options={caseChannels.map((v) => ({ value: v, label: t(`service.channels.${v}`) }))}
            data-testid="case-channel"
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="priority" label={t('service.case.priority')}>
          <Select
            options={casePriorities.map((v) => ({ value: v, label: t(`service.priorities.${v}`) }))}
            data-testid="case-priority"
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="assigneeId" label={t('service.case.assignee')}>
          <UserSelect aria-label={t('service.case.assignee')} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="slaPolicyId" label={t('service.case.slaPolicy')} extra={t('service.case.slaPolicyHint')}>
          <Select
            allowClear
            placeholder={t('service.case.defaultPolicy')}
            loading={policies.isPending}
            options={(policies.data?.items ?? []).map((p) => ({
              value: p.id,
              label: p.isDefault ? `${p.name} (${t('service.sla.default')})` : p.name,
            }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
