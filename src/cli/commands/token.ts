import type { Command } from 'commander';
import { issueApiToken } from '../../app/team/api-tokens.ts';
import { fail, output, withDatabaseOption, withRuntime } from '../options.ts';
import { resolveCompany } from '../resolve-company.ts';

export function registerTokenCommand(program: Command): void {
  const token = program.command('token').description('API tokens for scripts and integrations / API 權杖');
  withDatabaseOption(token.command('create'))
    .description('Create an API token acting as a member of a company / 建立 API 權杖')
    .requiredOption('--user <email>', 'the member the token acts as')
    .requiredOption('--name <name>', 'a label, e.g. "POS sync"')
    .option('--company <idOrName>', 'company (required when the database holds several)')
    .option('--json', 'print JSON')
    .action(async (opts: { user: string; name: string; company?: string; data?: string; json?: boolean }) => {
      await withRuntime(opts, async (rt) => {
        const company = await resolveCompany(rt, opts.company);
        const user = await rt.ctx.repos.users.findByEmail(opts.user.trim().toLowerCase());
        if (!user) fail(`No user ${opts.user}. / 找不到使用者。`);
        const role = await rt.ctx.repos.companies.roleOf(company.id, user.id);
        if (role !== 'owner' && role !== 'manager') {
          fail(`${opts.user} must be an owner or manager of ${company.name}. / 須為該公司的擁有者或經理。`);
        }
        const t = await issueApiToken(rt.ctx, user.id, company.id, opts.name);
        output(
          opts.json,
          { id: t.id, companyId: company.id, name: t.name, token: t.token },
          `Token for ${company.name} (shown once, keep it safe / 僅顯示一次,請妥善保存):\n${t.token}`,
        );
      });
    });
}
