import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { RequireRole } from './auth/RequireRole.tsx';
import { PageLoading } from './components/feedback/states.tsx';
import { careStaffRoles, caseStaffRoles, surveyManagerRoles, surveyReaderRoles } from '@tandem/server/api';
import { hrCrmRoles } from './pages/hrcrm/shared/types.ts';
import { practiceOrgAdminRoles } from './pages/practice/shared/types.ts';
import { projectRoles } from './pages/projects/shared/types.ts';
import { reviewReaderRoles } from './pages/quality-review/shared/types.ts';
import { importers } from './pages/imports/shared/roles.ts';
import { campaignRoles, careReaderRoles } from './pages/care/shared/types.ts';
import { capabilityRoles, chainRoles, keyPersonRoles } from './pages/insight/shared/types.ts';
import { peopleDashboardRoles, peopleHrRoles, peopleStaffRoles } from './pages/people/shared/types.ts';
import { valueRoles, valueStaffRoles } from './pages/value/shared/types.ts';

// One chunk per page, and the signed-in shell (menu, header) in its own: the sign-in page loads neither.
const AppLayout = lazy(() => import('./layout/AppLayout.tsx').then((m) => ({ default: m.AppLayout })));
const SignInPage = lazy(() => import('./pages/auth/sign-in/SignInPage.tsx'));
const SettingsOverviewPage = lazy(() => import('./pages/settings/overview/SettingsOverviewPage.tsx'));
const UsersPage = lazy(() => import('./pages/settings/users/UsersPage.tsx'));
const UserDetailPage = lazy(() => import('./pages/settings/user-detail/UserDetailPage.tsx'));
const OrgUnitsPage = lazy(() => import('./pages/settings/org-units/OrgUnitsPage.tsx'));
const TokensPage = lazy(() => import('./pages/settings/tokens/TokensPage.tsx'));
const WebhooksPage = lazy(() => import('./pages/settings/webhooks/WebhooksPage.tsx'));
const AuditPage = lazy(() => import('./pages/settings/audit/AuditPage.tsx'));
const PartiesPage = lazy(() => import('./pages/parties/list/PartiesPage.tsx'));
const PartyBoardPage = lazy(() => import('./pages/parties/board/PartyBoardPage.tsx'));
const BinPage = lazy(() => import('./pages/parties/bin/BinPage.tsx'));
const PartyDetailPage = lazy(() => import('./pages/parties/detail/PartyDetailPage.tsx'));
const RelationshipMapPage = lazy(() => import('./pages/parties/relationship-map/RelationshipMapPage.tsx'));
const TasksPage = lazy(() => import('./pages/parties/tasks/TasksPage.tsx'));
const SurveysPage = lazy(() => import('./pages/surveys/list/SurveysPage.tsx'));
const NewSurveyPage = lazy(() => import('./pages/surveys/new/NewSurveyPage.tsx'));
const SurveyDetailPage = lazy(() => import('./pages/surveys/detail/SurveyDetailPage.tsx'));
const PublicSurveyPage = lazy(() => import('./pages/surveys/public-survey/PublicSurveyPage.tsx'));
const ImportsPage = lazy(() => import('./pages/imports/list/ImportsPage.tsx'));
const NewImportPage = lazy(() => import('./pages/imports/new/NewImportPage.tsx'));
const ImportDetailPage = lazy(() => import('./pages/imports/detail/ImportDetailPage.tsx'));
const ProductsPage = lazy(() => import('./pages/commerce/products/ProductsPage.tsx'));
const TransactionsPage = lazy(() => import('./pages/commerce/transactions/TransactionsPage.tsx'));
const ValueOverviewPage = lazy(() => import('./pages/value/overview/ValueOverviewPage.tsx'));
const RfmPage = lazy(() => import('./pages/value/rfm/RfmPage.tsx'));
const ClvPage = lazy(() => import('./pages/value/clv/ClvPage.tsx'));
const ClassesPage = lazy(() => import('./pages/value/classes/ClassesPage.tsx'));
const ValueCustomersPage = lazy(() => import('./pages/value/customers/ValueCustomersPage.tsx'));
const CrossSellPage = lazy(() => import('./pages/value/cross-sell/CrossSellPage.tsx'));
const SegmentsPage = lazy(() => import('./pages/value/segments/SegmentsPage.tsx'));
const SegmentPage = lazy(() => import('./pages/value/segment-detail/SegmentPage.tsx'));
const CasesPage = lazy(() => import('./pages/cases/list/CasesPage.tsx'));
const CaseDetailPage = lazy(() => import('./pages/cases/detail/CaseDetailPage.tsx'));
const MetricsPage = lazy(() => import('./pages/cases/metrics/MetricsPage.tsx'));
const AlertsPage = lazy(() => import('./pages/cases/alerts/AlertsPage.tsx'));
const SlaPoliciesPage = lazy(() => import('./pages/cases/sla-policies/SlaPoliciesPage.tsx'));
const SlaPolicyPage = lazy(() => import('./pages/cases/sla-policy-detail/SlaPolicyPage.tsx'));
const GrievancePage = lazy(() => import('./pages/cases/grievance/GrievancePage.tsx'));
const GrievanceFollowUpPage = lazy(() => import('./pages/cases/public-follow-up/GrievanceFollowUpPage.tsx'));
const PublicCaseFeedbackPage = lazy(() => import('./pages/cases/public-feedback/PublicCaseFeedbackPage.tsx'));
const MySurveysPage = lazy(() => import('./pages/me/surveys/MySurveysPage.tsx'));
const AccountPage = lazy(() => import('./pages/me/account/AccountPage.tsx'));
const MyGrievancesPage = lazy(() => import('./pages/me/grievances/MyGrievancesPage.tsx'));
const MyAppraisalsPage = lazy(() => import('./pages/me/appraisals/MyAppraisalsPage.tsx'));
const DirectoryPage = lazy(() => import('./pages/people/directory/DirectoryPage.tsx'));
const EmployeePage = lazy(() => import('./pages/people/employee/EmployeePage.tsx'));
const CyclesPage = lazy(() => import('./pages/people/cycles/CyclesPage.tsx'));
const CycleWizardPage = lazy(() => import('./pages/people/cycle-new/CycleWizardPage.tsx'));
const CycleDetailPage = lazy(() => import('./pages/people/cycle-detail/CycleDetailPage.tsx'));
const TurnoverPage = lazy(() => import('./pages/people/turnover/TurnoverPage.tsx'));
const AttritionPage = lazy(() => import('./pages/people/attrition/AttritionPage.tsx'));
const PdcaBoardPage = lazy(() => import('./pages/people/pdca/PdcaBoardPage.tsx'));
const VisionReviewsPage = lazy(() => import('./pages/people/vision/VisionReviewsPage.tsx'));
const PeopleSettingsPage = lazy(() => import('./pages/people/settings/PeopleSettingsPage.tsx'));
const ReferralPage = lazy(() => import('./pages/care/referral/ReferralPage.tsx'));
const WinbackPage = lazy(() => import('./pages/care/winback/WinbackPage.tsx'));
const MentionsPage = lazy(() => import('./pages/care/listening/MentionsPage.tsx'));
const PostsPage = lazy(() => import('./pages/care/posts/PostsPage.tsx'));
const ButterflyPage = lazy(() => import('./pages/hrcrm/butterfly/ButterflyPage.tsx'));
const HrGroupPage = lazy(() => import('./pages/hrcrm/group/GroupPage.tsx'));
const HrServicesPage = lazy(() => import('./pages/hrcrm/services/ServicesPage.tsx'));
const PracticeSessionsPage = lazy(() => import('./pages/practice/sessions/SessionsPage.tsx'));
const PracticeSessionPage = lazy(() => import('./pages/practice/session/SessionPage.tsx'));
const PracticeScenariosPage = lazy(() => import('./pages/practice/scenarios/ScenariosPage.tsx'));
const PracticeOrgsPage = lazy(() => import('./pages/practice/orgs/PracticeOrgsPage.tsx'));
const ProjectsPage = lazy(() => import('./pages/projects/list/ProjectsPage.tsx'));
const ProjectPage = lazy(() => import('./pages/projects/project/ProjectPage.tsx'));
const ReviewsPage = lazy(() => import('./pages/quality-review/list/ReviewsPage.tsx'));
const ReviewPage = lazy(() => import('./pages/quality-review/cycle/ReviewPage.tsx'));
const HomePage = lazy(() => import('./pages/home/HomePage.tsx'));
const ChainPage = lazy(() => import('./pages/insight/chain/ChainPage.tsx'));
const KeyPersonPage = lazy(() => import('./pages/insight/key-person/KeyPersonPage.tsx'));
const CapabilityPage = lazy(() => import('./pages/insight/capability/CapabilityPage.tsx'));
const CampaignsPage = lazy(() => import('./pages/care/campaigns/CampaignsPage.tsx'));
const CampaignPage = lazy(() => import('./pages/care/campaign-detail/CampaignPage.tsx'));
const CareRulesPage = lazy(() => import('./pages/care/rules/RulesPage.tsx'));
const OccasionsPage = lazy(() => import('./pages/care/occasions/OccasionsPage.tsx'));
const SuppressionsPage = lazy(() => import('./pages/care/suppressions/SuppressionsPage.tsx'));
const UnsubscribePage = lazy(() => import('./pages/care/unsubscribe/UnsubscribePage.tsx'));
const ReferralLandingPage = lazy(() => import('./pages/care/referral-landing/ReferralLandingPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/not-found/NotFoundPage.tsx'));

