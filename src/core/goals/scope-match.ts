/**
 * Matches a goal's scope names against the company's catalog (products, categories, channels, reps,
 * regions, customer segments), across kinds: 「咖啡豆類別」 is looked up as a category as well as a
 * product. A name the data does not hold is reported with the closest names of any kind, never
 * silently dropped (a goal on it would otherwise be graded on the whole company). Words that name
 * the business itself (「咖啡店」 for a coffee company, its own name) are not scopes.
 */
import type { Dimension } from '../kpi/types.ts';
import type { GoalScope, UnknownScopeName } from './types.ts';

export type ScopeCatalog = Partial<Record<Dimension, readonly string[]>>;

/** Kind words written after a name: 「咖啡豆類別」, 「門市通路」, 「台北地區」, "Latte products". */
const KIND_SUFFIX =
  /\s*(?:類別|類|系列|品項|品類|產品線|產品|商品|通路|渠道|地區|區域|區|客群|(?<![A-Za-z])(?:category|categories|products?|line|channels?|region|segment))$/i;
/** Nouns for the business itself. */
const BUSINESS_NOUN =
  /(?:公司|店鋪|店家|商店|門店|店|餐廳|咖啡廳|廳|館|行|坊|工作室|品牌|企業|(?<![A-Za-z])(?:shop|store|company|business|brand|cafe|café))$/i;
const GENERIC_BUSINESS =
  /^(?:本|全|整間|整家|我們的?|自家|our|the|whole)?\s*(?:公司|店鋪|店家|商店|門店|店|品牌|企業|生意|shop|store|company|business|brand)$/i;
/**
 * The same channel or segment said in the other language: an English goal on "online store" means the
 * company's 線上商店 (its names are Chinese; no spelling is close). Each group holds words of one
 * meaning; a name matches a member of the catalog in the same group. Bare "store" and "shop" are left
 * out: they usually name the business itself; so are Chinese words that are only part of a name
 * (「線上」), which are offered as the closest names instead of taken.
 */
const SAME_MEANING: readonly (readonly string[])[] = [
  [
    'online store',
    'online shop',
    'online',
    'e-shop',
    'eshop',
    'webshop',
    'web store',
    'web shop',
    'website',
    'official website',
    'e-commerce',
    'ecommerce',
    '線上商店',
    '網路商店',
    '網店',
    '官網',
    '官方網站',
    '電商',
  ],
  [
    'in-store',
    'in store',
    'physical store',
    'physical stores',
    'retail store',
    'retail stores',
    'brick-and-mortar',
    'brick and mortar',
    'walk-in',
    '門市',
    '實體店',
    '實體門市',
    '實體通路',
    '店面',
  ],
  [
    'delivery',
    'food delivery',
    'delivery platform',
    'delivery platforms',
    'delivery apps',
    '外送平台',
    '外賣',
  ],
  ['wholesale', 'b2b', '批發', '經銷'],
  ['members', 'member', '會員'],
];
const MEANING_OF = new Map<string, number>(
  SAME_MEANING.flatMap((words, i) => words.map((w) => [normalizeName(w), i] as const)),
);
/** The group of meaning of a name (itself or without its kind word), if any. */
const meaningOf = (name: string): number | undefined =>
  MEANING_OF.get(normalizeName(name)) ?? MEANING_OF.get(stem(name));

const MAX_SUGGESTIONS = 3;
const MIN_SIMILARITY = 0.34;

export function normalizeName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const stem = (name: string): string => normalizeName(name).replace(KIND_SUFFIX, '').trim();

/** True when the word names the business itself: a generic noun, or the company's name or industry words. */
export function isBusinessWord(name: string, companyWords: readonly string[]): boolean {
  const n = normalizeName(name);
  if (n === '' || GENERIC_BUSINESS.test(n)) return true;
  const words = companyWords.map(normalizeName).filter((w) => w !== '');
  if (words.some((w) => w === n || w.includes(n))) return true;
  const root = n.replace(BUSINESS_NOUN, '').trim();
  return root !== n && root.length > 0 && words.some((w) => w.includes(root));
}

function bigrams(s: string): string[] {
  const chars = [...s.replace(/\s+/g, '')];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => `${chars[i]}${c}`);
}

/** Similarity in [0, 1]: Dice over character pairs, with containment counted as close. */
export function nameSimilarity(a: string, b: string): number {
  const x = stem(a) || normalizeName(a);
  const y = stem(b) || normalizeName(b);
  if (x === y) return 1;
  if (x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x)))
    return 0.6 + 0.4 * (Math.min(x.length, y.length) / Math.max(x.length, y.length));
  const bx = bigrams(x);
  const by = bigrams(y);
  if (bx.length === 0 || by.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of by) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of bx) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  return (2 * shared) / (bx.length + by.length);
}

