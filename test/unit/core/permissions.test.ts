import { describe, expect, it } from 'vitest';
import { can, canInviteRole, isRole, PERMISSIONS, ROLES } from '../../../src/core/access/permissions.ts';

describe('permissions', () => {
  it('gives the owner every permission and the viewer only reads', () => {
    for (const p of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can('owner', p), p).toBe(true);
      expect(can('viewer', p), p).toBe(p.endsWith('.read') && p !== 'audit.read' && p !== 'invitations.read');
    }
  });

  it('lets managers edit the profile and market analysis but not manage members', () => {
    expect(can('manager', 'profile.write')).toBe(true);
    expect(can('manager', 'market.write')).toBe(true);
    expect(can('manager', 'members.manage')).toBe(false);
    expect(can('member', 'profile.write')).toBe(false);
  });

  it('only owners invite owners', () => {
    expect(canInviteRole('owner', 'owner')).toBe(true);
    expect(canInviteRole('manager', 'owner')).toBe(false);
    expect(canInviteRole('manager', 'manager')).toBe(true);
    expect(canInviteRole('member', 'viewer')).toBe(false);
  });

  it('recognises roles', () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole('admin')).toBe(false);
    expect(isRole('__proto__')).toBe(false);
  });
});
