import type { TFunction, i18n as I18n } from 'i18next';

export const entityTypes = [
  'user',
  'token',
  'org_unit',
  'session',
  'view',
  'organization',
  'party',
  'interaction',
  'task',
  'field_definition',
  'stakeholder_group',
  'survey',
  'survey_response',
  'case',
  'sla_policy',
  'alert',
  'alert_rule',
  'import_job',
  'product',
  'transaction',
] as const;
export const auditActions = [
  'create',
  'update',
  'delete',
  'restore',
  'revoke',
  'login',
  'logout',
  'logout_others',
  'login_failed',
  'update_password',
  'merge',
  'unmerge',
  'role_create',
  'role_update',
  'role_end',
  'bulk_create',
  'bulk_upsert',
  'bulk_delete',
  'bulk_restore',
  'import',
  'import_revert',
  'survey.create',
  'survey.update',
  'survey.invite',
  'survey.respond',
  'survey.remind',
  'case.create',
  'case.update',
  'case.resolve',
  'case.csat',
  'case.reply',
  'case.follow_up',
  'grievance.create',
  'grievance.follow_up',
  'sla_policy.create',
  'sla_policy.update',
  'alert.raise',
  'alert.update',
  'alert_rules.update',
] as const;

/** Translated action name; actions added later by the server show as-is until translated. */
export function actionLabel(action: string, t: TFunction, i18n: Pick<I18n, 'exists'>): string {
  return i18n.exists(`audit.actions.${action}`) ? t(`audit.actions.${action}`) : action;
}

export function entityTypeLabel(type: string, t: TFunction, i18n: Pick<I18n, 'exists'>): string {
  return i18n.exists(`audit.entityTypes.${type}`) ? t(`audit.entityTypes.${type}`) : type;
}
