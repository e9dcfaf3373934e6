import type { Kysely } from 'kysely';
import type { ProfileRecord, ProfileRepository } from '../../app/company/ports.ts';
import { isTimeZone } from '../../core/calendar/time-zones.ts';
import { isCurrency } from '../../core/money/currency.ts';
import type { Database } from '../schema/index.ts';

const asStage = (s: string): ProfileRecord['stage'] =>
  s === 'startup' || s === 'mature' ? s : 'fast_growth';

export function createProfileRepository(db: Kysely<Database>): ProfileRepository {
  return {
    async get(companyId) {
      const r = await db
        .selectFrom('company_profiles')
        .selectAll()
        .where('company_id', '=', companyId)
        .executeTakeFirst();
      if (!r) return null;
      return {
        stage: asStage(r.stage),
        industry: r.industry,
        currency: isCurrency(r.currency) ? r.currency : 'TWD',
        fiscalYearStartMonth: r.fiscal_year_start_month,
        timeZone: isTimeZone(r.time_zone) ? r.time_zone : 'Asia/Taipei',
        description: r.description,
        version: r.version,
        updatedAt: r.updated_at,
      };
    },
    async save(companyId, p, expectedVersion, by, at) {
      const result = await db
        .updateTable('company_profiles')
        .set({
          stage: p.stage,
          industry: p.industry,
          currency: p.currency,
          fiscal_year_start_month: p.fiscalYearStartMonth,
          time_zone: p.timeZone,
          description: p.description,
          version: expectedVersion + 1,
          updated_at: at,
          updated_by: by,
        })
        .where('company_id', '=', companyId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
