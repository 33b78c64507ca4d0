import { Form, Input, Radio, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { appraisalsKey, patchAppraisal } from '../shared/api.ts';
import { toScorePatch, weightedScore, type ScoreValues } from '../shared/cycleForm.ts';
import { GuardAlert, useLocalized } from '../shared/labels.tsx';
import { appraisalBands, SCORE_MAX, SCORE_MIN, type Appraisal } from '../shared/types.ts';
import { useGuardedForm } from '../shared/useGuardedForm.ts';

interface Values {
  scores: { score?: number; rationale?: string }[];
  band?: Appraisal['band'];
}

const scale = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);

/** Scores every criterion (1–5) with its required rationale, and the band; the weighted score updates as you go. */
export function ScoreModal({ appraisal, onClose }: { appraisal: Appraisal; onClose: () => void }) {
  const { t } = useTranslation();
  const name = useLocalized();
  const qc = useQueryClient();
  const criteria = appraisal.criteria;
  const asRecord = (scores: Values['scores'] | undefined): ScoreValues =>
    Object.fromEntries(criteria.map((c, i) => [c.key, scores?.[i] ?? {}]));
  const form = useGuardedForm<Values, Appraisal>({
    submit: (v) => patchAppraisal(appraisal.id, toScorePatch(criteria, asRecord(v.scores), v.band, appraisal.version)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: appraisalsKey });
      onClose();
    },
    onConflict: () => void qc.invalidateQueries({ queryKey: appraisalsKey }),
  });
  const scores = Form.useWatch('scores', form.form);
  const overall = weightedScore(criteria, asRecord(scores));
  const given = Object.fromEntries((appraisal.scores ?? []).map((s) => [s.key, s]));
  return (
    <FormModal<Values>
      form={form}
      open
      width={680}
      title={t('people.appraisals.scoreTitle', { name: appraisal.displayName })}
      okText={t('common.save')}
      onCancel={onClose}
      initialValues={{
        scores: criteria.map((c) => ({ score: given[c.key]?.score, rationale: given[c.key]?.rationale ?? '' })),
        band: appraisal.band ?? undefined,
      }}
      notice={form.guardError ? <GuardAlert error={form.guardError} /> : null}
      data-testid="score-modal"
      okTestId="score-save"
    >
      {criteria.map((c, i) => (
        <div key={c.key} data-testid={`score-criterion-${c.key}`}>
          <Typography.Text strong>
            {name(c.text)}{' '}
            <Typography.Text type="secondary">
              ({t('people.wizard.weight')} {c.weight})
            </Typography.Text>
          </Typography.Text>
          <Form.Item
            name={['scores', i, 'score']}
            rules={[{ required: true, message: t('people.appraisals.scoreRequired') }]}
          >
            <Radio.Group
              optionType="button"
              options={scale.map((s) => ({ value: s, label: String(s) }))}
              data-testid={`score-${c.key}`}
            />
          </Form.Item>
          <Form.Item
            name={['scores', i, 'rationale']}
            label={t('people.appraisals.rationale')}
            rules={[{ required: true, whitespace: true, message: t('people.appraisals.rationaleRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={4000} data-testid={`rationale-${c.key}`} />
          </Form.Item>
        </div>
      ))}
      <Typography.Paragraph data-testid="score-overall">
        {t('people.appraisals.overall')}: {overall === null ? '—' : overall.toFixed(2)}
      </Typography.Paragraph>
      <Form.Item name="band" label={t('people.appraisals.band')} extra={t('people.appraisals.bandHint')}>
        <Select
          allowClear
          data-testid="score-band"
          options={appraisalBands.map((b) => ({ value: b, label: t(`people.bands.${b}`) }))}
        />
      </Form.Item>
    </FormModal>
  );
}
