/**
 * The one hash mixer: murmur3's 32-bit finaliser (fmix32), which spreads every bit of its input over
 * every bit of its output. Pure integer maths, for the demo's seeds (core/demo/seeded-random.ts) and
 * the import's line fingerprints (db/imports/line-keys.ts).
 */

/** murmur3's fmix32 of the low 32 bits of `h`, as an unsigned 32-bit integer. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
