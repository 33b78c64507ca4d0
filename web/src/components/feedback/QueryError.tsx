import { Alert, Button } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import { Problem } from './Problem.tsx';
import { useErrorMessage } from './useErrorMessage.ts';

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
  /** A whole-page result instead of an inline alert. */
  fullPage?: boolean;
}

/** Shows why data could not be loaded, with "Retry" — the app never renders a blank page on failure. */
export function QueryError({ error, onRetry, fullPage }: QueryErrorProps) {
  const { t } = useTranslation();
  const { describe } = useErrorMessage();
  const network = isApiError(error) && error.isNetwork;
  const hint = network ? t('errors.networkHint') : undefined;
  const retry = onRetry ? (
    <Button icon={<ReloadOutlined />} onClick={onRetry} data-testid="retry">
      {t('common.retry')}
    </Button>
  ) : null;
  if (fullPage) {
    return (
      <Problem
        kind={network ? 'warning' : 'error'}
        title={describe(error)}
        subTitle={hint}
        extra={retry}
        data-testid="query-error"
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      message={describe(error)}
      description={hint}
      action={retry}
      role="alert"
      data-testid="query-error"
      style={{ marginBottom: 16 }}
    />
  );
}
