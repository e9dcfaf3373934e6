import { type Permission, can as roleCan } from '../../core/access/permissions.ts';
import { currentCompanyOf, useSession } from '../api/session.ts';

/**
 * The current company of the session with the caller's role and what that role may do (the same
 * permission table the server enforces). Pages inside the shell always have a current company.
 */
export function useCurrentCompany() {
  const { data: session } = useSession();
  const company = currentCompanyOf(session);
  const role = company?.role;
  const can = (permission: Permission) => (role ? roleCan(role, permission) : false);
  return {
    companyId: company?.companyId ?? '',
    companyName: company?.companyName ?? '',
    role,
    can,
    userId: session?.user.id ?? '',
  };
}
