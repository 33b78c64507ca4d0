import { Card, Col, DatePicker, Form, Input, Radio, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PartyPicker } from '../../surveys/shared/PartyPicker/PartyPicker.tsx';
import { useSegmentOptions } from '../../value/shared/api.ts';
import { campaignMergeFields } from '../shared/merge.ts';
import { campaignKinds } from '../shared/types.ts';
import type { Dayjs } from 'dayjs';

/** The editor's values: the audience as its two alternatives, the schedule as a dayjs. */
export interface CampaignValues {
  name: string;
  kind: (typeof campaignKinds)[number];
  commercial: boolean;
  audienceType: 'segment' | 'parties';
  audience: { segmentId?: string; partyIds?: string[] };
  subjectZh: string;
  subjectEn: string;
  bodyZh: string;
  bodyEn: string;
  scheduledAt?: Dayjs | null;
}

/** Merge fields a writer may use, shown under the message fields. */
function MergeHelp() {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: -8 }} data-testid="campaign-merge-help">
      {t('care.campaigns.mergeHelp')}{' '}
      {campaignMergeFields.map((f) => (
        <Typography.Text key={f} code copyable={{ text: `{{${f}}}` }}>
          {`{{${f}}}`}
        </Typography.Text>
      ))}
    </Typography.Paragraph>
  );
}

/** The fields of a campaign (inside the page's Form); server errors land on them through useApiForm. */
export function CampaignFields({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const segments = useSegmentOptions();
  const audienceType = Form.useWatch<CampaignValues['audienceType']>('audienceType');
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('care.campaigns.name')} rules={required}>
            <Input maxLength={200} disabled={disabled} data-testid="campaign-name" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="kind" label={t('care.campaigns.kind')}>
            <Select
              disabled={disabled}
              options={campaignKinds.map((k) => ({ value: k, label: t(`care.campaignKinds.${k}`) }))}
              data-testid="campaign-kind"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="commercial"
            label={t('care.campaigns.commercial')}
            valuePropName="checked"
            tooltip={t('care.campaigns.commercialHint')}
          >
            <Switch disabled={disabled} data-testid="campaign-commercial" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="audienceType" label={t('care.campaigns.audience')}>
        <Radio.Group disabled={disabled} data-testid="campaign-audience-type">
          <Radio value="segment">{t('care.campaigns.audienceSegment')}</Radio>
          <Radio value="parties">{t('care.campaigns.audienceParties')}</Radio>
        </Radio.Group>
      </Form.Item>
      {audienceType === 'parties' ? (
        <Form.Item
          name={['audience', 'partyIds']}
          label={t('care.campaigns.parties')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <PartyPicker
            disabled={disabled}
            role="customer"
            data-testid="campaign-parties"
            aria-label={t('care.campaigns.parties')}
          />
        </Form.Item>
      ) : (
        <Form.Item
          name={['audience', 'segmentId']}
          label={t('care.campaigns.segment')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            disabled={disabled}
            showSearch
            optionFilterProp="label"
            loading={segments.isPending}
            options={segments.data ?? []}
            data-testid="campaign-segment"
          />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="subjectZh" label={t('care.campaigns.subjectZh')} rules={required}>
            <Input maxLength={300} disabled={disabled} lang="zh-CN" data-testid="campaign-subject-zh" />
          </Form.Item>
          <Form.Item name="bodyZh" label={t('care.campaigns.bodyZh')} rules={required}>
            <Input.TextArea
              rows={6}
              maxLength={20000}
              disabled={disabled}
              lang="zh-CN"
              data-testid="campaign-body-zh"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="subjectEn" label={t('care.campaigns.subjectEn')} rules={required}>
            <Input maxLength={300} disabled={disabled} lang="en" data-testid="campaign-subject-en" />
          </Form.Item>
          <Form.Item name="bodyEn" label={t('care.campaigns.bodyEn')} rules={required}>
            <Input.TextArea rows={6} maxLength={20000} disabled={disabled} lang="en" data-testid="campaign-body-en" />
          </Form.Item>
        </Col>
      </Row>
      <MergeHelp />
      <Form.Item name="scheduledAt" label={t('care.campaigns.scheduledAt')} tooltip={t('care.campaigns.scheduleHint')}>
        <DatePicker showTime disabled={disabled} data-testid="campaign-scheduled-at" />
      </Form.Item>
    </Card>
  );
}
