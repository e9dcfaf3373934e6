import { Tooltip, Typography } from 'antd';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Locale } from '../../../contract/common.ts';
import type { KpiUnit } from '../kpi/kpi-view.ts';
import type { PlanNode } from './plan-api.ts';
import { formatShare, formatValue, gridTotals, type LevelGrid, noDataText, nodeState } from './plan-view.ts';

export interface PlanGridProps {
  node: PlanNode;
  grid: LevelGrid;
  additive: boolean;
  unit: KpiUnit;
  currency: string;
  lang: Locale;
  canWrite: boolean;
  /** The tree's day: a closed level without a value says so (no orders: no AOV). */
  today: string;
  pending: string | null;
  onEdit: (child: PlanNode, target: number) => void;
  onToggleLock: (child: PlanNode) => void;
  onOpen: (child: PlanNode) => void;
  onUp: () => void;
}

/** "NT$1,234.5" or "1 234,5" typed by hand → 1234.5; null when it is not a number. */
export function parseTyped(text: string): number | null {
  const cleaned = text.replace(/NT\$|[$,\s%]/g, '');
  if (cleaned === '' || !/^-?\d*\.?\d*$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

/** A small padlock, closed or open (no icon font in the bundle). */
export function LockIcon({ locked }: { locked: boolean }) {
  return (
    <svg
      width="13"
      height="13"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      style={{ verticalAlign: -2 }}
    >
      <rect
        x="4"
        y="11"
        width="16"
        height="10"
        rx="2"
        fill={locked ? '#0f766e' : 'none'}
        stroke={locked ? '#0f766e' : '#94a3b8'}
        strokeWidth="2"
      />
      <path
        d={locked ? 'M8 11V7a4 4 0 0 1 8 0v4' : 'M8 11V7a4 4 0 0 1 7.5-2'}
        fill="none"
        stroke={locked ? '#0f766e' : '#94a3b8'}
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

const cellKey = (n: PlanNode) => `${n.periodId ?? n.period.start}${n.member === null ? '' : `|${n.member}`}`;

const th: React.CSSProperties = {
  padding: '6px 10px',
  background: '#fafafa',
  borderBottom: '1px solid #f0f0f0',
  fontWeight: 600,
  whiteSpace: 'nowrap',
  textAlign: 'right',
};
const td: React.CSSProperties = {
  padding: '6px 10px',
  borderBottom: '1px solid #f0f0f0',
  textAlign: 'right',
  verticalAlign: 'top',
  whiteSpace: 'nowrap',
  minWidth: 128,
};

/**
 * One level of a plan as a spreadsheet: arrow keys move, Enter or typing edits, Enter/Tab commit and
 * move on, Escape cancels, L or Space locks, Ctrl+↓ opens a cell's own level, Ctrl+↑ goes up.
 */
export function PlanGrid(p: PlanGridProps) {
  const { t } = useTranslation();
  const { grid } = p;
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const [editing, setEditing] = useState<string | null>(null);
  const refs = useRef<Map<string, HTMLTableCellElement>>(new Map());
  const tableRef = useRef<HTMLTableElement>(null);
  const totals = p.additive ? gridTotals(grid) : null;
  const nRows = grid.rows.length;
  const nCols = grid.cols.length;

  useEffect(() => {
    if (!tableRef.current?.contains(document.activeElement)) return;
    if (editing !== null) return;
    refs.current.get(`${active[0]}:${active[1]}`)?.focus();
  }, [active, editing]);

  const cellAt = (r: number, c: number) => grid.cells[r]?.[c] ?? null;
  const move = (dr: number, dc: number) =>
    setActive(([r, c]) => [
      Math.min(nRows - 1, Math.max(0, r + dr)),
      Math.min(nCols - 1, Math.max(0, c + dc)),
    ]);
  const editable = (n: PlanNode | null) => p.canWrite && n !== null;

  const commit = (n: PlanNode, text: string) => {
    setEditing(null);
    const v = parseTyped(text);
    if (v === null || v === n.target) return;
    p.onEdit(n, v);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const [r, c] = active;
    const n = cellAt(r, c);
    if (editing !== null) {
      const input = e.target as HTMLInputElement;
      if (!n) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        commit(n, input.value);
        move(1, 0);
        refs.current.get(`${r}:${c}`)?.focus();
      } else if (e.key === 'Tab') {
        e.preventDefault();
        commit(n, input.value);
        move(0, e.shiftKey ? -1 : 1);
        refs.current.get(`${r}:${c}`)?.focus();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        setEditing(null);
        refs.current.get(`${r}:${c}`)?.focus();
      }
      return;
    }
    const keys: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if ((e.ctrlKey || e.metaKey) && e.key === 'ArrowDown') {
      e.preventDefault();
      if (n && n.children.length > 0) p.onOpen(n);
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key === 'ArrowUp') {
      e.preventDefault();
      p.onUp();
      return;
    }
    const k = keys[e.key];
    if (k) {
      e.preventDefault();
      move(k[0], k[1]);
    } else if (e.key === 'Tab') {
      const atEdge = e.shiftKey ? r === 0 && c === 0 : r === nRows - 1 && c === nCols - 1;
      if (atEdge) return;
      e.preventDefault();
      if (e.shiftKey) setActive(c > 0 ? [r, c - 1] : [r - 1, nCols - 1]);
      else setActive(c < nCols - 1 ? [r, c + 1] : [r + 1, 0]);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      if (editable(n) && n) setEditing(String(n.target));
    } else if ((e.key === 'l' || e.key === 'L' || e.key === ' ') && editable(n) && n) {
      e.preventDefault();
      p.onToggleLock(n);
    } else if (/^[\d.-]$/.test(e.key) && editable(n) && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      setEditing(e.key);
    }
  };

  const cell = (n: PlanNode | null, r: number, c: number) => {
    const isActive = active[0] === r && active[1] === c;
    const style: React.CSSProperties = {
      ...td,
      outline: isActive ? '2px solid #0f766e' : undefined,
      outlineOffset: -2,
      background: n?.locked ? '#f0fdfa' : undefined,
      cursor: n ? 'cell' : 'default',
    };
    const refKey = `${r}:${c}`;
    const common = {
      ref: (el: HTMLTableCellElement | null) => {
        if (el) refs.current.set(refKey, el);
        else refs.current.delete(refKey);
      },
      tabIndex: isActive ? 0 : -1,
      onClick: () => setActive([r, c]),
      onDoubleClick: () => {
        setActive([r, c]);
        if (editable(n) && n) setEditing(String(n.target));
      },
    };
    if (!n)
      return (
        <td key={refKey} {...common} style={style}>
          <Typography.Text type="secondary">—</Typography.Text>
        </td>
      );
    const gap = n.mismatch !== null && n.mismatch !== 0;
    return (
      <td
        key={refKey}
        {...common}
        style={style}
        data-testid={`plan-cell-${cellKey(n)}`}
        data-locked={n.locked ? 'true' : 'false'}
        data-target={String(n.target)}
        aria-label={`${grid.rows[r]?.label ?? ''} ${grid.cols[c]?.label ?? ''}`}
      >
        {isActive && editing !== null ? (
          <input
            // biome-ignore lint/a11y/noAutofocus: the spreadsheet's editor takes the keys at once
            autoFocus
            data-testid="plan-cell-input"
            aria-label={t('plan.grid.editTarget')}
            defaultValue={editing}
            inputMode="decimal"
            onBlur={(e) => commit(n, e.currentTarget.value)}
            style={{ width: 120, textAlign: 'right', font: 'inherit', padding: '2px 4px' }}
          />
        ) : (
          <div style={{ fontWeight: 600, opacity: p.pending === n.id ? 0.5 : 1 }}>
            {formatValue(n.target, p.unit, p.currency, p.lang)}
          </div>
        )}
        <div style={{ fontSize: 12, color: '#64748b', display: 'flex', gap: 6, justifyContent: 'flex-end' }}>
          {p.additive && <span data-testid="plan-cell-share">{formatShare(n.share, p.lang)}</span>}
          {n.actual !== null && (
            // Said in words: a check mark read as "reached" beside a target far from reached.
            <span data-testid="plan-cell-actual">
              {t('plan.grid.actual')} {formatValue(n.actual, p.unit, p.currency, p.lang)}
            </span>
          )}
        </div>
        {nodeState(n, p.today, p.additive) === 'closed-no-data' && (
          // Over with no value (no orders: no AOV): not in progress, not 0, neither reached nor missed.
          <div
            data-testid="plan-cell-no-data"
            style={{
              fontSize: 12,
              color: '#64748b',
              whiteSpace: 'normal',
              maxWidth: 180,
              marginInlineStart: 'auto',
            }}
          >
            {noDataText(n.metric, p.lang)}
          </div>
        )}
        <div style={{ fontSize: 12, display: 'flex', gap: 8, justifyContent: 'flex-end', marginTop: 2 }}>
          {gap && (
            <Tooltip title={t('plan.grid.childGap')}>
              <span style={{ color: '#b45309' }} data-testid="plan-cell-gap">
                ⚠
              </span>
            </Tooltip>
          )}
          <button
            type="button"
            tabIndex={-1}
            disabled={!p.canWrite}
            onClick={(e) => {
              e.stopPropagation();
              p.onToggleLock(n);
            }}
            aria-label={n.locked ? t('plan.grid.unlock') : t('plan.grid.lock')}
            title={n.locked ? t('plan.grid.unlock') : t('plan.grid.lock')}
            data-testid="plan-cell-lock"
            style={{ border: 0, background: 'none', padding: 0, cursor: p.canWrite ? 'pointer' : 'default' }}
          >
            <LockIcon locked={n.locked} />
          </button>
          {n.children.length > 0 && (
            <button
              type="button"
              tabIndex={-1}
              onClick={(e) => {
                e.stopPropagation();
                p.onOpen(n);
              }}
              data-testid="plan-cell-open"
              title={t('plan.grid.openLevel')}
              style={{ border: 0, background: 'none', padding: 0, color: '#0f766e', cursor: 'pointer' }}
            >
              ▸ {n.children.length}
            </button>
          )}
          <Link
            to={`/goals/${n.id}`}
            tabIndex={-1}
            title={t('plan.grid.openGoal')}
            onClick={(e) => e.stopPropagation()}
          >
            ↗
          </Link>
        </div>
      </td>
    );
  };

  const corner = grid.transposed ? t('plan.grid.period') : grid.byMember ? t('plan.grid.member') : '';
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        ref={tableRef}
        aria-label={t('plan.grid.label')}
        data-testid="plan-grid"
        onKeyDown={onKeyDown}
        style={{ borderCollapse: 'collapse', minWidth: '100%', fontVariantNumeric: 'tabular-nums' }}
      >
        <thead>
          <tr>
            <th style={{ ...th, textAlign: 'left' }}>{corner}</th>
            {grid.cols.map((c) => (
              <th key={c.key} style={th} scope="col">
                {c.label}
              </th>
            ))}
            {totals && nCols > 1 && (
              <th style={th} scope="col">
                {t('plan.grid.total')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row, r) => (
            <tr key={row.key}>
              <th style={{ ...th, textAlign: 'left', background: '#fff' }} scope="row">
                {row.label}
              </th>
              {grid.cols.map((_, c) => cell(grid.cells[r]?.[c] ?? null, r, c))}
              {totals && nCols > 1 && (
                <td style={{ ...td, fontWeight: 600 }} data-testid="plan-row-total">
                  {formatValue(totals.rows[r], p.unit, p.currency, p.lang)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
        {totals && nRows > 1 && (
          <tfoot>
            <tr>
              <th style={{ ...th, textAlign: 'left' }} scope="row">
                {t('plan.grid.total')}
              </th>
              {totals.cols.map((v, c) => (
                <td key={grid.cols[c]?.key} style={{ ...td, fontWeight: 600 }}>
                  {formatValue(v, p.unit, p.currency, p.lang)}
                </td>
              ))}
              {nCols > 1 && (
                <td style={{ ...td, fontWeight: 700 }} data-testid="plan-grand-total">
                  {formatValue(totals.all, p.unit, p.currency, p.lang)}
                </td>
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
