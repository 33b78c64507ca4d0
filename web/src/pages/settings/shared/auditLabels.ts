import type { TFunction, i18n as I18n } from 'i18next';

// The server's lists: every action recordAudit can write and every record type it names (a unit test asks for a
// label of each in both languages).
export { auditActions, auditEntityTypes as entityTypes } from '@tandem/server/api';

/** Translated action name; actions added later by the server show as-is until translated. */
export function actionLabel(action: string, t: TFunction, i18n: Pick<I18n, 'exists'>): string {
  return i18n.exists(`audit.actions.${action}`) ? t(`audit.actions.${action}`) : action;
}

export function entityTypeLabel(type: string, t: TFunction, i18n: Pick<I18n, 'exists'>): string {
  return i18n.exists(`audit.entityTypes.${type}`) ? t(`audit.entityTypes.${type}`) : type;
}
