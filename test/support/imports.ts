import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../src/db/schema/index.ts';
import { tenantOf } from '../../src/db/tenants.ts';
import type { Client } from './app-harness.ts';

/**
 * Uploads a file and imports it through the API as the web wizard does (default kind: sales), then
 * polls the job until it ends; returns the upload and the job as the API shows them.
 */
export async function importCsv(
  client: Client,
  companyId: string,
  name: string,
  content: Buffer | string,
  extra: Record<string, unknown> = {},
) {
  const up = await client.upload(`/api/companies/${companyId}/imports/uploads`, name, content);
  expect(up.statusCode, up.body).toBe(201);
  const { uploadId } = up.json() as { uploadId: string };
  const started = await client.post(`/api/companies/${companyId}/imports`, {
    uploadId,
    kind: 'sales',
    ...extra,
  });
  expect(started.statusCode, started.body).toBe(202);
  let job = started.json();
  for (let i = 0; i < 400 && job.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 25));
    job = (await client.get(`/api/companies/${companyId}/imports/jobs/${job.jobId}`)).json();
  }
  return { upload: up.json(), job };
}

/** How many sales lines a company holds and their amount (minor units), straight from the table. */
export async function salesTotals(db: Kysely<Database>, companyId: string) {
  const r = await db
    .selectFrom('sales_lines')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum<number>('amount_minor').as('amount')])
    .where('tenant_id', '=', tenantOf(companyId))
    .executeTakeFirstOrThrow();
  return { lines: Number(r.n), amount: Number(r.amount ?? 0) };
}
