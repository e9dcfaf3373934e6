import type { Command } from 'commander';
import { createUser } from '../../app/auth/accounts.ts';
import { addMemberByOperator } from '../../app/company/operator.ts';
import { emailSchema, passwordSchema, personNameSchema } from '../../contract/auth.ts';
import { isRole } from '../../core/access/permissions.ts';
import { say } from '../language.ts';
import { fail, output, withDatabaseOption, withRuntime } from '../options.ts';
import { resolveCompany } from '../resolve-company.ts';

async function readPassword(opts: { password?: string; passwordStdin?: boolean }): Promise<string> {
  if (opts.password) return opts.password;
  if (opts.passwordStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  const fromEnv = process.env.PACER_PASSWORD;
  if (fromEnv) return fromEnv;
  return fail(
    'Give the password with --password-stdin or PACER_PASSWORD.',
    '請以 --password-stdin 或 PACER_PASSWORD 提供密碼。',
  );
}

export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('User accounts / 使用者帳號');
  withDatabaseOption(user.command('create'))
    .description('Create a user, optionally adding them to a company with a role / 建立使用者')
    .requiredOption('--email <email>', 'e-mail / 電子郵件')
    .requiredOption('--name <name>', 'display name / 姓名')
    .option(
      '--password <password>',
      'password (prefer --password-stdin or PACER_PASSWORD: arguments show in ps)',
    )
    .option('--password-stdin', 'read the password from standard input')
    .option('--company <idOrName>', 'add to this company / 加入此公司')
    .option('--role <role>', 'owner | manager | member | viewer', 'member')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        email: string;
        name: string;
        password?: string;
        passwordStdin?: boolean;
        company?: string;
        role: string;
        data?: string;
        json?: boolean;
      }) => {
        const email = emailSchema.safeParse(opts.email);
        if (!email.success)
          fail(`Not a valid e-mail: ${opts.email}`, `電子郵件格式不正確:${opts.email}`, 'VALIDATION_FAILED');
        const name = personNameSchema.safeParse(opts.name);
        if (!name.success)
          fail('The name must be 1 to 100 characters.', '姓名須為 1 至 100 字。', 'VALIDATION_FAILED');
        const role = opts.role;
        if (!isRole(role))
          fail(
            '--role must be owner, manager, member or viewer.',
            '--role 須為 owner、manager、member 或 viewer。',
            'VALIDATION_FAILED',
          );
        const password = passwordSchema.safeParse(await readPassword(opts));
        if (!password.success)
          fail('The password must be 8 to 128 characters.', '密碼須為 8 至 128 字元。', 'VALIDATION_FAILED');
        // The first user of a data folder creates its database.
        await withRuntime(
          opts,
          async (rt) => {
            const u = await createUser(rt.ctx, {
              email: email.data,
              name: name.data,
              password: password.data,
            });
            let companyId: string | null = null;
            if (opts.company) {
              const c = await resolveCompany(rt, opts.company);
              await addMemberByOperator(rt.ctx, c.id, u.id, role);
              companyId = c.id;
            }
            output(
              opts.json,
              { id: u.id, email: u.email, companyId, role: companyId ? opts.role : null },
              say(`Created user ${u.email} (${u.id}).`, `已建立使用者 ${u.email}(${u.id})。`),
            );
          },
          { create: true },
        );
      },
    );
}
