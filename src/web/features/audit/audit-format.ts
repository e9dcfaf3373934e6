/**
 * How an audit entry reads on screen: its action in words, its target as a readable kind (and name,
 * when the entry or a lookup gives one), its details as "field: old → new" pairs, never JSON.
 */
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../contract/audit.ts';
import type { Locale } from '../../../contract/common.ts';
import { formatLocalDate, formatNumber } from '../../i18n/format.ts';

/** Whether a message key exists (i18next's `exists`). */
export type HasKey = (key: string) => boolean;

export interface AuditFormat {
  t: TFunction;
  has: HasKey;
  lang: Locale;
  /** A goal's name from the goals the page knows, when the entry itself names none. */
  goalName?: ((id: string) => string | undefined) | undefined;
}

/** "goal.created" → its message key, "auditActions.goal_created". */
export const auditActionKey = (action: string) => `auditActions.${action.replace(/\./g, '_')}`;

/** The action in the reader's language; an action without a label (a newer server) shows its key. */
export function auditActionLabel(action: string, f: AuditFormat): string {
  const key = auditActionKey(action);
  return f.has(key) ? f.t(key) : action;
}

/** Targets that are the company itself or one of its singletons: the kind says it all. */
const SINGLETONS = new Set(['company', 'company_profile', 'market_analysis']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const shortId = (id: string) =>
  UUID.test(id) ? id.slice(0, 8) : id.length > 12 ? `${id.slice(0, 12)}…` : id;

function entityKind(entity: string, f: AuditFormat): string {
  const key = `auditEntities.${entity}`;
  return f.has(key) ? f.t(key) : entity;
}

/** The name the target goes by, from the entry's details or a lookup; the key it came from. */
function targetName(e: AuditEntry, f: AuditFormat): { name: string; from: string | null } | null {
  const d = e.details;
  if (e.entity === 'goal' && e.entityId) {
    const looked = f.goalName?.(e.entityId);
    if (looked) return { name: looked, from: typeof d.name === 'string' ? 'name' : null };
  }
  for (const key of ['name', 'email']) {
    const v = d[key];
    if (typeof v === 'string' && v.trim() !== '') return { name: v, from: key };
  }
  return null;
}

/** "公司資料", "目標「下個月營收翻倍」", "API 金鑰 · 4f5befa5": never a bare UUID. */
export function auditTargetLabel(e: AuditEntry, f: AuditFormat): string {
  const kind = entityKind(e.entity, f);
  if (SINGLETONS.has(e.entity) && e.entity !== 'company') return kind;
  const named = targetName(e, f);
  if (named) return f.t('audit.named', { kind, name: clip(named.name, 60) });
  if (e.entity === 'company' || !e.entityId) return kind;
  return `${kind} · ${shortId(e.entityId)}`;
}

function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function fieldLabel(key: string, entity: string, f: AuditFormat): string {
  const candidates = [`auditFields.${key}`];
  if (entity === 'company_profile') candidates.unshift(`profile.${key}`);
  if (entity === 'goal') candidates.push(`goals.fields.${key}`);
  const found = candidates.find((k) => f.has(k));
  return found ? f.t(found) : key;
}

/** A value in words: a role or stage by its name, a date in the reader's format, a list by its items. */
function valueText(key: string, v: unknown, entity: string, f: AuditFormat): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return f.t(v ? 'audit.yes' : 'audit.no');
  if (typeof v === 'number') return formatNumber(v, f.lang);
  if (typeof v === 'string') {
    const named = [`roles.${v}`, `stages.${v}.label`, `goals.replanNote.${v}`, `imports.kinds.${v}.label`];
    const known =
      key === 'role'
        ? named[0]
        : key === 'stage'
          ? named[1]
          : key === 'mode'
            ? named[2]
            : key === 'kind'
              ? named[3]
              : key === 'by' && v === 'operator'
                ? 'audit.operator'
                : undefined;
    if (known && f.has(known)) return f.t(known);
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatLocalDate(v, f.lang);
    return clip(v);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return '—';
    // A list of ids says how many; a list of words shows them.
    if (v.every((x) => typeof x === 'string' && UUID.test(x))) return formatNumber(v.length, f.lang);
    return clip(v.map((x) => valueText(key, x, entity, f)).join('、'));
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'string' && typeof o.end === 'string' && Object.keys(o).length === 2)
      return `${formatLocalDate(o.start, f.lang)} – ${formatLocalDate(o.end, f.lang)}`;
    return clip(
      Object.entries(o)
        .filter(([, x]) => x !== null && x !== undefined && x !== '')
        .map(([k, x]) => `${fieldLabel(k, entity, f)} ${valueText(k, x, entity, f)}`)
        .join(', '),
    );
  }
  return clip(String(v));
}

const isChange = (v: unknown): v is { from: unknown; to: unknown } =>
  !!v &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  'from' in v &&
  'to' in v &&
  Object.keys(v).length === 2;

/**
 * The entry's details as readable lines: "角色: 業務成員 → 經理", "公司階段: 新創期 → 快速成長期",
 * "檔案: sales.csv"; a name already shown as the target is not repeated.
 */
export function auditDetailLines(e: AuditEntry, f: AuditFormat): string[] {
  const d = { ...e.details };
  const named = targetName(e, f);
  if (named?.from) delete d[named.from];
  const lines: string[] = [];
  if (isChange(d)) {
    // The whole entry is one change: a role (member.role_changed) or a name (company.renamed).
    const key = e.action === 'member.role_changed' ? 'role' : 'name';
    return [
      `${fieldLabel(key, e.entity, f)}: ${valueText(key, d.from, e.entity, f)} → ${valueText(key, d.to, e.entity, f)}`,
    ];
  }
  for (const [key, v] of Object.entries(d)) {
    const label = fieldLabel(key, e.entity, f);
    if (isChange(v))
      lines.push(`${label}: ${valueText(key, v.from, e.entity, f)} → ${valueText(key, v.to, e.entity, f)}`);
    else lines.push(`${label}: ${valueText(key, v, e.entity, f)}`);
  }
  return lines;
}
