import type { Command } from 'commander';
import { createCompanyOwnedBy, listCompanies } from '../../app/company/operator.ts';
import { companyNameSchema, emailSchema } from '../../contract/auth.ts';
import { say } from '../language.ts';
import { fail, output, parseOption, withDatabaseOption, withRuntime } from '../options.ts';

export function registerCompanyCommand(program: Command): void {
  const company = program.command('company').description('Companies (tenants) / 公司');
  withDatabaseOption(company.command('create'))
    .description('Create a company owned by an existing user / 建立公司')
    .requiredOption('--name <name>', 'company name / 公司名稱')
    .requiredOption('--owner <email>', "the owner's e-mail (create the user first with `pacer user create`)")
    .option('--json', 'print JSON')
    .action(async (opts: { name: string; owner: string; data?: string; json?: boolean }) => {
      const name = companyNameSchema.safeParse(opts.name);
      if (!name.success)
        fail(
          'The company name must be 1 to 120 characters.',
          '公司名稱須為 1 至 120 字。',
          'VALIDATION_FAILED',
        );
      const ownerEmail = parseOption('--owner', emailSchema, opts.owner);
      await withRuntime(opts, async (rt) => {
        const c = await createCompanyOwnedBy(rt.ctx, ownerEmail, name.data);
        if (!c)
          fail(
            `No user with e-mail ${opts.owner}: run \`pacer user create\` first.`,
            `找不到電子郵件為 ${opts.owner} 的使用者:請先執行 \`pacer user create\`。`,
            'MEMBER_NOT_FOUND',
          );
        output(
          opts.json,
          { id: c.id, name: c.name, owner: c.owner },
          say(
            `Created company ${c.name} (${c.id}), owner ${c.owner}.`,
            `已建立公司 ${c.name}(${c.id}),擁有者 ${c.owner}。`,
          ),
        );
      });
    });
  withDatabaseOption(company.command('list'))
    .description('List companies / 列出公司')
    .option('--json', 'print JSON')
    .action(async (opts: { data?: string; json?: boolean }) => {
      await withRuntime(opts, async (rt) => {
        const rows = await listCompanies(rt.ctx);
        output(
          opts.json,
          rows,
          rows.map((r) => `${r.id}  ${r.name}`).join('\n') || say('(no companies)', '(尚無公司)'),
        );
      });
    });
}
