import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { toTreeSelect, useOrgUnits } from '../../settings/shared/useOrgUnits.ts';

interface Props {
  value?: string | string[] | null;
  onChange?: (v: string | string[] | null) => void;
  multiple?: boolean;
  disabled?: boolean;
  id?: string;
  'data-testid'?: string;
}

/** Picks one org unit (or several) from the organisation's tree. */
export function OrgUnitSelect({ value, onChange, multiple, disabled, id, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const { tree } = useOrgUnits();
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v: string | string[] | undefined) => onChange?.(v ?? null)}
      treeData={toTreeSelect(tree)}
      multiple={multiple}
      disabled={disabled}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      placeholder={t('people.file.orgUnit')}
      data-testid={testId}
    />
  );
}
