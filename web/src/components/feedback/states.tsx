import type { ReactNode } from 'react';
import { Empty, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** Centered spinner for a whole page or section while its data loads. */
export function PageLoading({ minHeight = '60vh' }: { minHeight?: number | string }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight }} role="status" aria-live="polite" data-testid="loading">
      <Spin size="large" aria-label={t('common.loading')} />
    </Flex>
  );
}

/** Empty state with an optional call to action. */
export function EmptyState({ description, action }: { description?: ReactNode; action?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('common.empty')} data-testid="empty">
      {action}
    </Empty>
  );
}
