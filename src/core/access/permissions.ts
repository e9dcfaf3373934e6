export type Role = 'owner' | 'manager' | 'member' | 'viewer';

export const ROLES: readonly Role[] = ['owner', 'manager', 'member', 'viewer'];

/** Every action a company member can take, and the roles allowed to. */
export const PERMISSIONS = {
  'company.read': ['owner', 'manager', 'member', 'viewer'],
  'company.rename': ['owner'],
  'profile.read': ['owner', 'manager', 'member', 'viewer'],
  'profile.write': ['owner', 'manager'],
  'market.read': ['owner', 'manager', 'member', 'viewer'],
  'market.write': ['owner', 'manager'],
  'members.read': ['owner', 'manager', 'member', 'viewer'],
  'members.manage': ['owner'],
  'invitations.read': ['owner', 'manager'],
  'invitations.manage': ['owner', 'manager'],
  'tokens.manage': ['owner', 'manager'],
  'audit.read': ['owner', 'manager'],
  'kpi.read': ['owner', 'manager', 'member', 'viewer'],
  'data.import': ['owner', 'manager'],
  'data.manage': ['owner', 'manager'],
  'goals.read': ['owner', 'manager', 'member', 'viewer'],
  'goals.write': ['owner', 'manager', 'member'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** A manager may invite members and viewers, and other managers; only an owner can invite an owner. */
export function canInviteRole(inviter: Role, invitee: Role): boolean {
  if (inviter === 'owner') return true;
  if (inviter === 'manager') return invitee !== 'owner';
  return false;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
