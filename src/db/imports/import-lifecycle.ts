import type { Kysely } from 'kysely';
import type { ImportedFile, ImportMeta, ImportSummary } from '../../app/import/ports.ts';
import type { DialectKind } from '../dialect-kind.ts';
import { bumpDataVersion } from '../kpi/data-version.ts';
import type { Database } from '../schema/index.ts';
import { ensureTenant } from '../tenants.ts';
import { recordImportAccount } from './import-account.ts';

/**
 * An import's record, opened and closed inside the import's own transaction (on SQLite in the
 * import's writer thread, on PostgreSQL in the store's Kysely transaction).
 */

const head = (meta: ImportMeta) => ({
  id: meta.id,
  company_id: meta.companyId,
  kind: meta.kind,
  file_name: meta.fileName,
  // The digest and size are recorded at the commit (closeImportRecord), inside the same transaction.
  file_sha256: '',
  file_bytes: 0,
  status: 'running',
  mapping: meta.mapping,
  created_by: meta.createdBy,
  created_at: meta.createdAt,
});

/** Writes the import's record; returns the company's tenant key and the import's seq. */
export async function openImportRecord(
  k: Kysely<Database>,
  dialect: DialectKind,
  meta: ImportMeta,
): Promise<{ tenantId: number; seq: number }> {
  const tenantId = await ensureTenant(k, meta.companyId);
  if (dialect === 'sqlite') {
    // Writers are serialized (BEGIN IMMEDIATE), so the next number cannot be taken twice.
    const top = await k
      .selectFrom('imports')
      .select((eb) => eb.fn.max('seq').as('top'))
      .executeTakeFirst();
    const seq = Number(top?.top ?? 0) + 1;
    await k
      .insertInto('imports')
      .values({ ...head(meta), seq })
      .execute();
    return { tenantId, seq };
  }
  const row = await k.insertInto('imports').values(head(meta)).returning('seq').executeTakeFirstOrThrow();
  return { tenantId, seq: Number(row.seq) };
}

/** Completes the import's record (the writer has kept the roll-ups current as it went). */
export async function closeImportRecord(
  k: Kysely<Database>,
  meta: ImportMeta,
  s: ImportSummary & ImportedFile,
): Promise<void> {
  await k
    .updateTable('imports')
    .set({
      status: 'committed',
      file_sha256: s.fileSha256,
      file_bytes: s.fileBytes,
      lines_read: s.linesRead,
      added: s.added,
      duplicates: s.duplicates,
      rejected: s.rejected,
      first_date: s.firstDate,
      last_date: s.lastDate,
      finished_at: new Date().toISOString(),
    })
    .where('id', '=', meta.id)
    .execute();
  await recordImportAccount(k, meta, s);
  await bumpDataVersion(k, meta.companyId);
}
