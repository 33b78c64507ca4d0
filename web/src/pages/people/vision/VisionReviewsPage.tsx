import { useState } from 'react';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useOrgUnits } from '../../settings/shared/useOrgUnits.ts';
import { PartyPicker } from '../../surveys/shared/PartyPicker/PartyPicker.tsx';
import { saveVisionReview, useVisionReviews, visionKey } from '../shared/api.ts';
import { OrgUnitSelect } from '../shared/OrgUnitSelect.tsx';
import { toVisionBody } from '../shared/programForm.ts';
import type { VisionReview } from '../shared/types.ts';

const writers = ['hr', 'admin', 'manager'] as const;

/** `/people/vision`: each unit's yearly vision review (愿景动态管理): the vision, what changed, who took part. */
export default function VisionReviewsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const orgUnits = useOrgUnits();
  const reviews = useVisionReviews();
  const [editing, setEditing] = useState<VisionReview | 'new' | null>(null);
  const canWrite = hasAnyRole(me.user, writers);
  return (
    <div data-testid="vision-page">
      <PageHeader
        title={t('nav.peopleVision')}
        description={t('people.vision.description')}
        actions={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="vision-create"
            >
              {t('people.vision.create')}
            </Button>
          )
        }
      />
      {reviews.isError ? (
        <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : (
        <Table<VisionReview>
          rowKey="id"
          loading={reviews.isPending}
          dataSource={[...(reviews.data?.items ?? [])].sort((a, b) => b.year - a.year)}
          onRow={(r) => ({
            onClick: () => canWrite && setEditing(r),
            style: { cursor: canWrite ? 'pointer' : 'default' },
          })}
          data-testid="vision-table"
          columns={[
            { title: t('people.vision.year'), dataIndex: 'year', width: 80 },
            {
              title: t('people.file.orgUnit'),
              render: (_, r) => orgUnits.pathOf(r.orgUnitId) || t('people.vision.organisation'),
            },
            {
              title: t('people.vision.vision'),
              render: (_, r) => <Typography.Paragraph ellipsis={{ rows: 2 }}>{r.vision}</Typography.Paragraph>,
            },
            {
              title: t('people.vision.changes'),
              render: (_, r) => <Typography.Paragraph ellipsis={{ rows: 2 }}>{r.changes ?? '—'}</Typography.Paragraph>,
            },
            { title: t('people.vision.participants'), align: 'right', render: (_, r) => r.participantPartyIds.length },
            { title: t('people.vision.reviewedOn'), render: (_, r) => format.date(r.reviewedOn) },
          ]}
        />
      )}
      {editing && <VisionModal review={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

interface Values {
  orgUnitId?: string | null;
  year: number;
  vision: string;
  changes?: string | null;
  participantPartyIds?: string[];
  reviewedOn: Dayjs;
}

function VisionModal({ review, onClose }: { review: VisionReview | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useApiForm<Values, VisionReview>({
    submit: (v) =>
      saveVisionReview(
        review?.id ?? null,
        toVisionBody({ ...v, reviewedOn: v.reviewedOn.format('YYYY-MM-DD') }, review),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: visionKey });
      onClose();
    },
    onConflict: () => void qc.invalidateQueries({ queryKey: visionKey }),
  });
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <FormModal<Values>
      form={form}
      open
      width={680}
      title={review ? t('people.vision.editTitle', { year: review.year }) : t('people.vision.create')}
      okText={review ? t('common.save') : undefined}
      onCancel={onClose}
      initialValues={
        review
          ? { ...review, reviewedOn: dayjs(review.reviewedOn) }
          : { year: dayjs().year(), reviewedOn: dayjs(), participantPartyIds: [] }
      }
      data-testid="vision-modal"
      okTestId="vision-save"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="orgUnitId" label={t('people.file.orgUnit')}>
            <OrgUnitSelect disabled={Boolean(review)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="year"
            label={t('people.vision.year')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber min={1900} max={9998} disabled={Boolean(review)} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="reviewedOn"
            label={t('people.vision.reviewedOn')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="vision" label={t('people.vision.vision')} rules={required}>
        <Input.TextArea rows={3} maxLength={10000} data-testid="vision-text" />
      </Form.Item>
      <Form.Item name="changes" label={t('people.vision.changes')} extra={t('people.vision.changesHint')}>
        <Input.TextArea rows={3} maxLength={10000} data-testid="vision-changes" />
      </Form.Item>
      <Form.Item name="participantPartyIds" label={t('people.vision.participants')}>
        <PartyPicker role="employee" aria-label={t('people.vision.participants')} />
      </Form.Item>
    </FormModal>
  );
}
