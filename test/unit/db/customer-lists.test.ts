import { describe, expect, it } from 'vitest';
import {
  CustomerMarks,
  IdArena,
  IdList,
  markAll,
  pushIds,
  pushPairs,
} from '../../../src/db/kpi/customer-lists.ts';

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

describe('IdList, IdArena and pushIds (string_agg lists of ids)', () => {
  it('keeps every id of interleaved lists in order as their arena grows past its first size', () => {
    const arena = new IdArena();
    const lists = [new IdList(arena), new IdList(arena), new IdList(arena)];
    const want: number[][] = [[], [], []];
    for (let i = 0; i < 20_000; i++) {
      const id = (i * 7919) % 2_000_003;
      const at = (i * 31) % 3;
      if (i % 5 === 0) {
        lists[at]?.appendText(`${id},${id + 1}`);
        want[at]?.push(id, id + 1);
      } else {
        lists[at]?.push(id);
        want[at]?.push(id);
      }
    }
    expect(arena.ids.length).toBeGreaterThan(4096);
    lists.forEach((list, i) => {
      expect(list.toArray()).toEqual(want[i]);
      expect(list.length).toBe(want[i]?.length);
    });
  });

  it('appends the ids of each text after what is there, the largest int4 id whole; nothing for none', () => {
    const list = new IdList(new IdArena());
    list.appendText('12,7,40');
    list.appendText('2147483647');
    for (const nothing of [null, undefined, '']) list.appendText(nothing);
    list.appendText(5);
    list.appendAll([8, 9]);
    list.appendRepeated(1, 3);
    list.appendAll([]);
    list.appendRepeated(1, 0);
    expect(list.toArray()).toEqual([12, 7, 40, 2147483647, 5, 8, 9, 1, 1, 1]);
    // Appends that follow each other in the arena make one span.
    expect(list.spans).toEqual([0, 10]);
  });

  it('shares a span between two lists (a period of both sides, parsed once)', () => {
    const arena = new IdArena();
    const is = new IdList(arena);
    const was = new IdList(arena);
    was.appendText('1,2');
    const start = arena.length;
    is.appendText('3,4,3');
    was.addSpan(start, arena.length);
    was.addSpan(arena.length, arena.length);
    expect(was.toArray()).toEqual([1, 2, 3, 4, 3]);
    expect(was.length).toBe(5);
    expect(is.toArray()).toEqual([3, 4, 3]);
    // Counted once each, across spans.
    expect(markAll(new CustomerMarks(), was).distinct).toBe(4);
  });

  it('pushIds reads a list into an array', () => {
    const ids = [1];
    pushIds(ids, '12,7,40');
    for (const nothing of [null, undefined, '']) pushIds(ids, nothing);
    pushIds(ids, 5);
    expect(ids).toEqual([1, 12, 7, 40, 5]);
  });
});
