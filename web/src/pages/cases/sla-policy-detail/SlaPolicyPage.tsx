import { useMemo } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Switch, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { caseConfigurerRoles, casePriorities } from '@tandem/server/api';
import { api } from '../../../api/client.ts';
import type { CreateSlaPolicy, SlaPolicy, SlaTargets } from '../../../api/types.ts';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { defaultGrid, defaultTargets, gridFromHours, hoursFromGrid, type WeekGrid } from './hours.ts';
import { TargetInput, WeekGridInput, YearCalendar } from './SlaInputs.tsx';
import { policiesKey } from '../shared/api.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';

interface Values {
  name: string;
  timeZone: string;
  hours: WeekGrid;
  holidays: string[];
  workdays: string[];
  targets: SlaTargets;
  isDefault: boolean;
}

const toBody = (v: Values): CreateSlaPolicy => ({
  name: v.name,
  timeZone: v.timeZone,
  hours: hoursFromGrid(v.hours),
  holidays: v.holidays,
  workdays: v.workdays,
  targets: v.targets,
  isDefault: v.isDefault,
});

const valuesOf = (policy: SlaPolicy | undefined): Values =>
  policy
    ? {
        name: policy.name,
        timeZone: policy.timeZone,
        hours: gridFromHours(policy.hours),
        holidays: policy.holidays,
        workdays: policy.workdays,
        targets: policy.targets,
        isDefault: policy.isDefault,
      }
    : {
        name: '',
        timeZone: 'Asia/Shanghai',
        hours: defaultGrid(),
        holidays: [],
        workdays: [],
        targets: defaultTargets,
        isDefault: false,
      };

const zones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Shanghai', 'UTC'];
  }
};

/** `/service/sla-policies/:id` and `/new`: the business-hours calendar and targets of one policy. */
export default function SlaPolicyPage() {
  const { id = 'new' } = useParams();
  const policy = useQuery({
    queryKey: [...policiesKey, id],
    queryFn: ({ signal }) => api<SlaPolicy>(`/api/sla-policies/${id}`, { signal }),
    enabled: id !== 'new',
  });
  if (id !== 'new' && policy.isPending) {
    return <PageLoading />;
  }
  if (policy.isError) {
    return <QueryError error={policy.error} onRetry={() => void policy.refetch()} fullPage />;
  }
  return <PolicyForm key={policy.data?.version ?? 'new'} policy={policy.data} />;
}

function PolicyForm({ policy }: { policy?: SlaPolicy }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useMe();
  const canEdit = hasAnyRole(user, caseConfigurerRoles);
  const { form, onFinish, submitting, formError, conflict } = useApiForm<Values, SlaPolicy>({
    submit: (v) =>
      policy
        ? api<SlaPolicy>(`/api/sla-policies/${policy.id}`, {
            method: 'PATCH',
            body: { ...toBody(v), version: policy.version },
          })
        : api<SlaPolicy>('/api/sla-policies', { method: 'POST', body: toBody(v) }),
    onSuccess: (p) => {
      void toast.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: policiesKey });
      if (!policy) {
        void navigate(`/service/sla-policies/${p.id}`, { replace: true });
      }
    },
    onConflict: () => void queryClient.invalidateQueries({ queryKey: policiesKey }),
  });
  return (
    <div data-testid="sla-policy-page">
      <PageHeader
        title={policy ? policy.name : t('service.policy.create')}
        description={t('service.policy.editorHint')}
        actions={
          canEdit && (
            <Button type="primary" loading={submitting} onClick={() => form.submit()} data-testid="policy-save">
              {t('common.save')}
            </Button>
          )
        }
      />
      <FormError message={formError} />
      {conflict && (
        <Alert type="warning" showIcon message={t('service.policy.conflict')} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={valuesOf(policy)}
        disabled={!canEdit}
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <GeneralCard />
            <TargetsCard />
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('service.policy.hours')}>
              <Form.Item name="hours" extra={t('service.policy.hoursHint')}>
                <WeekGridInput />
              </Form.Item>
            </Card>
          </Col>
          <Col span={24}>
            <CalendarCard canEdit={canEdit} />
          </Col>
        </Row>
      </Form>
    </div>
  );
}

