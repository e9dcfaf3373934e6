import type { Command } from 'commander';
import { createCompanyForUser } from '../../app/company/companies.ts';
import { companyNameSchema, emailSchema } from '../../contract/auth.ts';
import { fail, output, withDatabaseOption, withRuntime } from '../options.ts';

export function registerCompanyCommand(program: Command): void {
  const company = program.command('company').description('Companies (tenants) / 公司');
  withDatabaseOption(company.command('create'))
    .description('Create a company owned by an existing user / 建立公司')
    .requiredOption('--name <name>', 'company name / 公司名稱')
    .requiredOption('--owner <email>', "the owner's e-mail (create the user first with `pacer user create`)")
    .option('--json', 'print JSON')
    .action(async (opts: { name: string; owner: string; data?: string; json?: boolean }) => {
      const name = companyNameSchema.safeParse(opts.name);
      if (!name.success) fail('The company name must be 1 to 120 characters. / 公司名稱須為 1 至 120 字。');
      await withRuntime(opts, async (rt) => {
        const owner = await rt.ctx.repos.users.findByEmail(emailSchema.parse(opts.owner));
        if (!owner)
          fail(`No user with e-mail ${opts.owner}: run \`pacer user create\` first. / 找不到此使用者。`);
        const c = await createCompanyForUser(rt.ctx, owner.id, name.data);
        output(
          opts.json,
          { id: c.id, name: c.name, owner: owner.email },
          `Created company ${c.name} (${c.id}), owner ${owner.email}.`,
        );
      });
    });
  withDatabaseOption(company.command('list'))
    .description('List companies / 列出公司')
    .option('--json', 'print JSON')
    .action(async (opts: { data?: string; json?: boolean }) => {
      await withRuntime(opts, async (rt) => {
        const rows = await rt.database.db
          .selectFrom('companies')
          .select(['id', 'name', 'created_at'])
          .orderBy('created_at')
          .execute();
        output(
          opts.json,
          rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at })),
          rows.map((r) => `${r.id}  ${r.name}`).join('\n') || '(no companies / 尚無公司)',
        );
      });
    });
}
