import {
  AutoComplete,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { driverTags, gapPairings, questionTypes, valueElements } from '@tandem/server/api';
import { Bilingual } from './Bilingual.tsx';
import { KeyedList } from './KeyedList.tsx';
import { blankQuestion, type QuestionDraft } from '../../shared/builder.ts';

interface Props {
  /** Position in the Form.List (`field.name`). */
  name: number;
  index: number;
  count: number;
  frozen: boolean;
  showGap: boolean;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One question of the builder: type, texts in both languages, type settings, gap pairing and driver tag. */
export function QuestionEditor({ name, index, count, frozen, showGap, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const type = Form.useWatch<QuestionDraft['type'] | undefined>(['questions', name, 'type'], form) ?? 'scale';
  const id = Form.useWatch<string | undefined>(['questions', name, 'id'], form);
  const hasRange = type === 'scale' || type === 'matrix';
  const changeType = (next: QuestionDraft['type']) => {
    const current = form.getFieldValue(['questions', name]) as QuestionDraft;
    form.setFieldValue(['questions', name], {
      ...blankQuestion(next),
      id: current.id,
      text: current.text,
      required: current.required,
      dimension: current.dimension,
      pairing: current.pairing,
      driver: current.driver,
    });
  };
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`question-${index}`}
      title={
        <Space wrap size={8}>
          <Typography.Text strong>{t('surveys.builder.questionN', { n: index + 1 })}</Typography.Text>
          {id && <Tag style={{ fontFamily: 'monospace' }}>{id}</Tag>}
          <Form.Item name={[name, 'id']} hidden>
            <Input />
          </Form.Item>
          <Form.Item name={[name, 'type']} noStyle>
            <Select
              size="small"
              style={{ width: 150 }}
              onChange={changeType}
              options={questionTypes.map((q) => ({ value: q, label: t(`surveys.questionTypes.${q}`) }))}
              aria-label={t('surveys.builder.type')}
              data-testid={`question-${index}-type`}
            />
          </Form.Item>
        </Space>
      }
      extra={!frozen && <QuestionToolbar index={index} count={count} onMove={onMove} onRemove={onRemove} />}
    >
      <Bilingual
        name={[name, 'text']}
        label={t('surveys.builder.questionText')}
        required
        testId={`question-${index}-text`}
        textarea
      />
      {hasRange && <RangeFields name={name} />}
      {type === 'choice' && (
        <>
          <Form.Item
            name={[name, 'multiple']}
            label={t('surveys.builder.multiple')}
            valuePropName="checked"
            style={{ marginBottom: 8 }}
          >
            <Switch />
          </Form.Item>
          <KeyedList name={name} prefix="o" label={t('surveys.builder.options')} min={2} />
        </>
      )}
      {type === 'matrix' && <KeyedList name={name} prefix="r" label={t('surveys.builder.rows')} min={1} />}
      {type === 'text' && (
        <Form.Item name={[name, 'maxLength']} label={t('surveys.builder.maxLength')}>
          <InputNumber min={1} max={5000} precision={0} style={{ width: 120 }} />
        </Form.Item>
      )}
      <AnalysisFields name={name} index={index} type={type} showGap={showGap} />
    </Card>
  );
}

/** Move up, move down, remove. */
function QuestionToolbar({ index, count, onMove, onRemove }: Pick<Props, 'index' | 'count' | 'onMove' | 'onRemove'>) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      <Tooltip title={t('surveys.builder.moveUp')}>
        <Button
          type="text"
          icon={<ArrowUpOutlined />}
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
          aria-label={t('surveys.builder.moveUp')}
          data-testid={`question-${index}-up`}
        />
      </Tooltip>
      <Tooltip title={t('surveys.builder.moveDown')}>
        <Button
          type="text"
          icon={<ArrowDownOutlined />}
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
          aria-label={t('surveys.builder.moveDown')}
          data-testid={`question-${index}-down`}
        />
      </Tooltip>
      <Tooltip title={t('surveys.builder.remove')}>
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          onClick={onRemove}
          aria-label={t('surveys.builder.remove')}
          data-testid={`question-${index}-remove`}
        />
      </Tooltip>
    </Space>
  );
}

/** The lowest and highest point of a scale or matrix and what the two ends mean. */
function RangeFields({ name }: { name: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Space wrap size={16} style={{ marginBottom: 8 }}>
        <Form.Item
          name={[name, 'min']}
          label={t('surveys.builder.min')}
          style={{ marginBottom: 0 }}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={0} max={10} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item
          name={[name, 'max']}
          label={t('surveys.builder.max')}
          style={{ marginBottom: 0 }}
          dependencies={[['questions', name, 'min']]}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_r, v: number | null) =>
                v === null || v === undefined || v > (getFieldValue(['questions', name, 'min']) as number)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('surveys.builder.maxAboveMin'))),
            }),
          ]}
        >
          <InputNumber min={1} max={10} precision={0} style={{ width: 90 }} />
        </Form.Item>
      </Space>
      <Bilingual name={[name, 'labels', 'min']} label={t('surveys.builder.minLabel')} />
      <Bilingual name={[name, 'labels', 'max']} label={t('surveys.builder.maxLabel')} />
    </>
  );
}

/** Required, and what the analysis does with the answers: driver tag, value dimension and gap pairing. */
function AnalysisFields({
  name,
  index,
  type,
  showGap,
}: {
  name: number;
  index: number;
  type: QuestionDraft['type'];
  showGap: boolean;
}) {
  const { t } = useTranslation();
  const dimension = Form.useWatch<string | undefined>(['questions', name, 'dimension']);
  return (
    <Space wrap size={16} align="start">
      <Form.Item
        name={[name, 'required']}
        label={t('surveys.builder.required')}
        valuePropName="checked"
        style={{ marginBottom: 0 }}
      >
        <Switch data-testid={`question-${index}-required`} />
      </Form.Item>
      {(type === 'scale' || type === 'nps') && (
        <Form.Item
          name={[name, 'driver']}
          label={t('surveys.builder.driver')}
          style={{ marginBottom: 0 }}
          tooltip={t('surveys.builder.driverHint')}
        >
          <Select
            allowClear
            style={{ width: 150 }}
            options={driverTags.map((d) => ({ value: d, label: t(`surveys.drivers.tags.${d}`) }))}
            placeholder={t('surveys.builder.none')}
          />
        </Form.Item>
      )}
      {(showGap || type === 'scale') && (
        <Form.Item
          name={[name, 'dimension']}
          label={t('surveys.builder.dimension')}
          style={{ marginBottom: 0 }}
          tooltip={t('surveys.builder.dimensionHint')}
          rules={[{ pattern: /^[a-z][a-z0-9_]{0,40}$/, message: t('surveys.builder.dimensionRule') }]}
        >
          <AutoComplete
            allowClear
            style={{ width: 190 }}
            options={valueElements.map((v) => ({ value: v, label: `${t(`surveys.dimensions.${v}`)} (${v})` }))}
            filterOption={(input, o) => String(o?.value ?? '').includes(input.toLowerCase())}
            placeholder={t('surveys.builder.none')}
          />
        </Form.Item>
      )}
      {type === 'scale' && (
        <Form.Item name={[name, 'pairing']} label={t('surveys.builder.pairing')} style={{ marginBottom: 0 }}>
          <Select
            allowClear
            disabled={!dimension}
            style={{ width: 150 }}
            options={gapPairings.map((p) => ({ value: p, label: t(`surveys.gap.${p}`) }))}
            placeholder={t('surveys.builder.none')}
          />
        </Form.Item>
      )}
    </Space>
  );
}
