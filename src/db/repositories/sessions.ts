import type { Kysely } from 'kysely';
import type { SessionRecord, SessionRepository } from '../../app/auth/ports.ts';
import { bestEffortWrite } from '../best-effort.ts';
import type { Database } from '../schema/index.ts';

export function createSessionRepository(db: Kysely<Database>): SessionRepository {
  return {
    async create(s) {
      await db
        .insertInto('sessions')
        .values({
          id_hash: s.idHash,
          user_id: s.userId,
          current_company_id: s.currentCompanyId,
          csrf_token: s.csrfToken,
          created_at: s.createdAt,
          last_seen_at: s.lastSeenAt,
          expires_at: s.expiresAt,
        })
        .execute();
    },
    async findByHash(idHash) {
      const r = await db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
      if (!r) return null;
      const record: SessionRecord = {
        idHash: r.id_hash,
        userId: r.user_id,
        currentCompanyId: r.current_company_id,
        csrfToken: r.csrf_token,
        createdAt: r.created_at,
        lastSeenAt: r.last_seen_at,
        expiresAt: r.expires_at,
      };
      return record;
    },
    async touch(idHash, at) {
      await bestEffortWrite(db, (c) =>
        c.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute(),
      );
    },
    async setCurrentCompany(idHash, companyId) {
      await db
        .updateTable('sessions')
        .set({ current_company_id: companyId })
        .where('id_hash', '=', idHash)
        .execute();
    },
    async delete(idHash) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
    async deleteAllForUser(userId, exceptHash) {
      let q = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptHash) q = q.where('id_hash', '!=', exceptHash);
      await q.execute();
    },
    async deleteExpired(now) {
      const r = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
