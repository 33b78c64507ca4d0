import { Tag } from 'antd';
import { EyeInvisibleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Stands in for the numbers of a group smaller than the survey's minimum group size `k`. */
export function Suppressed({ k }: { k: number }) {
  const { t } = useTranslation();
  return (
    <Tag icon={<EyeInvisibleOutlined />} data-testid="suppressed">
      {t('surveys.results.suppressed', { k })}
    </Tag>
  );
}
