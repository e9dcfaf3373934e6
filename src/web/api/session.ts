import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { OptionalSession, Session } from '../../contract/auth.ts';
import type { Role } from '../../contract/common.ts';
import { can, type Permission } from '../../core/access/permissions.ts';
import { api, setCsrfToken } from './client.ts';

export const SESSION_KEY = ['session'] as const;

/** The session, or null when nobody is logged in (the server answers 200 with null then, not 401). */
async function fetchSession(): Promise<Session | null> {
  const session = await api.get<OptionalSession>('/api/auth/session');
  setCsrfToken(session?.csrfToken ?? null);
  return session ?? null;
}

/** The current session, or null when nobody is logged in. */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

/** Stores a session returned by login, sign-up, switch-company or invitation acceptance. */
export function useApplySession() {
  const queryClient = useQueryClient();
  return useCallback(
    (session: Session | null) => {
      setCsrfToken(session?.csrfToken ?? null);
      // Company-scoped data of another session or company must not linger.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, session);
    },
    [queryClient],
  );
}

export interface CurrentCompany {
  companyId: string;
  companyName: string;
  role: Role;
}

export function currentCompanyOf(session: Session | null | undefined): CurrentCompany | null {
  if (!session?.currentCompanyId) return null;
  const m = session.memberships.find((x) => x.companyId === session.currentCompanyId);
  return m ? { companyId: m.companyId, companyName: m.companyName, role: m.role } : null;
}

/** Whether the role may do it (the permission table of core/, which the server enforces too). */
export function roleCan(role: Role | undefined, permission: Permission): boolean {
  return role ? can(role, permission) : false;
}
