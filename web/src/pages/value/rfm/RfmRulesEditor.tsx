import { useEffect } from 'react';
import { Alert, AutoComplete, Button, Card, Form, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../../components/feedback/toast.tsx';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { useRfmRules, useSaveValueSetting } from '../shared/api.ts';
import { segmentLabel } from '../shared/labels.ts';
import { knownSegments } from '../shared/rfm.ts';
import type { RfmRule, RfmRules } from '../shared/types.ts';
import { RangeInput } from './RangeInput.tsx';

type Values = { rules: RfmRule[] };
const MAX_RULES = 30;
const newRule = (): RfmRule => ({ segment: '', r: [1, 5], f: [1, 5], m: [1, 5] });

/**
 * Edits the org's RFM rules in order (first match wins): add, remove, move up or down, the R, F and M ranges and the
 * segment key. Saves at the version read; server errors land on their rule's field.
 */
export function RfmRulesEditor({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const current = useRfmRules();
  const save = useSaveValueSetting<{ rules: RfmRule[]; version: number }, RfmRules>('/api/value/rfm-rules');
  const form = useApiForm<Values, RfmRules>({
    submit: (values) => save.mutateAsync({ rules: values.rules, version: current.data?.version ?? 0 }),
    onSuccess: () => {
      void toast.success(t('value.rfmRules.saved'));
      onDone();
    },
    onConflict: () => void current.refetch(),
  });
  const { form: instance } = form;
  const reset = useSaveValueSetting<{ version: number }, RfmRules>('/api/value/rfm-rules/reset', 'POST');
  const onReset = async () => {
    try {
      const back = await reset.mutateAsync({ version: current.data?.version ?? 0 });
      instance.setFieldsValue({ rules: back.rules });
      void toast.success(t('value.rfmRules.resetDone'));
    } catch {
      // A moved version: show the current rules and the conflict note, as a save does.
      void current.refetch();
      void toast.error(t('value.settingsConflict'));
    }
  };
  const loaded = current.data;
  useEffect(() => {
    if (loaded && !instance.isFieldsTouched()) {
      instance.setFieldsValue({ rules: loaded.rules });
    }
  }, [loaded, instance]);
  const options = knownSegments.map((s) => ({ value: s, label: `${segmentLabel(t, s)} (${s})` }));
  return (
    <Card title={t('value.rfm.rulesTitle')} size="small" data-testid="rfm-rules-editor">
      <Typography.Paragraph type="secondary">{t('value.rfmRules.hint')}</Typography.Paragraph>
      <FormError message={form.formError} />
      {form.conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('value.settingsConflict')}
          data-testid="rfm-rules-conflict"
        />
      )}
      <Form<Values> form={instance} onFinish={form.onFinish} layout="inline">
        <Form.List name="rules">
          {(fields, { add, remove, move }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field, i) => (
                <RuleRow
                  key={field.key}
                  name={field.name}
                  index={i}
                  count={fields.length}
                  options={options}
                  onMove={(to) => move(i, to)}
                  onRemove={() => remove(i)}
                />
              ))}
              <Space>
                <Button
                  icon={<PlusOutlined />}
                  disabled={fields.length >= MAX_RULES}
                  onClick={() => add(newRule())}
                  data-testid="rfm-rule-add"
                >
                  {t('value.rfmRules.add')}
                </Button>
                <Button type="primary" htmlType="submit" loading={form.submitting} data-testid="rfm-rules-save">
                  {t('common.save')}
                </Button>
                {loaded && !loaded.isDefault && (
                  <Popconfirm
                    title={t('value.rfmRules.resetConfirm')}
                    onConfirm={() => void onReset()}
                    okText={t('value.rfmRules.reset')}
                    cancelText={t('common.cancel')}
                  >
                    <Button loading={reset.isPending} data-testid="rfm-rules-reset">
                      {t('value.rfmRules.reset')}
                    </Button>
                  </Popconfirm>
                )}
                <Button onClick={onDone} data-testid="rfm-rules-cancel">
                  {t('common.cancel')}
                </Button>
              </Space>
            </Space>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}

function RuleRow({
  name,
  index: i,
  count,
  options,
  onMove,
  onRemove,
}: {
  name: number;
  index: number;
  count: number;
  options: { value: string; label: string }[];
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap align="start" data-testid="rfm-rule-row">
      <Typography.Text style={{ width: 24, display: 'inline-block', lineHeight: '32px' }}>{i + 1}</Typography.Text>
      <Form.Item name={[name, 'segment']} rules={[{ required: true, message: t('value.rfmRules.segmentRequired') }]}>
        <AutoComplete
          options={options}
          style={{ width: 220 }}
          placeholder={t('value.rfm.segment')}
          data-testid="rfm-rule-segment"
        />
      </Form.Item>
      {(['r', 'f', 'm'] as const).map((k) => (
        <Form.Item key={k} name={[name, k]} label={k.toUpperCase()}>
          <RangeInput label={`${k.toUpperCase()} ${i + 1}`} data-testid={`rfm-rule-${k}`} />
        </Form.Item>
      ))}
      <Space.Compact>
        <Tooltip title={t('value.rfmRules.up')}>
          <Button
            icon={<ArrowUpOutlined />}
            disabled={i === 0}
            onClick={() => onMove(i - 1)}
            aria-label={t('value.rfmRules.up')}
            data-testid="rfm-rule-up"
          />
        </Tooltip>
        <Tooltip title={t('value.rfmRules.down')}>
          <Button
            icon={<ArrowDownOutlined />}
            disabled={i === count - 1}
            onClick={() => onMove(i + 1)}
            aria-label={t('value.rfmRules.down')}
            data-testid="rfm-rule-down"
          />
        </Tooltip>
        <Tooltip title={t('value.rfmRules.remove')}>
          <Button
            danger
            icon={<DeleteOutlined />}
            disabled={count <= 1}
            onClick={onRemove}
            aria-label={t('value.rfmRules.remove')}
            data-testid="rfm-rule-remove"
          />
        </Tooltip>
      </Space.Compact>
    </Space>
  );
}
