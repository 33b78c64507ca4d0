import type { TFunction, i18n as I18n } from 'i18next';

export const entityTypes = ['user', 'token', 'org_unit', 'session', 'view'] as const;
export const auditActions = ['create', 'update', 'delete', 'revoke', 'login', 'logout', 'login_failed'] as const;

/** Translated action name; actions added later by the server show as-is until translated. */
export function actionLabel(action: string, t: TFunction, i18n: Pick<I18n, 'exists'>): string {
  return i18n.exists(`audit.actions.${action}`) ? t(`audit.actions.${action}`) : action;
}

export function entityTypeLabel(type: string, t: TFunction, i18n: Pick<I18n, 'exists'>): string {
  return i18n.exists(`audit.entityTypes.${type}`) ? t(`audit.entityTypes.${type}`) : type;
}
