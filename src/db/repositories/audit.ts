import type { Kysely } from 'kysely';
import type { AuditRepository } from '../../app/team/ports.ts';
import type { Database } from '../schema/index.ts';

function parseDetails(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function createAuditRepository(db: Kysely<Database>): AuditRepository {
  return {
    async append(e, at) {
      await db
        .insertInto('audit_log')
        .values({
          company_id: e.companyId,
          user_id: e.userId,
          action: e.action,
          entity: e.entity,
          entity_id: e.entityId ?? null,
          details: JSON.stringify(e.details ?? {}),
          created_at: at,
        })
        .execute();
    },
    async list(companyId, limit, beforeId) {
      let q = db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.user_id')
        .select([
          'audit_log.id',
          'audit_log.created_at',
          'users.name as user_name',
          'audit_log.action',
          'audit_log.entity',
          'audit_log.entity_id',
          'audit_log.details',
        ])
        .where('audit_log.company_id', '=', companyId)
        .orderBy('audit_log.id', 'desc')
        .limit(limit);
      if (beforeId && /^\d+$/.test(beforeId)) q = q.where('audit_log.id', '<', Number(beforeId));
      const rows = await q.execute();
      return rows.map((r) => ({
        id: String(r.id),
        at: r.created_at,
        userName: r.user_name,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        details: parseDetails(r.details),
      }));
    },
  };
}
