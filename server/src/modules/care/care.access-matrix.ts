import { matrixCircles as circle, type MatrixResource, type MatrixTable } from '../../platform/access/matrix.ts';

// Expected outcomes of the care rules (care.access.ts, constants.ts role lists): staff read the organisation's
// rules and preview them (over the customers they may see); admins, managers and marketing change organisation-wide
// rules; agents add rules over their own customers (scope mine) but cannot change an organisation-wide one (403).
// Plain employees have no customer book: 403. Checked by server/test/access-matrix.test.ts.

const staffOnly = { allow: circle.staff, otherwise: 'deny403' } as const;
const orgEditors = ['admin', 'manager', 'manager2', 'marketing'] as const;
const writers = [...orgEditors, 'owner', 'agent2', 'backup', 'handler'] as const;

const careRule: MatrixResource = {
  resource: 'care_rule',
  record: 'an organisation-wide birthday rule added by the admin',
  read: { route: 'GET /api/care/rules/{id}', expect: staffOnly },
  list: { route: 'GET /api/care/rules', query: 'limit=500', expect: staffOnly },
  update: {
    route: 'PATCH /api/care/rules/{id}',
    body: { name: 'Matrix rule {n}', version: '{version}' },
    expect: { allow: orgEditors, otherwise: 'deny403' },
  },
  delete: { none: 'Rules are deactivated (PATCH active: false), never deleted: their reminders refer to them' },
  export: { none: 'Rules are few; they are listed through the API' },
  more: {
    create: {
      route: 'POST /api/care/rules',
      body: { name: 'Matrix rule {n}', kind: 'birthday', titleZh: '生日', titleEn: 'Birthday' },
      expect: { allow: writers, otherwise: 'deny403' },
    },
    preview: { route: 'GET /api/care/rules/{id}/preview', query: 'days=7', expect: staffOnly },
  },
};

const occasionEditors = ['admin', 'manager', 'manager2', 'marketing'] as const;
const occasions: MatrixResource = {
  resource: 'care_occasion',
  record: "the organisation's occasion calendar (Mid-Autumn: its categories and suggestions)",
  read: { route: 'GET /api/care/occasions', query: 'year=2026', expect: staffOnly },
  list: { none: 'The calendar is read whole (GET /api/care/occasions)' },
  update: {
    route: 'PUT /api/care/occasions/{key}/categories',
    params: { key: 'mid_autumn' },
    given: 'shared',
    body: { categories: ['mooncakes'], version: '{version}' },
    expect: { allow: occasionEditors, otherwise: 'deny403' },
  },
  delete: { none: 'An empty list (PUT categories: []) clears an occasion’s categories' },
  export: { none: 'Suggestions are listed through the API' },
  more: {
    suggestions: {
      route: 'GET /api/care/occasions/{key}/suggestions',
      params: { key: 'mid_autumn' },
      query: 'year=2026',
      expect: staffOnly,
    },
  },
};

const consent = {
  route: 'PUT /api/parties/{id}/consent',
  body: { consents: [{ channel: 'email', status: 'granted' }], source: 'form' },
  expect: { allow: circle.customer, otherwise: 'deny404' },
} as const;

/** Consent on the party page: read by whoever sees the party in full, recorded by whoever may change it. */
const partyConsent: MatrixResource = {
  resource: 'party_consent',
  record: "the customer's consent per channel",
  read: { route: 'GET /api/parties/{id}/consent', expect: { allow: circle.customer, otherwise: 'deny404' } },
  list: { none: 'One party at a time (campaigns count consent over their audience)' },
  update: consent,
  delete: { none: 'Consent is withdrawn (PUT status: withdrawn), never deleted: the log is the proof' },
  export: { none: 'Shown on the party page and its timeline' },
};

const marketers = ['admin', 'marketing'] as const;
const suppression: MatrixResource = {
  resource: 'care_suppression',
  record: 'an email address suppressed by the admin',
  read: { none: 'Addresses are listed, not read one by one' },
  list: {
    route: 'GET /api/care/suppressions',
    query: 'limit=500',
    expect: { allow: marketers, otherwise: 'deny403' },
  },
  update: { none: 'An address is listed or not: remove it and add it again' },
  delete: { route: 'DELETE /api/care/suppressions/{id}', expect: { allow: marketers, otherwise: 'deny403' } },
  export: { none: 'Listed through the API' },
  more: {
    create: {
      route: 'POST /api/care/suppressions',
      body: { channel: 'email', address: 'matrix-{n}@example.com' },
      expect: { allow: marketers, otherwise: 'deny403' },
    },
  },
};

