import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DEMO_LOGIN } from '../../app/demo/seed-demo-company.ts';
import { verifyPassword } from '../../app/security/secrets.ts';
import type { Runtime } from '../../db/runtime.ts';
import { DEFAULT_WEB_DIR, startServer } from '../../server/main.ts';
import { PACKAGE_ROOT } from '../../server/package-root.ts';
import { say } from '../language.ts';
import { databaseConfig, fail, withDatabaseOption } from '../options.ts';
import { seedDemoIfEmpty } from './demo.ts';

/** Builds the web app once when dist/web is missing (a fresh clone), so `npm start` is one command. */
async function ensureWebBuilt(): Promise<void> {
  if (existsSync(join(DEFAULT_WEB_DIR, 'index.html'))) return;
  process.stderr.write(`${say('Building the web app (first start only)…', '建置網頁介面(僅第一次啟動)…')}\n`);
  const { build } = await import('vite');
  await build({
    configFile: join(PACKAGE_ROOT, 'vite.config.ts'),
    root: join(PACKAGE_ROOT, 'src', 'web'),
    logLevel: 'warn',
  });
}

/**
 * Whether this database's demo login works: the demo user exists (a database with no demo, or one
 * whose demo was never created, has none) and still has the demo password.
 */
async function demoLoginWorks(rt: Runtime): Promise<boolean> {
  const user = await rt.ctx.repos.users.findByEmail(DEMO_LOGIN.email);
  return user !== null && (await verifyPassword(DEMO_LOGIN.password, user.passwordHash));
}

export function registerStartCommand(program: Command): void {
  withDatabaseOption(program.command('start'))
    .description('Start the Pacer server (web app + API) / 啟動 Pacer 伺服器')
    .option('--port <n>', 'port / 連接埠', process.env.PORT ?? '3000')
    .option('--host <host>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
    .option(
      '--public-url <url>',
      'public URL (https://… enables Secure cookies and HSTS)',
      process.env.PACER_PUBLIC_URL,
    )
    .option('--no-demo', 'do not create the demo company in an empty database')
    .option('--no-web', 'serve the API only')
    .option(
      '--log-level <level>',
      'fatal | error | warn | info | debug | silent',
      process.env.LOG_LEVEL ?? 'info',
    )
    .action(
      async (opts: {
        data?: string;
        port: string;
        host: string;
        publicUrl?: string;
        demo: boolean;
        web: boolean;
        logLevel: string;
      }) => {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          fail(`Not a port: ${opts.port}`, `連接埠不正確:${opts.port}`);
        const started = performance.now();
        if (opts.web) await ensureWebBuilt();
        let demoLogin = false;
        let server: Awaited<ReturnType<typeof startServer>>;
        try {
          server = await startServer({
            database: databaseConfig(opts),
            port,
            host: opts.host,
            publicUrl: opts.publicUrl ?? null,
            webDir: opts.web ? DEFAULT_WEB_DIR : null,
            logLevel: opts.logLevel,
            beforeListen: async (rt) => {
              if (opts.demo) await seedDemoIfEmpty(rt);
              demoLogin = await demoLoginWorks(rt);
            },
          });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
            fail(
              `Port ${port} is already in use: stop the other program or use --port.`,
              `連接埠 ${port} 已被使用,請關閉其他程式或改用 --port。`,
              'PORT_IN_USE',
            );
          }
          throw e;
        }
        const ms = Math.round(performance.now() - started);
        const { kind, location } = server.runtime.database;
        const url = opts.publicUrl ?? server.url;
        const lines = [
          say(
            `Pacer is running: ${url}  (${kind}: ${location}, ready in ${ms} ms)`,
            `Pacer 已啟動:${url}  (${kind}:${location},${ms} 毫秒完成啟動)`,
          ),
        ];
        // Only where the demo user is there, with its password (not on a database without the demo).
        if (demoLogin)
          lines.push(`${say('Demo login: ', '示範登入:')}${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
        lines.push(`${say('API docs: ', 'API 文件:')}${server.url}/api/docs`);
        process.stdout.write(`${lines.join('\n')}\n`);
        const stop = async () => {
          await server.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      },
    );
}