/** Name, time zone and whether new cases get this policy. */
function GeneralCard() {
  const { t } = useTranslation();
  const timeZones = useMemo(() => zones().map((z) => ({ value: z, label: z })), []);
  const required = { required: true, message: t('validation.required') };
  return (
    <Card size="small" title={t('service.policy.general')}>
      <Form.Item name="name" label={t('service.policy.name')} rules={[required]}>
        <Input maxLength={200} data-testid="policy-name" />
      </Form.Item>
      <Form.Item
        name="timeZone"
        label={t('service.policy.timeZone')}
        rules={[required]}
        extra={t('service.policy.timeZoneHint')}
      >
        <Select showSearch options={timeZones} data-testid="policy-time-zone" />
      </Form.Item>
      <Form.Item
        name="isDefault"
        label={t('service.policy.isDefault')}
        valuePropName="checked"
        extra={t('service.policy.isDefaultHint')}
      >
        <Switch />
      </Form.Item>
    </Card>
  );
}

/** First-response and resolution targets per priority, in business minutes. */
function TargetsCard() {
  const { t } = useTranslation();
  const required = { required: true, message: t('validation.required') };
  return (
    <Card size="small" title={t('service.policy.targets')} style={{ marginTop: 16 }}>
      <Row gutter={8} style={{ marginBottom: 4 }}>
        <Col span={6} />
        <Col span={9}>
          <Typography.Text type="secondary">{t('service.policy.firstResponse')}</Typography.Text>
        </Col>
        <Col span={9}>
          <Typography.Text type="secondary">{t('service.policy.resolve')}</Typography.Text>
        </Col>
      </Row>
      {casePriorities.map((p) => (
        <Row gutter={8} key={p}>
          <Col span={6} style={{ paddingTop: 5 }}>
            <Tag>{t(`service.priorities.${p}`)}</Tag>
          </Col>
          <Col span={9}>
            <Form.Item name={['targets', p, 'firstResponseMinutes']} rules={[required]}>
              <TargetInput aria-label={`${t(`service.priorities.${p}`)} ${t('service.policy.firstResponse')}`} />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item name={['targets', p, 'resolveMinutes']} rules={[required]}>
              <TargetInput aria-label={`${t(`service.priorities.${p}`)} ${t('service.policy.resolve')}`} />
            </Form.Item>
          </Col>
        </Row>
      ))}
      <Typography.Text type="secondary">{t('service.policy.targetsHint')}</Typography.Text>
    </Card>
  );
}

/** Holidays and make-up workdays, typed or clicked on the year calendar. */
function CalendarCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const hours = Form.useWatch('hours', form);
  const holidays = Form.useWatch('holidays', form) ?? [];
  const workdays = Form.useWatch('workdays', form) ?? [];
  return (
    <Card size="small" title={t('service.policy.calendar')}>
      <Typography.Paragraph type="secondary">{t('service.policy.calendarHint')}</Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="holidays" label={t('service.policy.holidays')}>
            <Select
              mode="tags"
              open={false}
              tokenSeparators={[',', ' ']}
              aria-label={t('service.policy.holidays')}
              placeholder="2025-10-01"
              data-testid="policy-holidays"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="workdays" label={t('service.policy.workdays')}>
            <Select
              mode="tags"
              open={false}
              tokenSeparators={[',', ' ']}
              aria-label={t('service.policy.workdays')}
              placeholder="2025-09-28"
              data-testid="policy-workdays"
            />
          </Form.Item>
        </Col>
      </Row>
      <YearCalendar
        holidays={holidays}
        workdays={workdays}
        worked={(weekday) => (hours?.[weekday]?.length ?? 0) > 0}
        onChange={(v) => canEdit && form.setFieldsValue(v)}
      />
    </Card>
  );
}
