import { Col, DatePicker, Divider, Form, Input, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { kotlerLevels, quadrantOf, quadrants } from '@tandem/server/api';
import type { KotlerLevel, Quadrant } from '../../../../api/types.ts';
import { FormModal } from '../../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../../components/forms/useApiForm.ts';
import { QuadrantBadge } from '../labels.tsx';
import type { RelationshipFields, RelationshipInput } from '../relationship.ts';

interface Values {
  initiativeScore?: number | null;
  participationScore?: number | null;
  targetQuadrant?: Quadrant | null;
  targetQuadrantBy?: Dayjs | null;
  level?: KotlerLevel | null;
  targetLevel?: KotlerLevel | null;
  targetLevelBy?: Dayjs | null;
  reason: string;
}

interface Props {
  open: boolean;
  title: string;
  /** The current values (null when nothing was assessed yet). */
  current: RelationshipFields | null;
  submit: (body: RelationshipInput) => Promise<unknown>;
  onSaved: () => void;
  onClose: () => void;
}

const day = (v: string | null | undefined) => (v ? dayjs(v) : null);

const scores = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }));

/** The HR quadrant (docs/domain.md "Relationship level"): the two scores, the quadrant they make, and the target quadrant with its date. */
function QuadrantFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const initiative = Form.useWatch('initiativeScore', form) ?? null;
  const participation = Form.useWatch('participationScore', form) ?? null;
  const derived = quadrantOf(initiative, participation);
  return (
    <>
      <Divider orientation="left" plain style={{ marginTop: 0 }}>
        {t('parties.quadrantScale')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="initiativeScore" label={t('parties.initiative')} extra={t('parties.initiativeHint')}>
            <Radio.Group optionType="button" options={scores} data-testid="rel-initiative" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="participationScore"
            label={t('parties.participation')}
            extra={t('parties.participationHint')}
          >
            <Radio.Group optionType="button" options={scores} data-testid="rel-participation" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph data-testid="rel-derived">
        {t('parties.derivedQuadrant')}: <QuadrantBadge quadrant={derived} />
        {derived && <Typography.Text type="secondary">{t(`parties.quadrantMeaning.${derived}`)}</Typography.Text>}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="targetQuadrant" label={t('parties.targetQuadrant')}>
            <Select
              allowClear
              data-testid="rel-target-quadrant"
              options={quadrants.map((q) => ({
                value: q,
                label: `${t(`parties.quadrants.${q}`)} — ${t(`parties.quadrantMeaning.${q}`)}`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="targetQuadrantBy" label={t('parties.targetBy')}>
            <DatePicker style={{ width: '100%' }} data-testid="rel-target-quadrant-by" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** Kotler’s level (docs/domain.md "Relationship level"), apart from the quadrant: the level, its target and date, and what the level means. */
function LevelFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const target = Form.useWatch('targetLevel', form);
  const current = Form.useWatch('level', form);
  const level = target ?? current;
  return (
    <>
      <Divider orientation="left" plain>
        {t('parties.levelScale')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="level" label={t('parties.level')}>
            <Select
              allowClear
              data-testid="rel-level"
              options={kotlerLevels.map((l) => ({ value: l, label: t(`parties.levels.${l}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="targetLevel" label={t('parties.targetLevel')}>
            <Select
              allowClear
              data-testid="rel-target-level"
              options={kotlerLevels.map((l) => ({ value: l, label: t(`parties.levels.${l}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="targetLevelBy" label={t('parties.targetBy')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {level && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t(`parties.levels.${level}`)}: {t(`parties.levelMeaning.${level}`)}
        </Typography.Paragraph>
      )}
    </>
  );
}

/**
 * Edits a relationship type: the HR quadrant's two scores and its target, and apart from it Kotler's level and its
 * target, each labelled by its own meaning. Every change needs a reason (kept in the history).
 */
export function RelationshipModal({ open, title, current, submit, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const form = useApiForm<Values>({
    submit: (v) =>
      submit({
        initiativeScore: v.initiativeScore ?? null,
        participationScore: v.participationScore ?? null,
        targetQuadrant: v.targetQuadrant ?? null,
        targetQuadrantBy: v.targetQuadrantBy?.format('YYYY-MM-DD') ?? null,
        level: v.level ?? null,
        targetLevel: v.targetLevel ?? null,
        targetLevelBy: v.targetLevelBy?.format('YYYY-MM-DD') ?? null,
        reason: v.reason.trim(),
      }),
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });
  return (
    <FormModal<Values>
      form={form}
      open={open}
      width={680}
      title={title}
      okText={t('common.save')}
      onCancel={onClose}
      initialValues={{
        initiativeScore: current?.initiativeScore ?? null,
        participationScore: current?.participationScore ?? null,
        targetQuadrant: current?.targetQuadrant ?? null,
        targetQuadrantBy: day(current?.targetQuadrantBy),
        level: current?.level ?? null,
        targetLevel: current?.targetLevel ?? null,
        targetLevelBy: day(current?.targetLevelBy),
        reason: '',
      }}
      data-testid="relationship-modal"
      okTestId="relationship-save"
    >
      <QuadrantFields />
      <LevelFields />
      <Form.Item
        name="reason"
        label={t('parties.reason')}
        extra={t('parties.reasonHint')}
        rules={[
          { required: true, whitespace: true, message: t('parties.relationshipReasonRequired') },
          { max: 500, message: t('validation.too_big') },
        ]}
      >
        <Input.TextArea rows={2} maxLength={500} showCount data-testid="rel-reason" />
      </Form.Item>
    </FormModal>
  );
}
