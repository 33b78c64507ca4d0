import { matrixCircles as circle, type MatrixResource, type MatrixTable } from '../../platform/access/matrix.ts';

// Expected outcomes of the commerce rules (commerce.access.ts, commerce.routes.ts): everyone reads the catalogue,
// admins, managers and marketing change it; a transaction is visible exactly when its party is, and recorded by
// whoever may change the party. Checked by server/test/access-matrix.test.ts.

const catalogueEditors = ['admin', 'manager', 'manager2', 'marketing'] as const;

const product: MatrixResource = {
  resource: 'product',
  record: 'a product added by the admin',
  read: { route: 'GET /api/products/{id}', expect: { otherwise: 'allow' } },
  list: { route: 'GET /api/products', query: 'limit=500', expect: { otherwise: 'allow' } },
  update: {
    route: 'PATCH /api/products/{id}',
    body: { category: 'matrix', version: '{version}' },
    expect: { allow: catalogueEditors, otherwise: 'deny403' },
  },
  delete: { none: 'Transactions refer to products: deactivate with PATCH active: false' },
  export: { route: 'GET /api/products/export', expect: { otherwise: 'allow' } },
  more: {
    create: {
      route: 'POST /api/products',
      body: { name: 'Matrix product {n}', currency: 'CNY', price: '9.90' },
      expect: { allow: catalogueEditors, otherwise: 'deny403' },
    },
  },
};

const noUpdate = { none: 'Transactions are recorded, never edited: there is no PATCH route' };
const noDelete = { none: 'Transactions are never deleted (an import revert removes what it created)' };
const create = {
  route: 'POST /api/transactions',
  body: { partyId: '{customer}', amount: '10.00', currency: 'CNY' },
  expect: { allow: circle.customer, otherwise: 'deny404' },
} as const;

const transaction: MatrixResource = {
  resource: 'transaction',
  record: 'a purchase by the customer, recorded by owner',
  read: { route: 'GET /api/transactions/{id}', expect: { allow: circle.customer, otherwise: 'deny404' } },
  list: { route: 'GET /api/transactions', query: 'limit=500', expect: { allow: circle.customer, otherwise: 'absent' } },
  update: noUpdate,
  delete: noDelete,
  export: { route: 'GET /api/transactions/export', expect: { allow: circle.customer, otherwise: 'absent' } },
  more: { create },
};

const transactionPublicRead: MatrixResource = {
  resource: 'transaction',
  visibility: 'public_read',
  record: transaction.record,
  read: { route: 'GET /api/transactions/{id}', expect: { otherwise: 'allow' } },
  list: { route: 'GET /api/transactions', query: 'limit=500', expect: { otherwise: 'allow' } },
  update: noUpdate,
  delete: noDelete,
  export: { route: 'GET /api/transactions/export', expect: { otherwise: 'allow' } },
  more: { create },
};

export const commerceAccessMatrix: MatrixTable = {
  file: 'modules/commerce/commerce.access-matrix.ts',
  rules: ['modules/commerce/commerce.access.ts', 'modules/commerce/commerce.routes.ts'],
  resources: [product, transaction, transactionPublicRead],
};
