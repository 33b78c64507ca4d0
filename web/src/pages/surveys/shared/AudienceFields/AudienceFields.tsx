import { Col, Form, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { MIN_GROUP_SIZE_FLOOR } from '@tandem/server/api';
import type { SurveyAudience, SurveyKind } from '../../../../api/types.ts';
import { useMe } from '../../../../auth/session.ts';
import { useStakeholderGroups } from '../../../parties/shared/api.ts';
import { useSegmentOptions } from '../../../value/shared/api.ts';
import { audienceKindsFor } from '../builder.ts';
import { PartyPicker } from '../PartyPicker/PartyPicker.tsx';

/** Audience (customers, employees, a stakeholder group or chosen parties), anonymity and the group-size threshold. */
export function AudienceFields({ kind, frozen }: { kind: SurveyKind; frozen?: boolean }) {
  const { t } = useTranslation();
  const { user } = useMe();
  const groups = useStakeholderGroups();
  const form = Form.useFormInstance();
  const audience = Form.useWatch<SurveyAudience['kind'] | undefined>(['audience', 'kind'], form);
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['audience', 'kind']}
            label={t('surveys.fields.audience')}
            rules={[required]}
            extra={frozen ? t('surveys.builder.frozenHint') : undefined}
          >
            <Select
              disabled={frozen}
              options={audienceKindsFor(user.roles, kind).map((k) => ({
                value: k,
                label: t(`surveys.audience.kinds.${k}`),
              }))}
              data-testid="survey-audience"
              aria-label={t('surveys.fields.audience')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {audience === 'stakeholderGroup' && (
            <Form.Item name={['audience', 'stakeholderGroup']} label={t('surveys.audience.group')} rules={[required]}>
              <Select
                disabled={frozen}
                options={groups.options}
                aria-label={t('surveys.audience.group')}
                data-testid="survey-audience-group"
              />
            </Form.Item>
          )}
          {audience === 'segment' && <SegmentField frozen={frozen} />}
          {audience === 'parties' && (
            <Form.Item
              name={['audience', 'partyIds']}
              label={t('surveys.audience.parties')}
              rules={[{ ...required, type: 'array', min: 1 }]}
            >
              <PartyPicker
                disabled={frozen}
                aria-label={t('surveys.audience.parties')}
                data-testid="survey-audience-parties"
              />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="anonymous"
            label={t('surveys.fields.anonymous')}
            valuePropName="checked"
            extra={t('surveys.builder.anonymousHint')}
          >
            <Switch disabled={frozen} data-testid="survey-anonymous" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="minGroupSize"
            label={t('surveys.fields.minGroupSize')}
            rules={[required]}
            extra={t('surveys.builder.minGroupSizeHint', { floor: MIN_GROUP_SIZE_FLOOR })}
          >
            <InputNumber
              min={MIN_GROUP_SIZE_FLOOR}
              max={1000}
              precision={0}
              style={{ width: 120 }}
              data-testid="survey-min-group"
              aria-label={t('surveys.fields.minGroupSize')}
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** The segment of a segment audience (value's dynamic customer groups; active ones). */
function SegmentField({ frozen }: { frozen?: boolean }) {
  const { t } = useTranslation();
  const segments = useSegmentOptions();
  return (
    <Form.Item
      name={['audience', 'segmentId']}
      label={t('surveys.audience.segment')}
      rules={[{ required: true, message: t('validation.required') }]}
      extra={t('surveys.audience.segmentHint')}
    >
      <Select
        disabled={frozen}
        options={segments.data ?? []}
        loading={segments.isPending}
        showSearch
        optionFilterProp="label"
        aria-label={t('surveys.audience.segment')}
        data-testid="survey-audience-segment"
      />
    </Form.Item>
  );
}
