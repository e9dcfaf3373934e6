import type { AppContext, CompanyRecord } from '../app/ports.ts';
import type { Runtime } from '../db/runtime.ts';
import { fail } from './options.ts';

/**
 * Finds the company named by --company (its id or exact name). Without --company the database must
 * hold exactly one company.
 */
export async function resolveCompany(rt: Runtime, company: string | undefined): Promise<CompanyRecord> {
  const ctx: AppContext = rt.ctx;
  if (company) {
    const byId = await ctx.repos.companies.findById(company);
    if (byId) return byId;
    const byName = await ctx.repos.companies.findByName(company);
    if (byName.length === 1 && byName[0]) return byName[0];
    if (byName.length > 1)
      fail(`Several companies are named "${company}"; use its id. / 有多家公司同名,請改用 id。`);
    fail(`No company "${company}". / 找不到公司「${company}」。`);
  }
  const all = await rt.database.db
    .selectFrom('companies')
    .select(['id', 'name', 'created_at'])
    .limit(2)
    .execute();
  if (all.length === 1 && all[0]) return { id: all[0].id, name: all[0].name, createdAt: all[0].created_at };
  if (all.length === 0)
    fail('The database holds no company yet: run `pacer company create`. / 資料庫中還沒有公司。');
  return fail(
    'The database holds several companies: say which with --company <id or name>. / 請以 --company 指定公司。',
  );
}
