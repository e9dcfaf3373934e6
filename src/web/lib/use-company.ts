import { canManage, currentCompanyOf, useSession } from '../api/session.ts';

/** The current company of the session with the caller's role (pages inside the shell always have one). */
export function useCurrentCompany() {
  const { data: session } = useSession();
  const company = currentCompanyOf(session);
  return {
    companyId: company?.companyId ?? '',
    companyName: company?.companyName ?? '',
    role: company?.role,
    canEdit: canManage(company?.role),
    isOwner: company?.role === 'owner',
    userId: session?.user.id ?? '',
  };
}
