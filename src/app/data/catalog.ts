import { AppError } from '../../core/errors/app-error.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import type { AppContext } from '../ports.ts';
import type { CatalogTable } from './ports.ts';

export async function listCatalog(ctx: AppContext, actor: Actor, companyId: string, table: CatalogTable) {
  await authorize(ctx, actor, companyId, 'company.read');
  return ctx.repos.catalog.list(companyId, table);
}

export async function renameCatalogEntry(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  table: CatalogTable,
  id: string,
  name: string,
) {
  await authorize(ctx, actor, companyId, 'data.manage');
  const store = ctx.repos.catalog;
  const outcome = await store.rename(companyId, table, id, name.trim());
  if (outcome === 'not_found') throw new AppError('DIMENSION_NOT_FOUND');
  if (outcome === 'taken')
    throw new AppError('DIMENSION_NAME_TAKEN', [{ path: 'name', message: 'name_taken' }]);
  await ctx.repos.audit.append(
    {
      companyId,
      userId: actor.userId,
      action: 'catalog.renamed',
      entity: table,
      entityId: id,
      details: { name: name.trim() },
    },
    nowIso(ctx),
  );
  return store.list(companyId, table);
}

export async function mergeCatalogEntries(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  table: CatalogTable,
  fromId: string,
  intoId: string,
) {
  await authorize(ctx, actor, companyId, 'data.manage');
  const store = ctx.repos.catalog;
  if (fromId === intoId) throw new AppError('VALIDATION_FAILED', [{ path: 'intoId', message: 'same_entry' }]);
  if (!(await store.merge(companyId, table, fromId, intoId))) throw new AppError('DIMENSION_NOT_FOUND');
  await ctx.repos.audit.append(
    {
      companyId,
      userId: actor.userId,
      action: 'catalog.merged',
      entity: table,
      entityId: intoId,
      details: { merged: fromId },
    },
    nowIso(ctx),
  );
  return store.list(companyId, table);
}
