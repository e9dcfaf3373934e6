import type { Command } from 'commander';
import { issueApiTokenByOperator } from '../../app/company/operator.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import { say } from '../language.ts';
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
        const t = await issueApiTokenByOperator(rt.ctx, company.id, opts.user, opts.name).catch(
          (e: unknown) => {
            if (isAppError(e) && e.code === 'MEMBER_NOT_FOUND')
              fail(
                `${opts.user} is not a member of ${company.name}.`,
                `${opts.user} 不是 ${company.name} 的成員。`,
                'MEMBER_NOT_FOUND',
              );
            if (isAppError(e) && e.code === 'FORBIDDEN')
              fail(
                `${opts.user} must be an owner or manager of ${company.name}.`,
                `${opts.user} 須為 ${company.name} 的擁有者或經理。`,
                'FORBIDDEN',
              );
            throw e;
          },
        );
        output(
          opts.json,
          { id: t.id, companyId: company.id, name: t.name, token: t.token },
          say(
            `Token for ${company.name} (shown once, keep it safe):\n${t.token}`,
            `${company.name} 的 API 權杖(僅顯示一次,請妥善保存):\n${t.token}`,
          ),
        );
      });
    });
}
