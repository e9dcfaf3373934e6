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
      fail(
        `Several companies are named "${company}": use its id (pacer company list).`,
        `有多家公司名為「${company}」:請改用公司 id(pacer company list)。`,
        'COMPANY_AMBIGUOUS',
      );
    fail(
      `No company "${company}" (pacer company list shows them).`,
      `找不到公司「${company}」(pacer company list 可列出所有公司)。`,
      'COMPANY_NOT_FOUND',
    );
  }
  const all = await listCompanies(rt.ctx, 2);
  if (all.length === 1 && all[0]) return all[0];
  if (all.length === 0)
    fail(
      'The database holds no company yet: run `pacer company create`.',
      '資料庫中還沒有公司:請先執行 `pacer company create`。',
      'COMPANY_NOT_FOUND',
    );
  return fail(
    'The database holds several companies: say which with --company <id or name>.',
    '資料庫中有多家公司:請以 --company <id 或名稱> 指定。',
    'COMPANY_AMBIGUOUS',
  );
}

/** The company named by --company and its first owner, as whom an operator's command acts. */
export async function resolveOwner(
  rt: Runtime,
  company: string | undefined,
): Promise<{ companyId: string; companyName: string; actor: Actor }> {
  const found = await resolveCompany(rt, company);
  const actor = await memberActor(rt.ctx, found.id).catch(() =>
    fail(`${found.name} has no owner.`, `${found.name} 沒有擁有者。`, 'MEMBER_NOT_FOUND'),
  );
  return { companyId: found.id, companyName: found.name, actor };
}
