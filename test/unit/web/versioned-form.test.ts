import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { changedFields } from '../../../src/web/lib/versioned-form/changed-fields.ts';

describe('versioned form: what the other person changed', () => {
  it('lists the top-level fields whose content differs, comparing nested values by content', () => {
    const before = {
      industry: '烘焙',
      description: 'a',
      objectives: [{ id: 'o1', title: 'x' }],
      period: [dayjs('2026-01-01'), dayjs('2026-03-31')],
    };
    const after = {
      industry: '烘焙與咖啡',
      description: 'a',
      objectives: [{ id: 'o1', title: 'x' }],
      period: [dayjs('2026-01-01'), dayjs('2026-03-31')],
    };
    expect(changedFields(before, after)).toEqual(['industry']);
    expect(
      changedFields(before, {
        ...after,
        industry: '烘焙',
        period: [dayjs('2026-01-01'), dayjs('2026-04-30')],
      }),
    ).toEqual(['period']);
    expect(changedFields(before, { ...before, objectives: [{ id: 'o1', title: 'y' }] })).toEqual([
      'objectives',
    ]);
  });

  it('treats a missing field and null alike, and a field only one side has as changed', () => {
    expect(changedFields<Record<string, unknown>>({ a: null }, {})).toEqual([]);
    expect(changedFields<Record<string, unknown>>({}, { notes: 'new' })).toEqual(['notes']);
  });
});
