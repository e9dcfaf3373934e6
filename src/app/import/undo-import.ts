import { AppError } from '../../core/errors/app-error.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import type { AppContext } from '../ports.ts';

/** Takes back every line an import added, in one transaction; KPI roll-ups follow. */
export async function undoImport(ctx: AppContext, actor: Actor, companyId: string, importId: string) {
  await authorize(ctx, actor, companyId, 'data.import');
  const rec = await ctx.repos.imports.get(companyId, importId);
  if (!rec) throw new AppError('IMPORT_NOT_FOUND');
  if (rec.status === 'undone') throw new AppError('IMPORT_ALREADY_UNDONE');
  const at = nowIso(ctx);
  if (!(await ctx.repos.imports.undo(companyId, importId, actor.userId, at)))
    throw new AppError('IMPORT_ALREADY_UNDONE');
  await ctx.repos.audit.append(
    {
      companyId,
      userId: actor.userId,
      action: 'import.undone',
      entity: 'import',
      entityId: importId,
      details: { fileName: rec.fileName, added: rec.added },
    },
    at,
  );
  const after = await ctx.repos.imports.get(companyId, importId);
  if (!after) throw new AppError('IMPORT_NOT_FOUND');
  return after;
}
