import { matrixCircles as circle, type MatrixResource, type MatrixTable } from '../../../platform/access/matrix.ts';

// Expected outcomes for links between parties and a role's relationship scales (links.service.ts,
// roles/relationship.service.ts): they follow the party's own visibility — who may see the customer reads its links
// and network, who may change it links it and scores it. Link types: everyone reads, admins add.

const partyLink: MatrixResource = {
  resource: 'party_link',
  record: 'a works_at link from the customer to an organisation, both owned by owner with backup as backup owner',
  read: { none: 'Links are read in the party’s list' },
  list: { route: 'GET /api/parties/{id}/links', as: 'read', expect: { allow: circle.customer, otherwise: 'deny404' } },
  update: { none: 'A link is removed and made again' },
  delete: {
    route: 'DELETE /api/parties/{id}/links/{linkId}',
    expect: { allow: circle.customer, otherwise: 'deny404' },
  },
  export: { none: 'No export of links' },
  more: {
    create: {
      route: 'POST /api/parties/{id}/links',
      body: { toPartyId: '{other}', type: 'partner_of' },
      expect: { allow: circle.customer, otherwise: 'deny404' },
    },
    network: {
      route: 'GET /api/parties/{id}/network',
      as: 'read',
      expect: { allow: circle.customer, otherwise: 'deny404' },
    },
    relationship: {
      route: 'PUT /api/parties/{id}/roles/{role}/relationship',
      params: { role: 'customer' },
      body: { initiativeScore: 4, participationScore: 2, reason: 'Matrix review' },
      expect: { allow: circle.customer, otherwise: 'deny404' },
    },
    relationshipHistory: {
      route: 'GET /api/parties/{id}/roles/{role}/relationship/history',
      params: { role: 'customer' },
      as: 'read',
      expect: { allow: circle.customer, otherwise: 'deny404' },
    },
  },
};

const partyLinkType: MatrixResource = {
  resource: 'party_link_type',
  record: 'a link type added by the admin',
  read: { none: 'Types are read in the list' },
  list: { route: 'GET /api/party-link-types', expect: { otherwise: 'allow' } },
  update: { none: 'A type’s key is permanent' },
  delete: { none: 'Links refer to the key' },
  export: { none: 'No export of settings' },
  more: {
    create: {
      route: 'POST /api/party-link-types',
      body: {
        key: 'matrix_type_{n}',
        labelZh: '矩阵 {n}',
        labelEn: 'Matrix {n}',
        inverseLabelZh: '矩阵反向 {n}',
        inverseLabelEn: 'Matrix inverse {n}',
      },
      expect: { allow: ['admin'], otherwise: 'deny403' },
    },
  },
};

export const linksAccessMatrix: MatrixTable = {
  file: 'modules/parties/links/links.access-matrix.ts',
  rules: ['modules/parties/links/links.service.ts', 'modules/parties/roles/relationship.service.ts'],
  resources: [partyLink, partyLinkType],
};
