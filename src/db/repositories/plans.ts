import type { Kysely, Transaction } from 'kysely';
import type { GoalStatus } from '../../app/goals/ports.ts';
import type { NewPlanGoal, PlanGoal, PlanNodeRecord, PlanRepository } from '../../app/plan/ports.ts';
import type { GoalSpec, Grades } from '../../core/goals/types.ts';
import type { SplitRecipe } from '../../core/plan/types.ts';
import type { Database } from '../schema/index.ts';

const status = (s: string): GoalStatus => (s === 'archived' ? 'archived' : 'active');

/** A goal with its plan node (goals as g, plan_nodes as n): what every read of a tree selects. */
const PLAN_GOAL_COLUMNS = [
  'g.id',
  'g.status',
  'g.version',
  'g.spec',
  'g.score',
  'g.grades',
  'g.updated_at',
  'n.goal_id as node_goal_id',
  'n.parent_goal_id',
  'n.position',
  'n.locked',
  'n.period_id',
  'n.dimension',
  'n.member',
  'n.split',
  'n.stage',
  'n.phase',
] as const;

/** Goal trees: plan_nodes beside goals (and goal_versions for every change, as goals do). */
export function createPlanRepository(db: Kysely<Database>): PlanRepository {
  const select = (q: Kysely<Database> | Transaction<Database>, companyId: string) =>
    q
      .selectFrom('goals as g')
      .leftJoin('plan_nodes as n', 'n.goal_id', 'g.id')
      .select(PLAN_GOAL_COLUMNS)
      .where('g.company_id', '=', companyId);
  type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;
  const toGoal = (r: Row): PlanGoal => ({
    id: r.id,
    status: status(r.status),
    version: Number(r.version),
    spec: JSON.parse(r.spec) as GoalSpec,
    score: r.score === null ? null : Number(r.score),
    grades: r.grades === null ? null : (JSON.parse(r.grades) as Grades),
    updatedAt: r.updated_at,
    node:
      r.node_goal_id === null
        ? null
        : {
            goalId: r.id,
            parentGoalId: r.parent_goal_id ?? null,
            position: Number(r.position ?? 0),
            locked: Number(r.locked ?? 0) === 1,
            periodId: r.period_id ?? null,
            dimension: r.dimension ?? null,
            member: r.member ?? null,
            split: r.split ? (JSON.parse(r.split) as SplitRecipe) : null,
            stage: r.stage ?? null,
            phase: r.phase === null || r.phase === undefined ? null : Number(r.phase),
          },
  });

  async function insertGoals(
    trx: Transaction<Database>,
    companyId: string,
    goals: readonly NewPlanGoal[],
    reason: string,
    by: string,
    at: string,
  ): Promise<void> {
    // Chunks keep each statement under the drivers' bound-parameter limits.
    for (let i = 0; i < goals.length; i += 200) {
      const chunk = goals.slice(i, i + 200);
      await trx
        .insertInto('goals')
        .values(
          chunk.map((g) => ({
            id: g.id,
            company_id: companyId,
            name: g.spec.name,
            metric: g.spec.metric,
            status: 'active',
            spec: JSON.stringify(g.spec),
            owner_user_id: g.spec.ownerUserId,
            objective_id: g.spec.objectiveId,
            score: g.score,
            grades: g.grades ? JSON.stringify(g.grades) : null,
            version: 1,
            created_at: at,
            created_by: by,
            updated_at: at,
            updated_by: by,
          })),
        )
        .execute();
      await trx
        .insertInto('goal_versions')
        .values(
          chunk.map((g) => ({
            company_id: companyId,
            goal_id: g.id,
            version: 1,
            at,
            by_user_id: by,
            reason,
            changes: '{}',
          })),
        )
        .execute();
      await trx
        .insertInto('plan_nodes')
        .values(chunk.map((g) => nodeRow(companyId, g.id, g.node, at)))
        .execute();
    }
  }

  const nodeRow = (companyId: string, goalId: string, n: Omit<PlanNodeRecord, 'goalId'>, at: string) => ({
    goal_id: goalId,
    company_id: companyId,
    parent_goal_id: n.parentGoalId,
    position: n.position,
    locked: n.locked ? 1 : 0,
    period_id: n.periodId,
    dimension: n.dimension,
    member: n.member,
    split: n.split ? JSON.stringify(n.split) : null,
    stage: n.stage,
    phase: n.phase,
    created_at: at,
  });

  return {
    async goal(companyId, goalId) {
      const row = await select(db, companyId).where('g.id', '=', goalId).executeTakeFirst();
      return row ? toGoal(row) : null;
    },

    async descendants(companyId, rootId) {
      const out: PlanGoal[] = [];
      let level = [rootId];
      while (level.length > 0) {
        const next: PlanGoal[] = [];
        for (let i = 0; i < level.length; i += 500) {
          // From the nodes' (company, parent) index to the goals, not the other way round.
          const rows = await db
            .selectFrom('plan_nodes as n')
            .innerJoin('goals as g', 'g.id', 'n.goal_id')
            .select(PLAN_GOAL_COLUMNS)
            .where('n.company_id', '=', companyId)
            .where('n.parent_goal_id', 'in', level.slice(i, i + 500))
            .where('g.status', '=', 'active')
            .orderBy('n.parent_goal_id')
            .orderBy('n.position')
            .execute();
          for (const r of rows) next.push(toGoal(r));
        }
        out.push(...next);
        level = next.map((g) => g.id);
      }
      return out;
    },

    async replaceChildren(companyId, parentId, recipe, children, reason, by, at) {
      await db.transaction().execute(async (trx) => {
        const old = await trx
          .selectFrom('plan_nodes as n')
          .innerJoin('goals as g', 'g.id', 'n.goal_id')
          .select(['g.id', 'g.version'])
          .where('n.company_id', '=', companyId)
          .where('n.parent_goal_id', '=', parentId)
          .where('g.status', '=', 'active')
          .execute();
        for (const o of old) {
          const v = Number(o.version);
          await trx
            .updateTable('goals')
            .set({ status: 'archived', version: v + 1, updated_at: at, updated_by: by })
            .where('company_id', '=', companyId)
            .where('id', '=', o.id)
            .execute();
          await trx
            .insertInto('goal_versions')
            .values({
              company_id: companyId,
              goal_id: o.id,
              version: v + 1,
              at,
              by_user_id: by,
              reason,
              changes: JSON.stringify({ status: { from: 'active', to: 'archived' } }),
            })
            .execute();
        }
        const parentNode = await trx
          .selectFrom('plan_nodes')
          .select('goal_id')
          .where('company_id', '=', companyId)
          .where('goal_id', '=', parentId)
          .executeTakeFirst();
        if (parentNode)
          await trx
            .updateTable('plan_nodes')
            .set({ split: JSON.stringify(recipe) })
            .where('company_id', '=', companyId)
            .where('goal_id', '=', parentId)
            .execute();
        else
          await trx
            .insertInto('plan_nodes')
            .values(
              nodeRow(
                companyId,
                parentId,
                {
                  parentGoalId: null,
                  position: 0,
                  locked: false,
                  periodId: null,
                  dimension: null,
                  member: null,
                  split: recipe,
                  stage: null,
                  phase: null,
                },
                at,
              ),
            )
            .execute();
        await insertGoals(trx, companyId, children, reason, by, at);
      });
    },

    async createGoals(companyId, goals, reason, by, at) {
      await db.transaction().execute((trx) => insertGoals(trx, companyId, goals, reason, by, at));
    },

    async revise(companyId, revisions, locks, reason, by, at) {
      return db
        .transaction()
        .execute(async (trx) => {
          for (const r of revisions) {
            const res = await trx
              .updateTable('goals')
              .set({
                name: r.spec.name,
                spec: JSON.stringify(r.spec),
                ...(r.grading
                  ? {
                      score: r.grading.score,
                      grades: r.grading.grades ? JSON.stringify(r.grading.grades) : null,
                    }
                  : {}),
                version: r.expectedVersion + 1,
                updated_at: at,
                updated_by: by,
              })
              .where('company_id', '=', companyId)
              .where('id', '=', r.goalId)
              .where('version', '=', r.expectedVersion)
              .executeTakeFirst();
            if (Number(res.numUpdatedRows) !== 1) throw new StaleVersion();
            await trx
              .insertInto('goal_versions')
              .values({
                company_id: companyId,
                goal_id: r.goalId,
                version: r.expectedVersion + 1,
                at,
                by_user_id: by,
                reason,
                changes: JSON.stringify(r.changes),
              })
              .execute();
          }
          for (const [goalId, locked] of locks)
            await trx
              .updateTable('plan_nodes')
              .set({ locked: locked ? 1 : 0 })
              .where('company_id', '=', companyId)
              .where('goal_id', '=', goalId)
              .execute();
          return true;
        })
        .catch((e: unknown) => {
          if (e instanceof StaleVersion) return false;
          throw e;
        });
    },
  };
}

/** Rolls the revision's transaction back: some goal changed since it was read. */
class StaleVersion extends Error {}
