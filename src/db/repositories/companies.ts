import type { Kysely } from 'kysely';
import type { CompanyRepository } from '../../app/company/ports.ts';
import { isRole, type Role } from '../../core/access/permissions.ts';
import type { Database } from '../schema/index.ts';

const asRole = (r: string): Role => (isRole(r) ? r : 'viewer');

export function createCompanyRepository(db: Kysely<Database>): CompanyRepository {
  return {
    async create(c) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('companies')
          .values({ id: c.id, name: c.name, created_at: c.createdAt })
          .execute();
        await trx
          .insertInto('memberships')
          .values({ company_id: c.id, user_id: c.ownerId, role: 'owner', created_at: c.createdAt })
          .execute();
        await trx
          .insertInto('company_profiles')
          .values({
            company_id: c.id,
            stage: c.profile.stage,
            industry: c.profile.industry,
            currency: c.profile.currency,
            fiscal_year_start_month: c.profile.fiscalYearStartMonth,
            time_zone: c.profile.timeZone,
            description: c.profile.description,
            version: 0,
            updated_at: null,
            updated_by: null,
          })
          .execute();
        await trx
          .insertInto('market_analyses')
          .values({ company_id: c.id, positioning: '', version: 0, updated_at: null, updated_by: null })
          .execute();
      });
    },
    async findById(companyId) {
      const row = await db.selectFrom('companies').selectAll().where('id', '=', companyId).executeTakeFirst();
      return row ? { id: row.id, name: row.name, createdAt: row.created_at } : null;
    },
    async findByName(name) {
      const rows = await db
        .selectFrom('companies')
        .selectAll()
        .where('name', '=', name)
        .orderBy('created_at')
        .execute();
      return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
    },
    async list(limit) {
      const rows = await db.selectFrom('companies').selectAll().orderBy('created_at').limit(limit).execute();
      return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
    },
    async rename(companyId, name) {
      await db.updateTable('companies').set({ name }).where('id', '=', companyId).execute();
    },
    async membershipsOf(userId) {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('companies', 'companies.id', 'memberships.company_id')
        .select(['companies.id', 'companies.name', 'memberships.role', 'memberships.created_at'])
        .where('memberships.user_id', '=', userId)
        .orderBy('companies.name')
        .execute();
      return rows.map((r) => ({
        companyId: r.id,
        companyName: r.name,
        role: asRole(r.role),
        createdAt: r.created_at,
      }));
    },
    async roleOf(companyId, userId) {
      const row = await db
        .selectFrom('memberships')
        .select('role')
        .where('company_id', '=', companyId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row ? asRole(row.role) : null;
    },
    async members(companyId) {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
        .where('memberships.company_id', '=', companyId)
        .orderBy('memberships.created_at')
        .execute();
      return rows.map((r) => ({
        userId: r.id,
        name: r.name,
        email: r.email,
        role: asRole(r.role),
        joinedAt: r.created_at,
      }));
    },
    async addMember(companyId, userId, role, at) {
      await db
        .insertInto('memberships')
        .values({ company_id: companyId, user_id: userId, role, created_at: at })
        .execute();
    },
    async setRole(companyId, userId, role) {
      await db
        .updateTable('memberships')
        .set({ role })
        .where('company_id', '=', companyId)
        .where('user_id', '=', userId)
        .execute();
    },
    async removeMember(companyId, userId) {
      await db
        .deleteFrom('memberships')
        .where('company_id', '=', companyId)
        .where('user_id', '=', userId)
        .execute();
    },
    async countOwners(companyId) {
      const row = await db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('company_id', '=', companyId)
        .where('role', '=', 'owner')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
