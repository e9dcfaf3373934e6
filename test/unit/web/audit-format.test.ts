import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../../src/app/team/ports.ts';
import type { AuditEntry } from '../../../src/contract/audit.ts';
import { PERMISSIONS } from '../../../src/core/access/permissions.ts';
import {
  type AuditFormat,
  auditActionKey,
  auditActionLabel,
  auditDetailLines,
  auditTargetLabel,
} from '../../../src/web/features/audit/audit-format.ts';
import en from '../../../src/web/i18n/en.json' with { type: 'json' };
import zhTW from '../../../src/web/i18n/zh-TW.json' with { type: 'json' };

const srcDir = join(import.meta.dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'web' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

/**
 * Every action string the server code records: `action: '…'` (or a choice of literals) in an object
 * given to the audit repository, and the literal actions handed to helpers that record them.
 */
function recordedActions(): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('audit.append')) continue;
    for (const m of text.matchAll(/\baction:\s*([^,\n}]+)/g))
      for (const lit of (m[1] ?? '').matchAll(/'([a-z_]+\.[a-z_]+)'/g)) found.add(lit[1] ?? '');
    // A helper that records for its caller: the action literal is its last argument (a permission
    // checked by authorize() is not an action).
    for (const m of text.matchAll(/,\s*'([a-z_]+\.[a-z_]+)'\s*,?\s*\);/g)) {
      const action = m[1] ?? '';
      if (!(action in PERMISSIONS)) found.add(action);
    }
  }
  return found;
}

const lookup = (messages: object, key: string) =>
  key
    .split('.')
    .reduce<unknown>(
      (m, k) => (m && typeof m === 'object' ? (m as Record<string, unknown>)[k] : undefined),
      messages,
    );

let zhT: TFunction;
let enT: TFunction;
beforeAll(async () => {
  const zh = i18next.createInstance();
  await zh.init({
    lng: 'zh-TW',
    resources: { 'zh-TW': { translation: zhTW } },
    interpolation: { escapeValue: false },
  });
  zhT = zh.t;
  const e = i18next.createInstance();
  await e.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  enT = e.t;
});

const fmt = (lang: 'zh-TW' | 'en', goalName?: (id: string) => string | undefined): AuditFormat => ({
  t: lang === 'en' ? enT : zhT,
  has: (key) => typeof lookup(lang === 'en' ? en : zhTW, key) === 'string',
  lang,
  goalName,
});

const entry = (e: Partial<AuditEntry>): AuditEntry => ({
  id: '1',
  at: '2026-12-07T15:44:00.000Z',
  userName: '示範店長',
  action: 'goal.created',
  entity: 'goal',
  entityId: 'a356ecd6-eae5-4add-8876-ba26efde2b89',
  details: {},
  ...e,
});

describe('audit log in words', () => {
  it('every action the server records is in AUDIT_ACTIONS', () => {
    const recorded = recordedActions();
    expect(recorded.size).toBeGreaterThan(20);
    expect([...recorded].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
  });

  it('every recorded action has a label in zh-TW and English', () => {
    const actions = new Set<string>([...AUDIT_ACTIONS, ...recordedActions()]);
    const missing = [...actions].flatMap((a) =>
      [
        ['zh-TW', zhTW],
        ['en', en],
      ].flatMap(([lang, messages]) =>
        typeof lookup(messages as object, auditActionKey(a)) === 'string' ? [] : [`${lang}: ${a}`],
      ),
    );
    expect(missing).toEqual([]);
  });

  it('shows actions in the reader’s language; an unknown one falls back to its key', () => {
    expect(auditActionLabel('goal.created', fmt('zh-TW'))).toBe('建立目標');
    expect(auditActionLabel('import.committed', fmt('en'))).toBe('Imported a file');
    expect(auditActionLabel('user.logged_in', fmt('zh-TW'))).toBe('登入');
    expect(auditActionLabel('future.thing', fmt('zh-TW'))).toBe('future.thing');
  });

  it('shows the target as a readable kind and name, never a bare UUID', () => {
    const companyId = '4b2ab133-7f7e-429c-b819-ecf5a3fa3e3e';
    const zh = fmt('zh-TW');
    expect(auditTargetLabel(entry({ entity: 'company_profile', entityId: companyId }), zh)).toBe('公司資料');
    expect(auditTargetLabel(entry({ entity: 'market_analysis', entityId: companyId }), fmt('en'))).toBe(
      'Market analysis',
    );
    expect(auditTargetLabel(entry({ details: { name: '下個月營收翻倍' } }), zh)).toBe(
      '目標「下個月營收翻倍」',
    );
    expect(auditTargetLabel(entry({ details: { name: 'Double revenue' } }), fmt('en'))).toBe(
      'Goal “Double revenue”',
    );
    // No name in the entry: a lookup of the company's goals names it, else the kind and a short id.
    const byId = entry({ action: 'plan.replanned', details: { mode: 'spread' } });
    expect(
      auditTargetLabel(
        byId,
        fmt('zh-TW', () => '第四季營收 360 萬'),
      ),
    ).toBe('目標「第四季營收 360 萬」');
    expect(auditTargetLabel(byId, zh)).toBe('目標 · a356ecd6');
    expect(auditTargetLabel(entry({ entity: 'company', entityId: companyId }), zh)).toBe('公司');
    expect(auditTargetLabel(entry({ entity: 'future_thing', entityId: companyId }), zh)).toBe(
      'future_thing · 4b2ab133',
    );
  });

  it('shows details as field: old → new pairs, not JSON', () => {
    const zh = fmt('zh-TW');
    const profile = entry({
      action: 'profile.saved',
      entity: 'company_profile',
      details: { stage: { from: 'startup', to: 'fast_growth' }, fiscalYearStartMonth: { from: 1, to: 4 } },
    });
    const lines = auditDetailLines(profile, zh);
    expect(lines[0]).toBe(
      `${zhTW.profile.stage}: ${zhTW.stages.startup.label} → ${zhTW.stages.fast_growth.label}`,
    );
    expect(lines[1]).toMatch(/: 1 → 4$/);
    expect(
      auditDetailLines(
        entry({
          action: 'member.role_changed',
          entity: 'member',
          details: { from: 'member', to: 'manager' },
        }),
        fmt('en'),
      ),
    ).toEqual(['Role: Member → Manager']);
    const imported = entry({
      action: 'import.committed',
      entity: 'import',
      details: { kind: 'sales', fileName: 'sales.csv', added: 198358, duplicates: 0, rejected: 2 },
    });
    expect(auditDetailLines(imported, fmt('en'))).toEqual([
      'Kind: Sales lines',
      'File: sales.csv',
      'Lines added: 198,358',
      'Duplicates: 0',
      'Rejected: 2',
    ]);
    // A name shown as the target is not repeated; a list of ids says how many.
    expect(auditDetailLines(entry({ details: { name: 'x' } }), zh)).toEqual([]);
    const edited = entry({
      action: 'plan.child_edited',
      details: {
        reason: '颱風',
        changed: ['a356ecd6-eae5-4add-8876-ba26efde2b89', '4b2ab133-7f7e-429c-b819-ecf5a3fa3e3e'],
      },
    });
    expect(auditDetailLines(edited, zh)).toEqual(['原因: 颱風', '變更的目標數: 2']);
    for (const line of [...lines, ...auditDetailLines(imported, zh)]) expect(line).not.toMatch(/[{}"]/);
  });
});
