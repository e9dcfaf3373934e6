import type { Kysely } from 'kysely';
import type { InvitationRecord, InvitationRepository } from '../../app/team/ports.ts';
import { isRole } from '../../core/access/permissions.ts';
import type { Database } from '../schema/index.ts';

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('invitations')
    .innerJoin('companies', 'companies.id', 'invitations.company_id')
    .innerJoin('users', 'users.id', 'invitations.invited_by')
    .select([
      'invitations.id',
      'invitations.company_id',
      'companies.name as company_name',
      'invitations.email',
      'invitations.role',
      'invitations.invited_by',
      'users.name as invited_by_name',
      'invitations.created_at',
      'invitations.expires_at',
      'invitations.accepted_at',
      'invitations.revoked_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;
const toRecord = (r: Row): InvitationRecord => ({
  id: r.id,
  companyId: r.company_id,
  companyName: r.company_name,
  email: r.email,
  role: isRole(r.role) ? r.role : 'viewer',
  invitedBy: r.invited_by,
  invitedByName: r.invited_by_name,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
  revokedAt: r.revoked_at,
});

export function createInvitationRepository(db: Kysely<Database>): InvitationRepository {
  return {
    async create(inv, tokenHash) {
      await db
        .insertInto('invitations')
        .values({
          id: inv.id,
          company_id: inv.companyId,
          email: inv.email,
          role: inv.role,
          token_hash: tokenHash,
          invited_by: inv.invitedBy,
          created_at: inv.createdAt,
          expires_at: inv.expiresAt,
          accepted_at: null,
          accepted_by: null,
          revoked_at: null,
        })
        .execute();
    },
    async list(companyId) {
      const rows = await baseQuery(db)
        .where('invitations.company_id', '=', companyId)
        .orderBy('invitations.created_at', 'desc')
        .execute();
      return rows.map(toRecord);
    },
    async findById(companyId, id) {
      const r = await baseQuery(db)
        .where('invitations.company_id', '=', companyId)
        .where('invitations.id', '=', id)
        .executeTakeFirst();
      return r ? toRecord(r) : null;
    },
    async findByTokenHash(tokenHash) {
      const r = await baseQuery(db).where('invitations.token_hash', '=', tokenHash).executeTakeFirst();
      return r ? toRecord(r) : null;
    },
    async markAccepted(id, userId, at) {
      await db
        .updateTable('invitations')
        .set({ accepted_at: at, accepted_by: userId })
        .where('id', '=', id)
        .execute();
    },
    async revoke(companyId, id, at) {
      await db
        .updateTable('invitations')
        .set({ revoked_at: at })
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}
