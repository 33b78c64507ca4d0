import { useMemo } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { amountRule } from '../../../components/forms/amount.ts';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { addContribution, invalidateHrCrm, useEvaluation } from '../shared/api.ts';
import { evaluationOption, trendOption, trendPeriods } from '../shared/charts.ts';
import type { Contribution, EvaluationDimension } from '../shared/types.ts';

interface ContributionValues {
  text: string;
  value?: string | number | null;
  recordedOn: Dayjs;
}

/** HR records what the group itself contributed (ideas, referrals, time…). */
function ContributionForm({ groupKey }: { groupKey: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useApiForm<ContributionValues>({
    submit: (v) =>
      addContribution(groupKey, {
        text: v.text.trim(),
        value: v.value === null || v.value === undefined || v.value === '' ? null : String(v.value),
        recordedOn: v.recordedOn.format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      form.clear();
      form.form.setFieldsValue({ recordedOn: dayjs() });
      invalidateHrCrm(qc);
    },
  });
  return (
    <>
      <FormError message={form.formError} />
      <Form<ContributionValues>
        form={form.form}
        layout="vertical"
        onFinish={form.onFinish}
        initialValues={{ recordedOn: dayjs() }}
        data-testid="contribution-form"
      >
        <Form.Item
          name="text"
          label={t('hrcrm.contribution')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} data-testid="contribution-text" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12}>
            <Form.Item name="value" label={t('hrcrm.contributionValue')} rules={[amountRule(t)]}>
              <InputNumber<string> stringMode style={{ width: '100%' }} data-testid="contribution-value" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="recordedOn"
              label={t('hrcrm.recordedOn')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Button htmlType="submit" loading={form.submitting} data-testid="contribution-save">
          {t('hrcrm.addContribution')}
        </Button>
      </Form>
    </>
  );
}

const actorName = (c: Contribution) => (typeof c.recordedBy === 'string' ? c.recordedBy : (c.recordedBy?.name ?? ''));

/** What the group itself contributed, as HR recorded it, with the form to record more. */
function ContributionsCard({
  groupKey,
  contributions,
  canEdit,
}: {
  groupKey: string;
  contributions: Contribution[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card size="small" title={t('hrcrm.contributions')} data-testid="contributions">
      <List
        size="small"
        dataSource={contributions}
        locale={{ emptyText: t('hrcrm.noContributions') }}
        renderItem={(c) => (
          <List.Item key={c.id} data-testid="contribution-item">
            <List.Item.Meta
              title={c.text}
              description={[format.date(c.recordedOn), c.value && format.number(Number(c.value)), actorName(c)]
                .filter(Boolean)
                .join(' · ')}
            />
          </List.Item>
        )}
      />
      {canEdit && <ContributionForm groupKey={groupKey} />}
    </Card>
  );
}

/** Expected vs perceived value per dimension from the group's gap surveys, the gap, its trend, and contributions. */
export function EvaluationTab({ groupKey, canEdit }: { groupKey: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const evaluation = useEvaluation(groupKey);
  const language = i18n.language;
  const dimensions = useMemo(() => evaluation.data?.dimensions ?? [], [evaluation.data]);
  const bars = useMemo(() => evaluationOption(dimensions, t, language), [dimensions, t, language]);
  const trend = useMemo(() => trendOption(dimensions, language), [dimensions, language]);
  if (evaluation.isPending) {
    return <PageLoading />;
  }
  if (evaluation.error) {
    return <QueryError error={evaluation.error} onRetry={() => void evaluation.refetch()} />;
  }
  const num = (v: number | null) => (v === null ? '—' : format.number(Math.round(v * 100) / 100));
  const e = evaluation.data;
  return (
    <div data-testid="evaluation">
      {e.note && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={e.note} data-testid="evaluation-note" />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('hrcrm.expectedVsPerceived')}>
            {dimensions.length === 0 ? (
              <Empty description={t('hrcrm.noEvaluation')} />
            ) : (
              <>
                <Chart
                  option={bars}
                  height={300}
                  ariaLabel={dimensions
                    .map((d) => `${d.label}: ${num(d.expected)} / ${num(d.perceived)} (${num(d.gap)})`)
                    .join('; ')}
                  data-testid="evaluation-chart"
                />
                <Table<EvaluationDimension>
                  size="small"
                  rowKey="key"
                  pagination={false}
                  dataSource={dimensions}
                  data-testid="evaluation-table"
                  columns={[
                    { key: 'label', title: t('hrcrm.dimension'), dataIndex: 'label' },
                    { key: 'expected', title: t('hrcrm.expected'), align: 'right', render: (_, d) => num(d.expected) },
                    {
                      key: 'perceived',
                      title: t('hrcrm.perceived'),
                      align: 'right',
                      render: (_, d) => num(d.perceived),
                    },
                    {
                      key: 'gap',
                      title: t('hrcrm.gap'),
                      align: 'right',
                      render: (_, d) => (
                        <Typography.Text
                          type={d.gap !== null && d.gap < 0 ? 'danger' : undefined}
                          data-testid={`gap-${d.key}`}
                        >
                          {num(d.gap)}
                        </Typography.Text>
                      ),
                    },
                  ]}
                />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('hrcrm.gapTrend')} style={{ marginBottom: 16 }}>
            {trendPeriods(dimensions).length < 2 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hrcrm.noTrend')} />
            ) : (
              <Chart option={trend} height={240} ariaLabel={t('hrcrm.gapTrend')} data-testid="trend-chart" />
            )}
          </Card>
          <ContributionsCard groupKey={groupKey} contributions={e.contributions} canEdit={canEdit} />
        </Col>
      </Row>
    </div>
  );
}
