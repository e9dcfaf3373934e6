import type { Kysely } from 'kysely';
import type { GoalRecord, GoalRepository, GoalStatus } from '../../app/goals/ports.ts';
import type { GoalSpec, Grades } from '../../core/goals/types.ts';
import type { Database } from '../schema/index.ts';

const status = (s: string): GoalStatus => (s === 'archived' ? 'archived' : 'active');

export function createGoalRepository(db: Kysely<Database>): GoalRepository {
  const base = (companyId: string) =>
    db
      .selectFrom('goals as g')
      .leftJoin('users as creator', 'creator.id', 'g.created_by')
      .leftJoin('users as owner', 'owner.id', 'g.owner_user_id')
      .leftJoin('strategic_objectives as o', (j) =>
        j.onRef('o.id', '=', 'g.objective_id').onRef('o.company_id', '=', 'g.company_id'),
      )
      .select([
        'g.id',
        'g.company_id',
        'g.status',
        'g.version',
        'g.spec',
        'g.created_at',
        'g.updated_at',
        'g.score',
        'g.grades',
        'creator.name as created_by_name',
        'owner.name as owner_name',
        'o.title as objective_title',
      ])
      .where('g.company_id', '=', companyId);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toRecord = (r: Row): GoalRecord => ({
    id: r.id,
    companyId: r.company_id,
    status: status(r.status),
    version: r.version,
    spec: JSON.parse(r.spec) as GoalSpec,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdByName: r.created_by_name ?? null,
    ownerName: r.owner_name ?? null,
    objectiveTitle: r.objective_title ?? null,
    score: r.score === null ? null : Number(r.score),
    grades: r.grades === null ? null : (JSON.parse(r.grades) as Grades),
  });
  return {
    async list(companyId, filter) {
      let q = base(companyId);
      if (filter.status !== 'all') q = q.where('g.status', '=', filter.status);
      if (filter.metric) q = q.where('g.metric', '=', filter.metric);
      const rows = await q.orderBy('g.updated_at', 'desc').orderBy('g.id').execute();
      return rows.map(toRecord);
    },
    async get(companyId, goalId) {
      const row = await base(companyId).where('g.id', '=', goalId).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async create(companyId, id, goal, by, at, reason) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('goals')
          .values({
            id,
            company_id: companyId,
            name: goal.spec.name,
            metric: goal.spec.metric,
            status: goal.status,
            spec: JSON.stringify(goal.spec),
            owner_user_id: goal.spec.ownerUserId,
            objective_id: goal.spec.objectiveId,
            score: goal.score,
            grades: goal.grades ? JSON.stringify(goal.grades) : null,
            version: 1,
            created_at: at,
            created_by: by,
            updated_at: at,
            updated_by: by,
          })
          .execute();
        await trx
          .insertInto('goal_versions')
          .values({
            company_id: companyId,
            goal_id: id,
            version: 1,
            at,
            by_user_id: by,
            reason,
            changes: '{}',
          })
          .execute();
      });
    },
    async update(companyId, goalId, goal, expectedVersion, change, by, at) {
      return db.transaction().execute(async (trx) => {
        const res = await trx
          .updateTable('goals')
          .set({
            name: goal.spec.name,
            metric: goal.spec.metric,
            status: goal.status,
            spec: JSON.stringify(goal.spec),
            owner_user_id: goal.spec.ownerUserId,
            objective_id: goal.spec.objectiveId,
            score: goal.score,
            grades: goal.grades ? JSON.stringify(goal.grades) : null,
            version: expectedVersion + 1,
            updated_at: at,
            updated_by: by,
          })
          .where('company_id', '=', companyId)
          .where('id', '=', goalId)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) return false;
        await trx
          .insertInto('goal_versions')
          .values({
            company_id: companyId,
            goal_id: goalId,
            version: expectedVersion + 1,
            at,
            by_user_id: by,
            reason: change.reason,
            changes: JSON.stringify(change.changes),
          })
          .execute();
        return true;
      });
    },
    async versions(companyId, goalId) {
      const rows = await db
        .selectFrom('goal_versions as v')
        .leftJoin('users as u', 'u.id', 'v.by_user_id')
        .select(['v.version', 'v.at', 'v.reason', 'v.changes', 'u.name as by_name'])
        .where('v.company_id', '=', companyId)
        .where('v.goal_id', '=', goalId)
        .orderBy('v.version', 'desc')
        .execute();
      return rows.map((r) => ({
        version: Number(r.version),
        at: r.at,
        byName: r.by_name ?? null,
        reason: r.reason,
        changes: JSON.parse(r.changes) as Record<string, { from: unknown; to: unknown }>,
      }));
    },
  };
}
