import { describe, expect, it } from 'vitest';
import { pushPairs } from '../../../src/db/kpi/customer-activity.ts';

describe('pushPairs (id:amount lists of string_agg)', () => {
  it('reads ids and signed amounts in order, appending to what is there', () => {
    const ids = [9];
    const amounts = [1];
    pushPairs(ids, amounts, '12:3500,7:-200,40:0,1234567:98765432101');
    expect(ids).toEqual([9, 12, 7, 40, 1234567]);
    expect(amounts).toEqual([1, 3500, -200, 0, 98765432101]);
  });

  it('reads nothing from an empty or missing list', () => {
    const ids: number[] = [];
    const amounts: number[] = [];
    for (const list of [null, undefined, '']) pushPairs(ids, amounts, list);
    expect(ids).toEqual([]);
    expect(amounts).toEqual([]);
  });
});
