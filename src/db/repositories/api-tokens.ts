import type { Kysely } from 'kysely';
import type { ApiTokenRecord, ApiTokenRepository } from '../../app/team/ports.ts';
import { bestEffortWrite } from '../best-effort.ts';
import type { Database } from '../schema/index.ts';

const toRecord = (r: Database['api_tokens']): ApiTokenRecord => ({
  id: r.id,
  companyId: r.company_id,
  userId: r.user_id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export function createApiTokenRepository(db: Kysely<Database>): ApiTokenRepository {
  return {
    async create(t, tokenHash) {
      await db
        .insertInto('api_tokens')
        .values({
          id: t.id,
          company_id: t.companyId,
          user_id: t.userId,
          name: t.name,
          prefix: t.prefix,
          token_hash: tokenHash,
          created_at: t.createdAt,
          last_used_at: null,
          revoked_at: null,
        })
        .execute();
    },
    async list(companyId) {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('company_id', '=', companyId)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toRecord);
    },
    async findById(companyId, id) {
      const r = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? toRecord(r) : null;
    },
    async findByHash(tokenHash) {
      const r = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return r ? toRecord(r) : null;
    },
    async revoke(companyId, id, at) {
      await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async touch(id, at) {
      await bestEffortWrite(db, (c) =>
        c.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute(),
      );
    },
  };
}
