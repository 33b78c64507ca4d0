import type { Role } from '../api/types.ts';
import { caseConfigurerRoles, caseStaffRoles, careStaffRoles, surveyReaderRoles } from '@tandem/server/api';
import { hrCrmRoles } from '../pages/hrcrm/shared/types.ts';
import { practiceOrgAdminRoles } from '../pages/practice/shared/types.ts';
import { projectRoles } from '../pages/projects/shared/types.ts';
import { reviewReaderRoles } from '../pages/quality-review/shared/types.ts';
import { importers } from '../pages/imports/shared/roles.ts';
import { campaignRoles, careReaderRoles } from '../pages/care/shared/types.ts';
import { capabilityRoles, chainRoles, insightRoles, keyPersonRoles } from '../pages/insight/shared/types.ts';
import { peopleDashboardRoles, peopleHrRoles, peopleStaffRoles } from '../pages/people/shared/types.ts';
import { valueRoles, valueStaffRoles } from '../pages/value/shared/types.ts';

export type { NavEntry, NavIcon } from './navTypes.ts';
import type { NavEntry } from './navTypes.ts';

const adminOnly: readonly Role[] = ['admin'];
const employees: readonly Role[] = ['employee'];

/** The signed-in user's own pages; everybody reaches them from the user menu, employees also from the top of the nav. */
export const personalNav: NavEntry[] = [
  { key: 'me.surveys', path: '/me/surveys', label: 'nav.mySurveys', enabled: true },
  { key: 'me.grievances', path: '/me/grievances', label: 'nav.myGrievances', enabled: true },
  { key: 'me.appraisals', path: '/me/appraisals', label: 'nav.myAppraisals', enabled: true },
  { key: 'me.account', path: '/me/account', label: 'nav.myAccount', enabled: true },
];

