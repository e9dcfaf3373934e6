import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveSeed } from '../../../src/core/demo/seeded-random.ts';
import { fmix32 } from '../../../src/core/hash.ts';

const src = resolve(import.meta.dirname, '../../../src');

function* tsFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* tsFiles(path);
    else if (/\.tsx?$/.test(entry)) yield path;
  }
}

describe('the one hash mixer (murmur3 fmix32)', () => {
  it('gives murmur3’s values, unsigned, from the low 32 bits', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
    expect(fmix32(2)).toBe(0x30f4c306);
    expect(fmix32(-1)).toBe(0x81f16f39);
    expect(fmix32(0xdeadbeef)).toBe(0x0de5c6a9);
    expect(fmix32(0x1_0000_0001)).toBe(fmix32(1));
  });

  it('keeps the demo’s seeds as they were (same seed, same demo shop)', () => {
    expect(deriveSeed(1, 2, 3)).toBe(556913344);
    expect(deriveSeed(42)).toBe(3126201161);
  });

  it('is written once: core/hash.ts (the roll-up accumulator keeps a hash of its own)', () => {
    const finaliser = /h \^= h >>> 16;\s*h = Math\.imul\(h, 0x85ebca6b\)/;
    const copies = [...tsFiles(src)]
      .filter((f) => finaliser.test(readFileSync(f, 'utf8')))
      .map((f) => relative(src, f));
    expect(copies).toEqual(['core/hash.ts']);
  });
});
