import { describe, expect, it } from 'vitest';
import { matchFilterNames, type ScopeCatalog } from '../../../src/core/goals/index.ts';

const catalog: ScopeCatalog = {
  product: ['拿鐵', 'Cold Brew', '咖啡豆禮盒'],
  category: ['咖啡豆', '飲品'],
  channel: ['門市', '線上商店'],
};

describe('KPI filter names against the catalog', () => {
  it('takes the data’s spelling for names that differ in case, width, spacing or a kind word', () => {
    const m = matchFilterNames(
      { product: ['cold  brew', 'ＣＯＬＤ BREW'], category: ['咖啡豆類別'] },
      catalog,
    );
    expect(m.where).toEqual({ product: ['Cold Brew'], category: ['咖啡豆'] });
    expect(m.unknown).toEqual([]);
  });

  it('keeps an unknown name in the filter (its KPI is zero) and returns it with the closest names', () => {
    const m = matchFilterNames({ product: ['拿鐵X'], channel: ['門市'] }, catalog);
    expect(m.where).toEqual({ product: ['拿鐵X'], channel: ['門市'] });
    expect(m.unknown).toEqual([
      { dimension: 'product', name: '拿鐵X', suggestions: [{ dimension: 'product', name: '拿鐵' }] },
    ]);
  });

  it('a name of another kind stays unknown in its own kind and offers that kind', () => {
    const m = matchFilterNames({ product: ['咖啡豆'] }, catalog);
    expect(m.where).toEqual({ product: ['咖啡豆'] });
    expect(m.unknown).toEqual([
      { dimension: 'product', name: '咖啡豆', suggestions: [{ dimension: 'category', name: '咖啡豆' }] },
    ]);
  });

  it('a name like nothing in the data gets no suggestions', () => {
    expect(matchFilterNames({ region: ['高雄'] }, catalog).unknown).toEqual([
      { dimension: 'region', name: '高雄', suggestions: [] },
    ]);
  });

  it('an English channel word finds the company’s Chinese channel of that meaning, in its own kind only', () => {
    const m = matchFilterNames({ channel: ['online store', 'In-Store'] }, catalog);
    expect(m.where).toEqual({ channel: ['線上商店', '門市'] });
    expect(m.unknown).toEqual([]);
    expect(matchFilterNames({ channel: ['Online shop channel'] }, catalog).where).toEqual({
      channel: ['線上商店'],
    });
    // Not across kinds, and nothing for a meaning the catalog lacks (no delivery channel here).
    expect(matchFilterNames({ product: ['online store'] }, catalog).unknown).toHaveLength(1);
    expect(matchFilterNames({ channel: ['food delivery'] }, catalog).unknown).toHaveLength(1);
  });
});