/** Side navigation by module, in the order of the product spec. */
export const navConfig: NavEntry[] = [
  {
    key: 'me',
    path: '/me',
    label: 'nav.me',
    icon: 'me',
    enabled: true,
    roles: employees,
    home: false,
    children: personalNav,
  },
  {
    key: 'parties',
    path: '/parties',
    label: 'nav.parties',
    icon: 'parties',
    enabled: true,
    children: [
      { key: 'parties.list', path: '/parties', label: 'nav.partyList', enabled: true },
      { key: 'parties.board', path: '/parties/board', label: 'nav.partyBoard', enabled: true },
      { key: 'parties.tasks', path: '/tasks', label: 'nav.myTasks', enabled: true },
      { key: 'parties.map', path: '/parties/relationship-map', label: 'nav.relationshipMap', enabled: true },
      { key: 'parties.bin', path: '/parties/bin', label: 'nav.bin', enabled: true },
    ],
  },
  {
    key: 'service',
    path: '/service',
    label: 'nav.service',
    icon: 'service',
    enabled: true,
    children: [
      { key: 'service.cases', path: '/service/cases', label: 'nav.serviceCases', enabled: true, roles: caseStaffRoles },
      {
        key: 'service.metrics',
        path: '/service/metrics',
        label: 'nav.serviceMetrics',
        enabled: true,
        roles: caseStaffRoles,
      },
      {
        key: 'service.alerts',
        path: '/service/alerts',
        label: 'nav.serviceAlerts',
        enabled: true,
        roles: caseStaffRoles,
      },
      {
        key: 'service.slaPolicies',
        path: '/service/sla-policies',
        label: 'nav.serviceSlaPolicies',
        enabled: true,
        roles: caseConfigurerRoles,
      },
      { key: 'service.grievance', path: '/service/grievance', label: 'nav.serviceGrievance', enabled: true },
    ],
  },
  {
    key: 'feedback',
    path: '/feedback',
    label: 'nav.feedback',
    icon: 'feedback',
    enabled: true,
    roles: surveyReaderRoles,
    children: [
      {
        key: 'feedback.surveys',
        path: '/feedback/surveys',
        label: 'nav.surveys',
        enabled: true,
        roles: surveyReaderRoles,
      },
    ],
  },
  {
    key: 'value',
    path: '/value',
    label: 'nav.value',
    icon: 'value',
    enabled: true,
    children: [
      {
        key: 'value.overview',
        path: '/value/overview',
        label: 'nav.valueOverview',
        enabled: true,
        roles: valueRoles,
      },
      { key: 'value.rfm', path: '/value/rfm', label: 'nav.valueRfm', enabled: true, roles: valueRoles },
      { key: 'value.clv', path: '/value/clv', label: 'nav.valueClv', enabled: true, roles: valueRoles },
      {
        key: 'value.classes',
        path: '/value/classes',
        label: 'nav.valueClasses',
        enabled: true,
        roles: valueRoles,
      },
      {
        key: 'value.customers',
        path: '/value/customers',
        label: 'nav.valueCustomers',
        enabled: true,
        roles: valueRoles,
      },
      {
        key: 'value.segments',
        path: '/value/segments',
        label: 'nav.valueSegments',
        enabled: true,
        roles: valueStaffRoles,
      },
      {
        key: 'value.crossSell',
        path: '/value/cross-sell',
        label: 'nav.valueCrossSell',
        enabled: true,
        roles: valueStaffRoles,
      },
      { key: 'value.products', path: '/value/products', label: 'nav.products', enabled: true },
      { key: 'value.transactions', path: '/value/transactions', label: 'nav.transactions', enabled: true },
    ],
  },
  {
    key: 'care',
    path: '/care',
    label: 'nav.care',
    icon: 'care',
    enabled: true,
    roles: careStaffRoles,
    children: [
      {
        key: 'care.campaigns',
        path: '/care/campaigns',
        label: 'nav.careCampaigns',
        enabled: true,
        roles: campaignRoles,
      },
      { key: 'care.rules', path: '/care/rules', label: 'nav.careRules', enabled: true, roles: careReaderRoles },
      {
        key: 'care.occasions',
        path: '/care/occasions',
        label: 'nav.careOccasions',
        enabled: true,
        roles: careReaderRoles,
      },
      {
        key: 'care.suppressions',
        path: '/care/suppressions',
        label: 'nav.careSuppressions',
        enabled: true,
        roles: campaignRoles,
      },
      { key: 'care.referral', path: '/care/referral', label: 'nav.careReferral', enabled: true, roles: careStaffRoles },
      { key: 'care.winback', path: '/care/winback', label: 'nav.careWinback', enabled: true, roles: careStaffRoles },
      { key: 'care.mentions', path: '/care/mentions', label: 'nav.careMentions', enabled: true, roles: careStaffRoles },
      { key: 'care.posts', path: '/care/posts', label: 'nav.carePosts', enabled: true, roles: careStaffRoles },
    ],
  },
  {
    key: 'people',
    path: '/people',
    label: 'nav.people',
    icon: 'people',
    enabled: true,
    roles: peopleDashboardRoles,
    children: [
      {
        key: 'people.directory',
        path: '/people/directory',
        label: 'nav.peopleDirectory',
        enabled: true,
        roles: peopleStaffRoles,
      },
      {
        key: 'people.cycles',
        path: '/people/cycles',
        label: 'nav.peopleCycles',
        enabled: true,
        roles: peopleStaffRoles,
      },
      {
        key: 'people.turnover',
        path: '/people/turnover',
        label: 'nav.peopleTurnover',
        enabled: true,
        roles: peopleDashboardRoles,
      },
      {
        key: 'people.attrition',
        path: '/people/attrition',
        label: 'nav.peopleAttrition',
        enabled: true,
        roles: peopleStaffRoles,
      },
      { key: 'people.pdca', path: '/people/pdca', label: 'nav.peoplePdca', enabled: true, roles: peopleDashboardRoles },
      {
        key: 'people.vision',
        path: '/people/vision',
        label: 'nav.peopleVision',
        enabled: true,
        roles: peopleDashboardRoles,
      },
      {
        key: 'people.settings',
        path: '/people/settings',
        label: 'nav.peopleSettings',
        enabled: true,
        roles: peopleHrRoles,
      },
    ],
  },
  {
    key: 'hrcrm',
    path: '/hr-crm',
    label: 'nav.hrCrm',
    icon: 'hrcrm',
    enabled: true,
    roles: hrCrmRoles,
    children: [
      { key: 'hrcrm.butterfly', path: '/hr-crm', label: 'nav.hrCrmButterfly', enabled: true, roles: hrCrmRoles },
      { key: 'hrcrm.services', path: '/hr-crm/services', label: 'nav.hrCrmServices', enabled: true, roles: hrCrmRoles },
    ],
  },
  {
    key: 'projects',
    path: '/projects',
    label: 'nav.projects',
    icon: 'projects',
    enabled: true,
    roles: [...new Set([...projectRoles, ...reviewReaderRoles])],
    children: [
      { key: 'projects.list', path: '/projects', label: 'nav.projectsList', enabled: true, roles: projectRoles },
      {
        key: 'projects.reviews',
        path: '/quality-reviews',
        label: 'nav.qualityReviews',
        enabled: true,
        roles: reviewReaderRoles,
      },
    ],
  },
  {
    // Trainers and participants alike: the server shows each their own sessions (docs/practice.md).
    key: 'practice',
    path: '/practice',
    label: 'nav.practice',
    icon: 'practice',
    enabled: true,
    children: [
      { key: 'practice.sessions', path: '/practice/sessions', label: 'nav.practiceSessions', enabled: true },
      { key: 'practice.scenarios', path: '/practice/scenarios', label: 'nav.practiceScenarios', enabled: true },
      {
        key: 'practice.orgs',
        path: '/practice/orgs',
        label: 'nav.practiceOrgs',
        enabled: true,
        roles: practiceOrgAdminRoles,
      },
    ],
  },
  {
    key: 'insight',
    path: '/insight',
    label: 'nav.insight',
    icon: 'insight',
    enabled: true,
    roles: insightRoles,
    children: [
      { key: 'insight.chain', path: '/insight/chain', label: 'nav.insightChain', enabled: true, roles: chainRoles },
      {
        key: 'insight.keyPerson',
        path: '/insight/key-person',
        label: 'nav.insightKeyPerson',
        enabled: true,
        roles: keyPersonRoles,
      },
      {
        key: 'insight.capability',
        path: '/insight/capability',
        label: 'nav.insightCapability',
        enabled: true,
        roles: capabilityRoles,
      },
    ],
  },
  {
    key: 'settings',
    path: '/settings',
    label: 'nav.settings',
    icon: 'settings',
    enabled: true,
    children: [
      { key: 'settings.overview', path: '/settings', label: 'nav.overview', enabled: true },
      { key: 'settings.users', path: '/settings/users', label: 'nav.users', enabled: true, roles: adminOnly },
      { key: 'settings.orgUnits', path: '/settings/org-units', label: 'nav.orgUnits', enabled: true, roles: adminOnly },
      { key: 'settings.tokens', path: '/settings/tokens', label: 'nav.tokens', enabled: true },
      { key: 'settings.audit', path: '/settings/audit', label: 'nav.audit', enabled: true, roles: adminOnly },
      { key: 'settings.webhooks', path: '/settings/webhooks', label: 'nav.webhooks', enabled: true, roles: adminOnly },
      { key: 'settings.imports', path: '/settings/imports', label: 'nav.imports', enabled: true, roles: importers },
    ],
  },
];