const admin = (page: ReactNode) => <RequireRole roles={['admin']}>{page}</RequireRole>;
const importer = (page: ReactNode) => <RequireRole roles={importers}>{page}</RequireRole>;
const surveyReader = (page: ReactNode) => <RequireRole roles={surveyReaderRoles}>{page}</RequireRole>;
const staff = (page: ReactNode) => <RequireRole roles={caseStaffRoles}>{page}</RequireRole>;
const surveyManager = (page: ReactNode) => <RequireRole roles={surveyManagerRoles}>{page}</RequireRole>;
const valueReader = (page: ReactNode) => <RequireRole roles={valueRoles}>{page}</RequireRole>;
const peopleHr = (page: ReactNode) => <RequireRole roles={peopleHrRoles}>{page}</RequireRole>;
const peopleStaff = (page: ReactNode) => <RequireRole roles={peopleStaffRoles}>{page}</RequireRole>;
const peopleDashboard = (page: ReactNode) => <RequireRole roles={peopleDashboardRoles}>{page}</RequireRole>;
const careStaff = (page: ReactNode) => <RequireRole roles={careStaffRoles}>{page}</RequireRole>;
const hrCrm = (page: ReactNode) => <RequireRole roles={hrCrmRoles}>{page}</RequireRole>;
const projectsReader = (page: ReactNode) => <RequireRole roles={projectRoles}>{page}</RequireRole>;
const reviewReader = (page: ReactNode) => <RequireRole roles={reviewReaderRoles}>{page}</RequireRole>;
const valueStaff = (page: ReactNode) => <RequireRole roles={valueStaffRoles}>{page}</RequireRole>;
const chainReader = (page: ReactNode) => <RequireRole roles={chainRoles}>{page}</RequireRole>;
const keyPersonReader = (page: ReactNode) => <RequireRole roles={keyPersonRoles}>{page}</RequireRole>;
const campaigner = (page: ReactNode) => <RequireRole roles={campaignRoles}>{page}</RequireRole>;
const careReader = (page: ReactNode) => <RequireRole roles={careReaderRoles}>{page}</RequireRole>;
const capabilityReader = (page: ReactNode) => <RequireRole roles={capabilityRoles}>{page}</RequireRole>;

