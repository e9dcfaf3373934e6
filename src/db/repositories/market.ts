import type { Kysely } from 'kysely';
import type { MarketAnalysisRecord, MarketRepository } from '../../app/company/ports.ts';
import { isCurrency } from '../../core/money/currency.ts';
import { bumpDataVersion } from '../kpi/data-version.ts';
import type { Database } from '../schema/index.ts';

type Kind<T extends string> = (s: string) => T;
const oneOf =
  <T extends string>(values: readonly T[], fallback: T): Kind<T> =>
  (s) =>
    (values as readonly string[]).includes(s) ? (s as T) : fallback;
const sizeKind = oneOf(['TAM', 'SAM', 'SOM'] as const, 'TAM');
const swotKind = oneOf(['strength', 'weakness', 'opportunity', 'threat'] as const, 'strength');
const priceLevel = (s: string | null) => (s === 'low' || s === 'mid' || s === 'high' ? s : null);

export function createMarketRepository(db: Kysely<Database>): MarketRepository {
  return {
    async get(companyId) {
      const head = await db
        .selectFrom('market_analyses')
        .selectAll()
        .where('company_id', '=', companyId)
        .executeTakeFirst();
      if (!head) return null;
      const [sizes, competitors, swot, objectives] = await Promise.all([
        db
          .selectFrom('market_sizes')
          .selectAll()
          .where('company_id', '=', companyId)
          .orderBy('position')
          .execute(),
        db
          .selectFrom('competitors')
          .selectAll()
          .where('company_id', '=', companyId)
          .orderBy('position')
          .execute(),
        db
          .selectFrom('swot_entries')
          .selectAll()
          .where('company_id', '=', companyId)
          .orderBy('position')
          .execute(),
        db
          .selectFrom('strategic_objectives')
          .selectAll()
          .where('company_id', '=', companyId)
          .where('archived_at', 'is', null)
          .orderBy('position')
          .execute(),
      ]);
      const analysis: MarketAnalysisRecord = {
        positioning: head.positioning,
        version: head.version,
        updatedAt: head.updated_at,
        marketSizes: sizes.map((s) => ({
          kind: sizeKind(s.kind),
          year: s.year,
          amountMinor: Number(s.amount_minor),
          currency: isCurrency(s.currency) ? s.currency : 'TWD',
          source: s.source,
        })),
        competitors: competitors.map((c) => ({
          name: c.name,
          priceLevel: priceLevel(c.price_level),
          strengths: c.strengths,
          weaknesses: c.weaknesses,
          notes: c.notes,
        })),
        swot: swot.map((s) => ({ kind: swotKind(s.kind), text: s.text })),
        objectives: objectives.map((o) => ({ id: o.id, title: o.title, description: o.description })),
      };
      return analysis;
    },

    async save(companyId, a, expectedVersion, by, at) {
      return db.transaction().execute(async (trx) => {
        const head = await trx
          .updateTable('market_analyses')
          .set({ positioning: a.positioning, version: expectedVersion + 1, updated_at: at, updated_by: by })
          .where('company_id', '=', companyId)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (Number(head.numUpdatedRows) !== 1) return false;

        // Market share reads the sizes: cached KPI answers of the company go with this version.
        await bumpDataVersion(trx, companyId);
        await trx.deleteFrom('market_sizes').where('company_id', '=', companyId).execute();
        await trx.deleteFrom('competitors').where('company_id', '=', companyId).execute();
        await trx.deleteFrom('swot_entries').where('company_id', '=', companyId).execute();
        if (a.marketSizes.length > 0) {
          await trx
            .insertInto('market_sizes')
            .values(
              a.marketSizes.map((s, i) => ({
                company_id: companyId,
                position: i,
                kind: s.kind,
                year: s.year,
                amount_minor: s.amountMinor,
                currency: s.currency,
                source: s.source,
              })),
            )
            .execute();
        }
        if (a.competitors.length > 0) {
          await trx
            .insertInto('competitors')
            .values(
              a.competitors.map((c, i) => ({
                company_id: companyId,
                position: i,
                name: c.name,
                price_level: c.priceLevel,
                strengths: c.strengths,
                weaknesses: c.weaknesses,
                notes: c.notes,
              })),
            )
            .execute();
        }
        if (a.swot.length > 0) {
          await trx
            .insertInto('swot_entries')
            .values(
              a.swot.map((s, i) => ({ company_id: companyId, position: i, kind: s.kind, text: s.text })),
            )
            .execute();
        }

        // Objectives keep their ids (goals link to them); removed ones are archived, not deleted.
        const existing = await trx
          .selectFrom('strategic_objectives')
          .select('id')
          .where('company_id', '=', companyId)
          .execute();
        const existingIds = new Set(existing.map((o) => o.id));
        const keptIds = new Set(a.objectives.map((o) => o.id));
        for (const [i, o] of a.objectives.entries()) {
          if (existingIds.has(o.id)) {
            await trx
              .updateTable('strategic_objectives')
              .set({ title: o.title, description: o.description, position: i, archived_at: null })
              .where('company_id', '=', companyId)
              .where('id', '=', o.id)
              .execute();
          } else {
            await trx
              .insertInto('strategic_objectives')
              .values({
                id: o.id,
                company_id: companyId,
                position: i,
                title: o.title,
                description: o.description,
                archived_at: null,
              })
              .execute();
          }
        }
        for (const id of existingIds) {
          if (!keptIds.has(id)) {
            await trx
              .updateTable('strategic_objectives')
              .set({ archived_at: at })
              .where('company_id', '=', companyId)
              .where('id', '=', id)
              .where('archived_at', 'is', null)
              .execute();
          }
        }
        return true;
      });
    },
  };
}
