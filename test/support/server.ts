import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoCompany } from '../../src/app/demo/seed-demo-company.ts';
import { todayIn } from '../../src/core/calendar/time-zones.ts';
import { createDemoHistoryWriter } from '../../src/db/demo-history-writer.ts';
import { DEFAULT_WEB_DIR, startServer } from '../../src/server/main.ts';

/**
 * The real server for end-to-end tests: API + the built web app (dist/web, from `vite build`) on a
 * random loopback port, over a fresh SQLite folder holding the demo company.
 */
export async function startTestServer(): Promise<{ url: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'pacer-e2e-'));
  const server = await startServer({
    database: { dataDir: dir },
    port: 0,
    host: '127.0.0.1',
    webDir: DEFAULT_WEB_DIR,
    logLevel: 'silent',
    beforeListen: async (rt) => {
      await seedDemoCompany(rt.ctx, createDemoHistoryWriter(rt.database), {
        today: todayIn('Asia/Taipei', new Date()),
      });
    },
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