export const router = createBrowserRouter([
  {
    path: '/sign-in',
    element: (
      <Suspense fallback={<PageLoading minHeight="100vh" />}>
        <SignInPage />
      </Suspense>
    ),
  },
  {
    path: '/s/:token',
    element: (
      <Suspense fallback={<PageLoading minHeight="100vh" />}>
        <PublicSurveyPage />
      </Suspense>
    ),
  },
  {
    path: '/case-feedback/:token',
    element: (
      <Suspense fallback={<PageLoading minHeight="100vh" />}>
        <PublicCaseFeedbackPage />
      </Suspense>
    ),
  },
  {
    path: '/unsubscribe',
    element: (
      <Suspense fallback={<PageLoading minHeight="100vh" />}>
        <UnsubscribePage />
      </Suspense>
    ),
  },
  {
    path: '/r/:code',
    element: (
      <Suspense fallback={<PageLoading minHeight="100vh" />}>
        <ReferralLandingPage />
      </Suspense>
    ),
  },
  {
    path: '/grievance',
    element: (
      <Suspense fallback={<PageLoading minHeight="100vh" />}>
        <GrievanceFollowUpPage />
      </Suspense>
    ),
  },
  {
    path: '/grievance/:code',
    element: (
      <Suspense fallback={<PageLoading minHeight="100vh" />}>
        <GrievanceFollowUpPage />
      </Suspense>
    ),
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: (
          <Suspense fallback={<PageLoading minHeight="100vh" />}>
            <AppLayout />
          </Suspense>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: 'parties', element: <PartiesPage /> },
          { path: 'parties/board', element: <PartyBoardPage /> },
          { path: 'parties/bin', element: <BinPage /> },
          { path: 'parties/relationship-map', element: <RelationshipMapPage /> },
          { path: 'parties/:id', element: <PartyDetailPage /> },
          { path: 'tasks', element: <TasksPage /> },
          { path: 'feedback/surveys', element: surveyReader(<SurveysPage />) },
          { path: 'feedback/surveys/new', element: surveyManager(<NewSurveyPage />) },
          { path: 'feedback/surveys/:id', element: surveyReader(<SurveyDetailPage />) },
          { path: 'service/cases', element: <CasesPage /> },
          { path: 'service/cases/:id', element: <CaseDetailPage /> },
          { path: 'service/metrics', element: staff(<MetricsPage />) },
          { path: 'service/alerts', element: staff(<AlertsPage />) },
          { path: 'service/sla-policies', element: staff(<SlaPoliciesPage />) },
          { path: 'service/sla-policies/:id', element: staff(<SlaPolicyPage />) },
          { path: 'service/grievance', element: <GrievancePage /> },
          { path: 'settings', element: <SettingsOverviewPage /> },
          { path: 'settings/users', element: admin(<UsersPage />) },
          { path: 'settings/users/:id', element: admin(<UserDetailPage />) },
          { path: 'settings/org-units', element: admin(<OrgUnitsPage />) },
          { path: 'settings/tokens', element: <TokensPage /> },
          { path: 'settings/webhooks', element: admin(<WebhooksPage />) },
          { path: 'settings/audit', element: admin(<AuditPage />) },
          { path: 'settings/imports', element: importer(<ImportsPage />) },
          { path: 'settings/imports/new', element: importer(<NewImportPage />) },
          { path: 'settings/imports/:id', element: importer(<ImportDetailPage />) },
          { path: 'value', element: <Navigate to="/value/overview" replace /> },
          { path: 'value/overview', element: valueReader(<ValueOverviewPage />) },
          { path: 'value/rfm', element: valueReader(<RfmPage />) },
          { path: 'value/clv', element: valueReader(<ClvPage />) },
          { path: 'value/classes', element: valueReader(<ClassesPage />) },
          { path: 'value/customers', element: valueReader(<ValueCustomersPage />) },
          { path: 'value/cross-sell', element: valueStaff(<CrossSellPage />) },
          { path: 'value/segments', element: valueStaff(<SegmentsPage />) },
          { path: 'value/segments/new', element: valueStaff(<SegmentPage />) },
          { path: 'value/segments/:id', element: valueStaff(<SegmentPage />) },
          { path: 'value/products', element: <ProductsPage /> },
          { path: 'value/transactions', element: <TransactionsPage /> },
          { path: 'people', element: <Navigate to="/people/directory" replace /> },
          { path: 'people/directory', element: peopleStaff(<DirectoryPage />) },
          { path: 'people/employees/:id', element: <EmployeePage /> },
          { path: 'people/cycles', element: peopleStaff(<CyclesPage />) },
          { path: 'people/cycles/new', element: peopleHr(<CycleWizardPage />) },
          { path: 'people/cycles/:id', element: peopleStaff(<CycleDetailPage />) },
          { path: 'people/turnover', element: peopleDashboard(<TurnoverPage />) },
          { path: 'people/attrition', element: peopleStaff(<AttritionPage />) },
          { path: 'people/pdca', element: peopleDashboard(<PdcaBoardPage />) },
          { path: 'people/vision', element: peopleDashboard(<VisionReviewsPage />) },
          { path: 'people/settings', element: peopleHr(<PeopleSettingsPage />) },
          { path: 'care/referral', element: careStaff(<ReferralPage />) },
          { path: 'care/winback', element: careStaff(<WinbackPage />) },
          { path: 'care/mentions', element: careStaff(<MentionsPage />) },
          { path: 'care/posts', element: careStaff(<PostsPage />) },
          { path: 'care', element: <Navigate to="/care/campaigns" replace /> },
          { path: 'care/campaigns', element: campaigner(<CampaignsPage />) },
          { path: 'care/campaigns/new', element: campaigner(<CampaignPage />) },
          { path: 'care/campaigns/:id', element: campaigner(<CampaignPage />) },
          { path: 'care/rules', element: careReader(<CareRulesPage />) },
          { path: 'care/occasions', element: careReader(<OccasionsPage />) },
          { path: 'care/suppressions', element: campaigner(<SuppressionsPage />) },
          { path: 'hr-crm', element: hrCrm(<ButterflyPage />) },
          { path: 'hr-crm/groups/:key', element: hrCrm(<HrGroupPage />) },
          { path: 'hr-crm/services', element: hrCrm(<HrServicesPage />) },
          { path: 'practice', element: <Navigate to="/practice/sessions" replace /> },
          { path: 'practice/sessions', element: <PracticeSessionsPage /> },
          { path: 'practice/sessions/:id', element: <PracticeSessionPage /> },
          { path: 'practice/scenarios', element: <PracticeScenariosPage /> },
          {
            path: 'practice/orgs',
            element: <RequireRole roles={practiceOrgAdminRoles}>{<PracticeOrgsPage />}</RequireRole>,
          },
          { path: 'projects', element: projectsReader(<ProjectsPage />) },
          { path: 'projects/:id', element: projectsReader(<ProjectPage />) },
          { path: 'quality-reviews', element: reviewReader(<ReviewsPage />) },
          { path: 'quality-reviews/:id', element: reviewReader(<ReviewPage />) },
          { path: 'insight', element: <Navigate to="/insight/key-person" replace /> },
          { path: 'insight/chain', element: chainReader(<ChainPage />) },
          { path: 'insight/key-person', element: keyPersonReader(<KeyPersonPage />) },
          { path: 'insight/capability', element: capabilityReader(<CapabilityPage />) },
          { path: 'me/surveys', element: <MySurveysPage /> },
          { path: 'me/appraisals', element: <MyAppraisalsPage /> },
          { path: 'me/account', element: <AccountPage /> },
          { path: 'me/grievances', element: <MyGrievancesPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
