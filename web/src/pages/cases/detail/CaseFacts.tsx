import { Card, Descriptions, Flex, Rate, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../api/types.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useDurationUnits } from '../shared/useDurationUnits.ts';
import { formatBusinessMinutes } from '../shared/metrics.ts';
import { LongText } from '../../../components/LongText/LongText.tsx';

const columns = { xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 };

/** Who, how, when and the SLA clocks of a case, with its description. */
export function CaseFacts({ c }: { c: Case }) {
  const { t } = useTranslation();
  const format = useFormat();
  const units = useDurationUnits();
  return (
    <Card size="small" title={t('service.detail.facts')}>
      <Descriptions column={columns} size="small">
        <Descriptions.Item label={t('service.case.party')}>
          {c.partyId ? (
            <Link to={`/parties/${c.partyId}`} data-testid="case-party-link">
              {c.partyName ?? c.partyId}
            </Link>
          ) : c.anonymous ? (
            t('service.case.anonymous')
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('service.case.assignee')}>{c.assigneeName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('service.case.channel')}>{t(`service.channels.${c.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('common.createdAt')}>
          {c.anonymous ? format.date(c.createdAt) : format.dateTime(c.createdAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('service.detail.firstResponseDue')}>
          <Flex gap={6} wrap>
            {c.firstResponseDueAt ? format.dateTime(c.firstResponseDueAt) : '—'}
            {c.firstRespondedAt && (
              <Tag color={c.firstResponseBreached ? 'red' : 'green'}>
                {t('service.detail.answeredAfter', { time: formatBusinessMinutes(c.firstResponseMinutes, units) })}
              </Tag>
            )}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('service.detail.resolveDue')}>
          <Flex gap={6} wrap>
            {c.resolveDueAt ? format.dateTime(c.resolveDueAt) : '—'}
            {c.resolvedAt && (
              <Tag color={c.resolveBreached ? 'red' : 'green'}>
                {t('service.detail.resolvedAfter', { time: formatBusinessMinutes(c.resolutionMinutes, units) })}
              </Tag>
            )}
          </Flex>
        </Descriptions.Item>
        {c.reopenCount > 0 && (
          <Descriptions.Item label={t('service.detail.reopened')}>{c.reopenCount}</Descriptions.Item>
        )}
      </Descriptions>
      {c.description && <LongText text={c.description} lines={6} style={{ marginTop: 12 }} testId="case-description" />}
    </Card>
  );
}

/** Root cause, remedy and the customer's satisfaction of a resolved case. */
export function CaseResolution({ c }: { c: Case }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card size="small" title={t('service.detail.resolution')} data-testid="case-resolution">
      <Descriptions column={columns} size="small">
        <Descriptions.Item label={t('service.case.rootCause')}>
          {t(`service.rootCauses.${c.rootCause}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('service.resolve.remedy')}>
          {c.remedy ? t(`service.remedies.${c.remedy}`) : '—'}
        </Descriptions.Item>
        {c.rootCauseDetail && (
          <Descriptions.Item label={t('service.resolve.rootCauseDetail')} span={2}>
            {c.rootCauseDetail}
          </Descriptions.Item>
        )}
        {c.remedyDetail && (
          <Descriptions.Item label={t('service.resolve.remedyDetail')} span={2}>
            {c.remedyDetail}
          </Descriptions.Item>
        )}
        {c.remedyCost !== null && (
          <Descriptions.Item label={t('service.resolve.remedyCost')}>{format.money(c.remedyCost)}</Descriptions.Item>
        )}
        {c.resolvedAt && (
          <Descriptions.Item label={t('service.detail.resolvedAt')}>{format.dateTime(c.resolvedAt)}</Descriptions.Item>
        )}
        {c.csatScore !== null && (
          <Descriptions.Item label={t('service.case.csat')} span={2}>
            <Space data-testid="case-csat">
              <Rate disabled value={c.csatScore} />
              {c.csatComment && <Typography.Text type="secondary">“{c.csatComment}”</Typography.Text>}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
