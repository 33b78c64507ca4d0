import type { MatrixResource, MatrixTable } from '../../../platform/access/matrix.ts';

// Expected outcomes for the parties' settings (settings.routes.ts, settings.service.ts): everyone reads them
// (they label what every user sees); only admins change them. Checked by server/test/access-matrix.test.ts.

const stakeholderGroup: MatrixResource = {
  resource: 'stakeholder_group',
  record: 'a stakeholder group added by the admin',
  read: { none: 'Groups are read in the list (a handful per organisation)' },
  list: { route: 'GET /api/stakeholder-groups', query: 'limit=500', expect: { otherwise: 'allow' } },
  update: {
    route: 'PATCH /api/stakeholder-groups/{id}',
    body: { nameEn: 'Matrix partners {n}', version: '{version}' },
    expect: { allow: ['admin'], otherwise: 'deny403' },
  },
  delete: { none: 'The key is permanent (roles refer to it): deactivate with PATCH active: false' },
  export: { none: 'No export of settings' },
  more: {
    create: {
      route: 'POST /api/stakeholder-groups',
      body: { key: 'matrix_group_{n}', nameZh: '矩阵伙伴 {n}', nameEn: 'Matrix group {n}', side: 'external' },
      expect: { allow: ['admin'], otherwise: 'deny403' },
    },
    // Counts of the parties each reader may see (the rule is the party list's, checked above).
    relationshipMap: {
      route: 'GET /api/stakeholder-groups/relationship-map',
      expect: { otherwise: 'allow' },
    },
  },
};

const fieldDefinition: MatrixResource = {
  resource: 'field_definition',
  record: 'a custom party field defined by the admin',
  read: { route: 'GET /api/field-definitions/{id}', expect: { otherwise: 'allow' } },
  list: { route: 'GET /api/field-definitions', query: 'limit=500', expect: { otherwise: 'allow' } },
  update: {
    route: 'PATCH /api/field-definitions/{id}',
    body: { labelEn: 'Matrix field {n}', version: '{version}' },
    expect: { allow: ['admin'], otherwise: 'deny403' },
  },
  delete: { none: 'Stored values depend on a definition: deactivate with PATCH active: false' },
  export: { none: 'No export of settings' },
  more: {
    create: {
      route: 'POST /api/field-definitions',
      body: { key: 'matrixField{n}', labelZh: '矩阵字段 {n}', labelEn: 'Matrix field {n}', type: 'text' },
      expect: { allow: ['admin'], otherwise: 'deny403' },
    },
  },
};

export const settingsAccessMatrix: MatrixTable = {
  file: 'modules/parties/settings/settings.access-matrix.ts',
  rules: ['modules/parties/settings/settings.routes.ts', 'modules/parties/settings/settings.service.ts'],
  resources: [stakeholderGroup, fieldDefinition],
};