/** Entries this user may see: enabled, allowed for one of their roles, and groups with something in them. */
export function visibleNav(entries: NavEntry[], roles: readonly Role[]): NavEntry[] {
  const out: NavEntry[] = [];
  for (const entry of entries) {
    if (!entry.enabled || (entry.roles && !entry.roles.some((r) => roles.includes(r)))) {
      continue;
    }
    if (entry.children) {
      const children = visibleNav(entry.children, roles);
      if (children.length > 0) {
        out.push({ ...entry, children });
      }
      continue;
    }
    out.push(entry);
  }
  return out;
}

/** The entry whose path is the longest prefix of `pathname` (so `/settings/users/42` selects Users). */
export function selectedEntry(entries: NavEntry[], pathname: string): NavEntry | undefined {
  let best: NavEntry | undefined;
  const visit = (list: NavEntry[]) => {
    for (const e of list) {
      if (e.children) {
        visit(e.children);
      } else if (
        (pathname === e.path || pathname.startsWith(`${e.path}/`)) &&
        (!best || e.path.length > best.path.length)
      ) {
        best = e;
      }
    }
  };
  visit(entries);
  return best;
}

/**
 * Where `/` goes: the first page the user can see, skipping the personal pages; people whose only role is employee
 * (who mostly answer surveys) start on their surveys.
 */
export function homePath(entries: NavEntry[], roles: readonly Role[] = []): string {
  const employeeOnly = roles.length > 0 && roles.every((r) => r === 'employee');
  const first = (employeeOnly ? undefined : entries.find((e) => e.home !== false)) ?? entries[0];
  return first?.children?.[0]?.path ?? first?.path ?? '/settings';
}
