import type { Actor } from '../app/access.ts';
import { findCompanies, listCompanies, memberActor } from '../app/company/operator.ts';
import type { CompanyRecord } from '../app/company/ports.ts';
import type { Runtime } from '../db/runtime.ts';
import { fail } from './options.ts';

/**
 * Finds the company named by --company (its id or exact name). Without --company the database must
 * hold exactly one company.
 */
export async function resolveCompany(rt: Runtime, company: string | undefined): Promise<CompanyRecord> {
  if (company) {
    const found = await findCompanies(rt.ctx, company);
    if (found.length === 1 && found[0]) return found[0];
    if (found.length > 1)
      fail(`Several companies are named "${company}"; use its id. / 有多家公司同名,請改用 id。`);
    fail(`No company "${company}". / 找不到公司「${company}」。`);
  }
  const all = await listCompanies(rt.ctx, 2);
  if (all.length === 1 && all[0]) return all[0];
  if (all.length === 0)
    fail('The database holds no company yet: run `pacer company create`. / 資料庫中還沒有公司。');
  return fail(
    'The database holds several companies: say which with --company <id or name>. / 請以 --company 指定公司。',
  );
}

/** The company named by --company and its first owner, as whom an operator's command acts. */
export async function resolveOwner(
  rt: Runtime,
  company: string | undefined,
): Promise<{ companyId: string; companyName: string; actor: Actor }> {
  const found = await resolveCompany(rt, company);
  const actor = await memberActor(rt.ctx, found.id).catch(() =>
    fail(`${found.name} has no owner. / 該公司沒有擁有者。`),
  );
  return { companyId: found.id, companyName: found.name, actor };
}
