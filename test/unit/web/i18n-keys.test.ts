import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../src/web/i18n/en.json' with { type: 'json' };
import zhTW from '../../../src/web/i18n/zh-TW.json' with { type: 'json' };

type Messages = { [key: string]: string | Messages };

/** Every leaf key as a dotted path ("nav.profile"). */
function leafKeys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v, `${prefix}${k}.`),
  );
}

/** Every key prefix that names an object ("stages", "stages.startup"). */
function branchKeys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) =>
    typeof v === 'string' ? [] : [`${prefix}${k}`, ...branchKeys(v, `${prefix}${k}.`)],
  );
}

function interpolations(messages: Messages): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of leafKeys(messages)) {
    const value = key
      .split('.')
      .reduce<string | Messages>((m, k) => (typeof m === 'string' ? m : (m[k] ?? '')), messages);
    out.set(key, [...String(value).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort());
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const zh = zhTW as Messages;
const enMessages = en as Messages;
const webDir = join(import.meta.dirname, '../../../src/web');

describe('i18n message files', () => {
  it('zh-TW and English have exactly the same keys', () => {
    const zhKeys = leafKeys(zh).sort();
    const enKeys = leafKeys(enMessages).sort();
    expect(
      zhKeys.filter((k) => !enKeys.includes(k)),
      'keys missing in en.json',
    ).toEqual([]);
    expect(
      enKeys.filter((k) => !zhKeys.includes(k)),
      'keys missing in zh-TW.json',
    ).toEqual([]);
  });

  it('every message uses the same {{placeholders}} in both languages', () => {
    const zhVars = interpolations(zh);
    const enVars = interpolations(enMessages);
    const differing = [...zhVars.entries()].filter(
      ([k, v]) => JSON.stringify(v) !== JSON.stringify(enVars.get(k)),
    );
    expect(differing.map(([k]) => k)).toEqual([]);
  });

  it('no message is empty', () => {
    const empty = [zh, enMessages].flatMap((m) =>
      leafKeys(m).filter((k) => {
        const v = k
          .split('.')
          .reduce<string | Messages>((acc, p) => (typeof acc === 'string' ? acc : (acc[p] ?? '')), m);
        return typeof v === 'string' && v.trim() === '';
      }),
    );
    expect(empty).toEqual([]);
  });

  it("every t('...') key used in src/web exists (template keys: their fixed prefix exists)", () => {
    const leaves = new Set(leafKeys(zh));
    const branches = new Set(branchKeys(zh));
    const missing: string[] = [];
    let seen = 0;
    for (const file of sourceFiles(webDir)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*(['"`])((?:(?!\1).)+)\1/g)) {
        const key = m[2] ?? '';
        seen++;
        if (key.includes('${')) {
          // `stages.${stage}.label`: the part before the first placeholder must be an object of messages
          const prefix = key.slice(0, key.indexOf('${')).replace(/\.$/, '');
          if (!branches.has(prefix)) missing.push(`${file}: ${key}`);
        } else if (!leaves.has(key)) {
          missing.push(`${file}: ${key}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
