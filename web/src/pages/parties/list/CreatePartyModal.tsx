import { Col, Divider, Form, Input, Radio, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { kotlerLevels, partyKinds, partyRoles, stagesOf } from '@tandem/server/api';
import { api } from '../../../api/client.ts';
import type { CreateParty, KotlerLevel, Party, PartyKind, PartyRoleName } from '../../../api/types.ts';
import { UserSelect } from '../../../components/UserSelect/UserSelect.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { useMe } from '../../../auth/session.ts';
import { invalidateParties, useStakeholderGroups } from '../shared/api.ts';
import { PersonNameFields } from '../shared/PersonNameFields/PersonNameFields.tsx';
import { defaultGroupOf } from '../shared/partyRoles.ts';

interface Values {
  kind: PartyKind;
  displayName: string;
  familyName?: string;
  givenName?: string;
  emails?: string[];
  phones?: string[];
  tags?: string[];
  ownerId?: string | null;
  role?: PartyRoleName;
  stage?: string;
  stakeholderGroup?: string;
  level?: KotlerLevel;
  targetLevel?: KotlerLevel;
}

function toBody(v: Values): CreateParty {
  const { role, stage, stakeholderGroup, level, targetLevel, ...party } = v;
  return {
    ...party,
    ownerId: party.ownerId ?? undefined,
    roles: role
      ? [
          {
            role,
            stage,
            stakeholderGroup: stakeholderGroup ?? null,
            level: level ?? null,
            targetLevel: targetLevel ?? null,
          },
        ]
      : [],
  };
}

/** "New party": a person or organisation with contacts, tags, owner and an initial role at a stage. */
export function CreatePartyModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (p: Party) => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const { user } = useMe();
  const queryClient = useQueryClient();
  const modal = useApiForm<Values, Party>({
    submit: (v) => api<Party>('/api/parties', { method: 'POST', body: toBody(v) }),
    onSuccess: (party) => {
      void toast.success(t('parties.created', { name: party.displayName }));
      invalidateParties(queryClient);
      close();
      onCreated(party);
    },
  });
  const { form } = modal;
  const close = () => {
    modal.clear();
    onClose();
  };
  const kind = Form.useWatch('kind', form);
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values>
      form={modal}
      open={open}
      title={t('parties.create')}
      onCancel={close}
      okTestId="party-save"
      width={640}
      data-testid="party-create-modal"
      initialValues={{
        kind: 'person',
        ownerId: user.id,
        role: 'customer',
        stage: 'prospect',
        stakeholderGroup: 'company_clients',
      }}
      onValuesChange={(changed: Partial<Values>) => {
        if ('role' in changed) {
          form.setFieldsValue({
            stage: changed.role ? stagesOf(changed.role)[0] : undefined,
            stakeholderGroup: defaultGroupOf(changed.role),
          });
        }
      }}
    >
      <Form.Item name="kind" label={t('parties.kind')}>
        <Radio.Group
          optionType="button"
          options={partyKinds.map((k) => ({ value: k, label: t(`parties.kinds.${k}`) }))}
          data-testid="party-kind"
        />
      </Form.Item>
      <Form.Item name="displayName" label={t('parties.displayName')} rules={[required]}>
        <Input maxLength={200} data-testid="party-displayName" />
      </Form.Item>
      {kind === 'person' && <PersonNameFields />}
      <ContactFields />
      <InitialRoleFields />
    </FormModal>
  );
}

/** The party's first role: which, at what stage, in which stakeholder group, and its relationship levels. */
function InitialRoleFields() {
  const { t } = useTranslation();
  const groups = useStakeholderGroups();
  const role = Form.useWatch<PartyRoleName | undefined>('role');
  const required = { required: true, message: t('validation.required') };
  const levelOptions = kotlerLevels.map((l) => ({ value: l, label: t(`parties.levels.${l}`) }));
  return (
    <>
      <Divider orientation="left" plain>
        {t('parties.initialRole')}
      </Divider>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="role" label={t('parties.role')}>
            <Select
              allowClear
              placeholder={t('parties.noRole')}
              options={partyRoles.map((r) => ({ value: r, label: t(`parties.roles.${r}`) }))}
              data-testid="party-role"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="stage" label={t('parties.stage')} rules={role ? [required] : []}>
            <Select
              disabled={!role}
              options={role ? stagesOf(role).map((s) => ({ value: s, label: t(`parties.stages.${s}`) })) : []}
              data-testid="party-stage"
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="stakeholderGroup" label={t('parties.stakeholderGroup')}>
            <Select allowClear disabled={!role} options={groups.options} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="level" label={t('parties.level')}>
            <Select allowClear disabled={!role} options={levelOptions} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="targetLevel" label={t('parties.targetLevel')}>
            <Select allowClear disabled={!role} options={levelOptions} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** Emails, phones and tags (typed, several each) and the owner. */
function ContactFields() {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="emails" label={t('parties.emails')} extra={t('parties.multiHint')}>
            <Select
              mode="tags"
              open={false}
              tokenSeparators={[',', ' ']}
              aria-label={t('parties.emails')}
              data-testid="party-emails"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="phones" label={t('parties.phones')} extra={t('parties.multiHint')}>
            <Select
              mode="tags"
              open={false}
              tokenSeparators={[',']}
              aria-label={t('parties.phones')}
              data-testid="party-phones"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="tags" label={t('parties.tags')}>
            <Select
              mode="tags"
              open={false}
              tokenSeparators={[',']}
              aria-label={t('parties.tags')}
              data-testid="party-tags"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="ownerId" label={t('parties.owner')}>
            <UserSelect aria-label={t('parties.owner')} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
