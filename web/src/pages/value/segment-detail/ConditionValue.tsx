import { DatePicker, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { customerStages, employeeStages, partyKinds, partyRoles } from '@tandem/server/api';
import { useStakeholderGroups } from '../../parties/shared/api.ts';
import { useOrgUnits } from '../../settings/shared/useOrgUnits.ts';
import { useRfmRules } from '../shared/api.ts';
import { segmentLabel, valueClassOptions } from '../shared/labels.ts';
import { valueKind, type Draft } from '../shared/rule.ts';
import { OwnerSelect } from './OwnerSelect.tsx';

/** The value input of one condition: lists, a date, a number of days or a number, by field and operator. */
export function ConditionValue({ draft, onChange }: { draft: Draft; onChange: (value: unknown) => void }) {
  const { t } = useTranslation();
  const groups = useStakeholderGroups();
  const orgUnits = useOrgUnits();
  const rules = useRfmRules();
  const kind = valueKind(draft.field, draft.op);
  const label = t('value.segments.value');
  if (kind === 'none') {
    return null;
  }
  if (kind === 'date') {
    return (
      <DatePicker
        value={typeof draft.value === 'string' ? dayjs(draft.value) : null}
        onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : undefined)}
        aria-label={label}
        data-testid="segment-cond-value"
      />
    );
  }
  if (kind === 'days' || kind === 'number') {
    return (
      <InputNumber
        value={typeof draft.value === 'number' ? draft.value : null}
        min={kind === 'days' ? 1 : undefined}
        precision={kind === 'days' ? 0 : undefined}
        addonAfter={kind === 'days' ? t('value.segments.days') : undefined}
        onChange={(v) => onChange(v ?? undefined)}
        aria-label={label}
        style={{ width: 160 }}
        data-testid="segment-cond-value"
      />
    );
  }
  const list = Array.isArray(draft.value) ? (draft.value as string[]) : [];
  const choices: Partial<Record<Draft['field'], () => { value: string; label: string }[]>> = {
    kind: () => partyKinds.map((k) => ({ value: k, label: t(`parties.kinds.${k}`) })),
    role: () => partyRoles.map((r) => ({ value: r, label: t(`parties.roles.${r}`, { defaultValue: r }) })),
    stage: () =>
      [...new Set([...customerStages, ...employeeStages])].map((s) => ({
        value: s,
        label: t(`parties.stages.${s}`, { defaultValue: s }),
      })),
    stakeholderGroup: () => groups.options,
    orgUnit: () => orgUnits.units.map((u) => ({ value: u.id, label: orgUnits.pathOf(u.id) })),
    rfmSegment: () =>
      [...new Set((rules.data?.rules ?? []).map((r) => r.segment))].map((s) => ({
        value: s,
        label: segmentLabel(t, s),
      })),
    valueClass: () => valueClassOptions(t),
  };
  // Fields without a fixed list (tags, categories) take typed values.
  const options = choices[draft.field]?.() ?? null;
  if (draft.field === 'owner') {
    return <OwnerSelect value={list} onChange={onChange} />;
  }
  return (
    <Select
      mode={options ? 'multiple' : 'tags'}
      value={list}
      options={options ?? []}
      onChange={(v: string[]) => onChange(v)}
      style={{ minWidth: 220 }}
      placeholder={options ? t('value.segments.choose') : t('value.segments.typeValues')}
      optionFilterProp="label"
      aria-label={label}
      data-testid="segment-cond-value"
    />
  );
}
