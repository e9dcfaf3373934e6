import { describe, expect, it } from 'vitest';
import { IdList, pushIds, pushPairs } from '../../../src/db/kpi/customer-activity.ts';

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

describe('IdList and pushIds (string_agg lists of ids)', () => {
  const contents = (list: IdList) => [...list.ids.subarray(0, list.length)];

  it('keeps every id in order as it grows past its first size', () => {
    const list = new IdList();
    const want: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const id = (i * 7919) % 2_000_003;
      list.push(id);
      want.push(id);
    }
    expect(list.length).toBe(1000);
    expect(contents(list)).toEqual(want);
  });

  it('appends the ids of each list after what is there, the largest int4 id whole', () => {
    const list = new IdList();
    pushIds(list, '12,7,40');
    pushIds(list, '2147483647');
    for (const nothing of [null, undefined, '']) pushIds(list, nothing);
    pushIds(list, 5);
    expect(contents(list)).toEqual([12, 7, 40, 2147483647, 5]);
  });
});