// Campaigns are the organisation's: admins and marketing run them; everyone else gets 403.
const campaign: MatrixResource = {
  resource: 'campaign',
  record: 'a draft newsletter to the customer, by the admin',
  read: { route: 'GET /api/campaigns/{id}', expect: { allow: marketers, otherwise: 'deny403' } },
  list: { route: 'GET /api/campaigns', query: 'limit=500', expect: { allow: marketers, otherwise: 'deny403' } },
  update: {
    route: 'PATCH /api/campaigns/{id}',
    body: { name: 'Matrix campaign {n}', version: '{version}' },
    expect: { allow: marketers, otherwise: 'deny403' },
  },
  delete: { none: 'Campaigns stay as the record of what was sent' },
  export: { none: 'Recipients are listed through the API' },
  more: {
    create: {
      route: 'POST /api/campaigns',
      body: {
        name: 'Matrix campaign {n}',
        kind: 'newsletter',
        commercial: false,
        audience: { partyIds: ['{customer}'] },
        subjectZh: '通讯',
        subjectEn: 'News',
        bodyZh: '你好',
        bodyEn: 'Hello',
      },
      expect: { allow: marketers, otherwise: 'deny403' },
    },
    ratio: { route: 'GET /api/campaigns/commercial-ratio', expect: { allow: marketers, otherwise: 'deny403' } },
    audience: {
      route: 'GET /api/campaigns/{id}/audience',
      as: 'read',
      expect: { allow: marketers, otherwise: 'deny403' },
    },
    recipients: {
      route: 'GET /api/campaigns/{id}/recipients',
      as: 'read',
      expect: { allow: marketers, otherwise: 'deny403' },
    },
    // The matrix has no mail server: an allowed sender reaches the send and is told so (409), others get 403.
    send: {
      route: 'POST /api/campaigns/{id}/send',
      body: {},
      expect: { allow: marketers, otherwise: 'deny403' },
    },
  },
};

// Referral, win-back, listening and the post plan (docs/care.md): staff only (plain employees 403); records about a
// customer follow its visibility (404 for a customer you may not see, 400 when named in a body).
const staffCustomer = { allow: circle.customer, deny403: circle.employees, otherwise: 'deny404' } as const;
const staffStatus = { allow: circle.staff, otherwise: 'deny403' } as const;

const referral: MatrixResource = {
  resource: 'care_referral',
  record: "the customer's referral link, a referral it made and a reward it got",
  read: { route: 'GET /api/parties/{id}/referral', expect: staffCustomer },
  list: {
    route: 'GET /api/referrals/rewards',
    query: 'limit=500',
    expect: { allow: circle.customer, deny403: circle.employees, otherwise: 'absent' },
  },
  update: { none: 'A link is made once and kept (it may have been shared)' },
  delete: { none: 'Referrals and rewards are the record of what happened' },
  export: { none: 'Counts are read through the summary' },
  more: {
    create: { route: 'POST /api/parties/{id}/referral', expect: staffCustomer },
    // Recording the same referral again answers it again (only another referrer is a 409).
    record: {
      route: 'POST /api/referrals',
      given: 'shared',
      body: { referrerId: '{id}', referredId: '{referred}' },
      expect: staffCustomer,
    },
    reward: {
      route: 'POST /api/referrals/rewards',
      given: 'shared',
      body: { partyId: '{id}', kind: 'voucher', amount: '5.00' },
      expect: { allow: circle.customer, deny403: circle.employees, otherwise: 'deny400' },
    },
    summary: { route: 'GET /api/referrals/summary', as: 'write', expect: staffStatus },
  },
};

const winback: MatrixResource = {
  resource: 'care_winback',
  record: 'a customer of the owner moved to churned (competition)',
  read: { none: 'Losses are listed (GET /api/winback)' },
  list: {
    route: 'GET /api/winback',
    expect: { allow: circle.customer, deny403: circle.employees, otherwise: 'absent' },
  },
  update: { none: 'A loss is a stage move of the party' },
  delete: { none: 'A loss is a stage move of the party' },
  export: { none: 'Listed through the API' },
  more: {
    summary: { route: 'GET /api/winback/summary', as: 'write', expect: staffStatus },
    tasks: {
      route: 'POST /api/winback/tasks',
      given: 'shared',
      body: { partyIds: ['{id}'] },
      expect: {
        allow: ['admin', 'manager', 'owner', 'backup'],
        deny403: ['executive', 'hr', 'hrExecutive', 'employee', 'self'],
        otherwise: 'deny400',
      },
    },
    campaign: {
      route: 'POST /api/winback/campaign',
      given: 'shared',
      body: {
        partyIds: ['{id}'],
        name: 'Win back {n}',
        subjectZh: '回来',
        subjectEn: 'Back',
        bodyZh: '你好',
        bodyEn: 'Hi',
      },
      expect: { allow: ['admin'], deny400: ['marketing'], otherwise: 'deny403' },
    },
  },
};

