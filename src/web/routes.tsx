import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { Permission } from '../core/access/permissions.ts';
import { currentCompanyOf, roleCan, useSession } from './api/session.ts';
import { ErrorBoundary } from './lib/error-boundary.tsx';
import { HOME_PATH } from './lib/home.ts';
import { Notice } from './lib/notice.tsx';
import { PageLoading } from './lib/page-loading.tsx';
import { AppShell } from './shell/app-shell.tsx';

const LoginPage = lazy(() => import('./features/auth/login-page.tsx'));
const SignupPage = lazy(() => import('./features/auth/signup-page.tsx'));
const InvitePage = lazy(() => import('./features/auth/invite-page.tsx'));
const ProfilePage = lazy(() => import('./features/profile/profile-page.tsx'));
const MarketPage = lazy(() => import('./features/market/market-page.tsx'));
const TeamPage = lazy(() => import('./features/team/team-page.tsx'));
const TokensPage = lazy(() => import('./features/tokens/tokens-page.tsx'));
const AuditPage = lazy(() => import('./features/audit/audit-page.tsx'));
const AccountPage = lazy(() => import('./features/account/account-page.tsx'));
const ImportPage = lazy(() => import('./features/imports/import-page.tsx'));
const CatalogPage = lazy(() => import('./features/catalog/catalog-page.tsx'));
const KpiPage = lazy(() => import('./features/kpi/kpi-page.tsx'));
const GoalsPage = lazy(() => import('./features/goals/goals-page.tsx'));
const GoalWizardPage = lazy(() => import('./features/goals/goal-wizard-page.tsx'));
const PlansPage = lazy(() => import('./features/plan/plans-page.tsx'));
const PlanPage = lazy(() => import('./features/plan/plan-page.tsx'));

function Lazy({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary resetKey={pathname}>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

/** Pages behind the login: redirect anonymous visitors to /login, keeping where they wanted to go. */
function RequireSession({ children }: { children: ReactNode }) {
  const { data: session, isPending } = useSession();
  const location = useLocation();
  if (isPending) return <PageLoading />;
  if (!session)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

/** Pages for the roles holding a permission (API tokens, audit log: owners and managers). */
function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  if (!roleCan(currentCompanyOf(session)?.role, permission)) {
    return <Notice title={t('errors.forbiddenTitle')} text={t('errors.forbiddenPage')} />;
  }
  return <>{children}</>;
}

function NotFound() {
  const { t } = useTranslation();
  return <Notice title={t('errors.notFoundTitle')} text={t('errors.notFoundPage')} />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Lazy>
            <LoginPage />
          </Lazy>
        }
      />
      <Route
        path="/signup"
        element={
          <Lazy>
            <SignupPage />
          </Lazy>
        }
      />
      <Route
        path="/invite/:token"
        element={
          <Lazy>
            <InvitePage />
          </Lazy>
        }
      />
      <Route
        element={
          <RequireSession>
            <AppShell />
          </RequireSession>
        }
      >
        <Route index element={<Navigate to={HOME_PATH} replace />} />
        <Route
          path="/profile"
          element={
            <Lazy>
              <ProfilePage />
            </Lazy>
          }
        />
        <Route
          path="/market"
          element={
            <Lazy>
              <MarketPage />
            </Lazy>
          }
        />
        <Route
          path="/team"
          element={
            <Lazy>
              <TeamPage />
            </Lazy>
          }
        />
        <Route
          path="/tokens"
          element={
            <Lazy>
              <RequirePermission permission="tokens.manage">
                <TokensPage />
              </RequirePermission>
            </Lazy>
          }
        />
        <Route
          path="/audit"
          element={
            <Lazy>
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            </Lazy>
          }
        />
        <Route
          path="/imports"
          element={
            <Lazy>
              <RequirePermission permission="data.import">
                <ImportPage />
              </RequirePermission>
            </Lazy>
          }
        />
        <Route
          path="/catalog"
          element={
            <Lazy>
              <CatalogPage />
            </Lazy>
          }
        />
        <Route
          path="/goals"
          element={
            <Lazy>
              <RequirePermission permission="goals.read">
                <GoalsPage />
              </RequirePermission>
            </Lazy>
          }
        />
        <Route
          path="/goals/new"
          element={
            <Lazy>
              <RequirePermission permission="goals.write">
                <GoalWizardPage />
              </RequirePermission>
            </Lazy>
          }
        />
        <Route
          path="/goals/:goalId"
          element={
            <Lazy>
              <RequirePermission permission="goals.read">
                <GoalWizardPage />
              </RequirePermission>
            </Lazy>
          }
        />
        <Route
          path="/plans"
          element={
            <Lazy>
              <RequirePermission permission="goals.read">
                <PlansPage />
              </RequirePermission>
            </Lazy>
          }
        />
        <Route
          path="/plans/:goalId"
          element={
            <Lazy>
              <RequirePermission permission="goals.read">
                <PlanPage />
              </RequirePermission>
            </Lazy>
          }
        />
        <Route
          path="/kpi"
          element={
            <Lazy>
              <RequirePermission permission="kpi.read">
                <KpiPage />
              </RequirePermission>
            </Lazy>
          }
        />
        <Route
          path="/account"
          element={
            <Lazy>
              <AccountPage />
            </Lazy>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
