import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/types.ts';
import { Problem } from '../components/feedback/Problem.tsx';
import { useMe } from './session.ts';

/** Shows a "no access" result instead of a page the server would answer 403 for. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useMe();
  if (!roles.some((r) => user.roles.includes(r))) {
    return (
      <Problem
        kind="forbidden"
        title={t('errors.FORBIDDEN')}
        subTitle={t('common.forbiddenHint')}
        data-testid="forbidden"
      />
    );
  }
  return <>{children}</>;
}