const mention = { channel: 'weibo', author: 'Matrix', text: 'Matrix mention {n}', postedAt: '2026-01-05T08:00:00Z' };
const mentions: MatrixResource = {
  resource: 'care_mention',
  record: 'a mention about nobody, added by the admin',
  read: { none: 'Mentions are listed (the inbox)' },
  list: { route: 'GET /api/mentions', query: 'limit=500', expect: staffStatus },
  update: { none: 'A mention is what was said: kept as it came' },
  delete: { none: 'Kept as the record of what was said' },
  export: { none: 'Listed through the API' },
  more: {
    create: { route: 'POST /api/mentions', body: mention, expect: staffStatus },
    import: {
      route: 'POST /api/mentions/import',
      body: { csv: 'channel,author,text,url,postedAt\nforum,Matrix,Hello {n},,2026-01-05T08:00:00Z\n' },
      expect: { allow: marketers, otherwise: 'deny403' },
    },
    alerts: { route: 'GET /api/mentions/alerts', as: 'write', expect: staffStatus },
    settings: { route: 'GET /api/mentions/settings', as: 'read', expect: { allow: marketers, otherwise: 'deny403' } },
    putSettings: {
      route: 'PUT /api/mentions/settings',
      given: 'shared',
      body: { negativeCount: 3, windowHours: 24, keySegmentId: null, assigneeId: null, version: '{version}' },
      expect: { allow: marketers, otherwise: 'deny403' },
    },
    token: { route: 'POST /api/mentions/token', expect: { allow: ['admin'], otherwise: 'deny403' } },
  },
};

const post: MatrixResource = {
  resource: 'care_post',
  record: 'a planned, non-commercial post by the admin',
  read: { none: 'Posts are listed (the plan)' },
  list: { route: 'GET /api/care/posts', query: 'to=2099-02-01', expect: staffStatus },
  update: {
    route: 'PATCH /api/care/posts/{id}',
    body: { text: 'Matrix post {n}', version: '{version}' },
    expect: { allow: marketers, otherwise: 'deny403' },
  },
  delete: { none: 'A post is cancelled (PATCH status: cancelled), never deleted' },
  export: { none: 'Listed through the API' },
  more: {
    create: {
      route: 'POST /api/care/posts',
      body: {
        channel: 'weibo',
        ownerId: '{ownerId}',
        scheduledAt: '2099-01-01T08:00:00Z',
        commercial: false,
        text: 'Hi {n}',
      },
      given: 'shared',
      expect: { allow: marketers, otherwise: 'deny403' },
    },
  },
};

// Inbound mail (replies): only admins see whether the webhook token is set and rotate it.
const inboundMail: MatrixResource = {
  resource: 'care_inbound_mail',
  record: "the organisation's inbound-mail settings (the webhook token)",
  read: { route: 'GET /api/care/mail/settings', expect: { allow: ['admin'], otherwise: 'deny403' } },
  list: { none: 'One settings record per organisation; replies show on party timelines and campaign results' },
  update: { none: 'The token is rotated (POST /api/care/mail/token), nothing else is set' },
  delete: { none: 'A rotated token replaces the old one' },
  export: { none: 'One settings record per organisation' },
  more: {
    token: { route: 'POST /api/care/mail/token', expect: { allow: ['admin'], otherwise: 'deny403' } },
  },
};

// The commercial cap: marketers read it (the campaign page shows it); only admins change it.
const careSettings: MatrixResource = {
  resource: 'care_settings',
  record: "the organisation's care settings (the commercial cap)",
  read: { route: 'GET /api/care/settings', expect: { allow: marketers, otherwise: 'deny403' } },
  list: { none: 'One settings record per organisation' },
  update: {
    route: 'PUT /api/care/settings',
    given: 'shared',
    body: { commercialCap: 0.1, version: '{version}' },
    expect: { allow: ['admin'], otherwise: 'deny403' },
  },
  delete: { none: 'Settings are changed, never deleted' },
  export: { none: 'One settings record per organisation' },
};

export const careAccessMatrix: MatrixTable = {
  file: 'modules/care/care.access-matrix.ts',
  rules: ['modules/care/care.access.ts', 'modules/care/constants.ts'],
  resources: [
    careRule,
    occasions,
    partyConsent,
    suppression,
    campaign,
    careSettings,
    referral,
    winback,
    mentions,
    post,
    inboundMail,
  ],
};
