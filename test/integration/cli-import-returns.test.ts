import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCompany, runPacer as run } from '../support/cli.ts';

const SHOPEE = resolve(import.meta.dirname, '../fixtures/ingest/exports/shopee.csv');

describe('pacer import of a marketplace export with returns (SQLite, the real CLI)', () => {
  let shop: ReturnType<typeof cliCompany>;
  beforeAll(() => {
    shop = cliCompany('Shop');
  }, 60_000);
  afterAll(() => shop?.remove());

  it('leaves the returned item out, and says a re-import does not take later returns and how to', () => {
    const first = run(['import', 'sales', SHOPEE, '--data', shop.data, '--json']);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      added: 4,
      duplicates: 0,
      orders: { excludedLines: 2, returnLines: 1 },
    });
    const again = run(['import', 'sales', SHOPEE, '--data', shop.data, '--lang', 'en']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('+0 added, 4 duplicates skipped');
    expect(again.stdout).toContain(
      "4 lines were imported before: a re-import does not update returns, refunds or status changes completed since (to take this file's figures: pacer import-undo <earlier import id>, then import it again)",
    );
    const zh = run(['import', 'sales', SHOPEE, '--data', shop.data, '--lang', 'zh-TW']);
    expect(zh.stdout).toContain('4 筆明細先前已匯入：重新匯入不會更新之後才完成的退貨、退款或狀態變更');
  });
});