/** Where a name is in the catalog: its own kind first, then the others (exact, then without a kind word). */
function locate(
  name: string,
  own: Dimension,
  catalog: ScopeCatalog,
): { dimension: Dimension; name: string } | null {
  const dims = [own, ...(Object.keys(catalog) as Dimension[]).filter((d) => d !== own)];
  for (const key of [normalizeName, stem]) {
    const wanted = key(name);
    if (wanted === '') continue;
    for (const d of dims) {
      const hit = (catalog[d] ?? []).find((m) => key(m) === wanted);
      if (hit !== undefined) return { dimension: d, name: hit };
    }
  }
  // The same meaning in the other language ("online store" for 線上商店), in the name's own kind only.
  const meaning = meaningOf(name);
  if (meaning !== undefined) {
    const hit = (catalog[own] ?? []).find((m) => meaningOf(m) === meaning);
    if (hit !== undefined) return { dimension: own, name: hit };
  }
  return null;
}

export function closestNames(name: string, catalog: ScopeCatalog): { dimension: Dimension; name: string }[] {
  const scored: { dimension: Dimension; name: string; score: number }[] = [];
  for (const [d, members] of Object.entries(catalog) as [Dimension, readonly string[]][])
    for (const m of members) {
      const score = nameSimilarity(name, m);
      if (score >= MIN_SIMILARITY) scored.push({ dimension: d, name: m, score });
    }
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return scored.slice(0, MAX_SUGGESTIONS).map(({ dimension, name: n }) => ({ dimension, name: n }));
}

export interface ScopeMatch {
  /** The names found, each under the kind the data holds it as (in the data's spelling). */
  scope: GoalScope;
  unknown: UnknownScopeName[];
  /** Names dropped because they name the business itself. */
  businessWords: string[];
}

/**
 * `acrossKinds`: a name found under another kind moves there (the reader's guesses of kind); when
 * false (a structured goal), it stays unknown with that kind offered. Business words are dropped.
 */
export function matchScope(
  scope: GoalScope,
  catalog: ScopeCatalog,
  options: { acrossKinds: boolean; companyWords: readonly string[] },
): ScopeMatch {
  const out: GoalScope = {};
  const unknown: UnknownScopeName[] = [];
  const businessWords: string[] = [];
  const add = (d: Dimension, n: string) => {
    const list = out[d] ?? [];
    if (!list.includes(n)) out[d] = [...list, n];
  };
  for (const [d, names] of Object.entries(scope) as [Dimension, string[] | undefined][]) {
    for (const name of names ?? []) {
      const hit = locate(name, d, catalog);
      if (hit && (hit.dimension === d || options.acrossKinds)) {
        add(hit.dimension, hit.name);
        continue;
      }
      if (!hit && isBusinessWord(name, options.companyWords)) {
        businessWords.push(name);
        continue;
      }
      unknown.push({ dimension: d, name, suggestions: hit ? [hit] : closestNames(name, catalog) });
    }
  }
  return { scope: out, unknown, businessWords };
}

/**
 * KPI filter names against the catalog, each kept to its own kind. A name the data holds (ignoring
 * case, width and spacing, or a kind word after it: 「咖啡豆類別」 for the category 咖啡豆) becomes the
 * data's spelling; any other stays in the filter as written (its KPI is zero, as the data holds
 * nothing of it) and is returned unknown with the closest names of any kind, so that a typo is said,
 * not answered with a silent zero.
 */
export function matchFilterNames(
  where: Readonly<Partial<Record<Dimension, readonly string[]>>>,
  catalog: ScopeCatalog,
): { where: Partial<Record<Dimension, string[]>>; unknown: UnknownScopeName[] } {
  const out: Partial<Record<Dimension, string[]>> = {};
  const unknown: UnknownScopeName[] = [];
  for (const [d, names] of Object.entries(where) as [Dimension, readonly string[] | undefined][]) {
    const list: string[] = [];
    for (const name of names ?? []) {
      const hit = locate(name, d, catalog);
      if (hit && hit.dimension === d) {
        if (!list.includes(hit.name)) list.push(hit.name);
        continue;
      }
      if (!list.includes(name)) list.push(name);
      unknown.push({ dimension: d, name, suggestions: hit ? [hit] : closestNames(name, catalog) });
    }
    out[d] = list;
  }
  return { where: out, unknown };
}
