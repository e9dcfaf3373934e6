import type { MarketingMapping, SalesMapping, SatisfactionMapping } from './fields.ts';
import { trimCell } from './half-width.ts';
import { classifyReturnStatus, classifyStatus, type LineFacts } from './order-facts.ts';
import { currencyCode, parseAmount, parseInteger, parseQuantity } from './parse-amount.ts';
import { parseDate, parseTime } from './parse-date.ts';
import type { LineProblem, MarketingRecord, SalesRecord, SatisfactionRecord } from './records.ts';

export interface NormalizeOptions {
  /** 31/01/2024 (true) or 01/31/2024 (false); null: not known (only unambiguous values are read). */
  dayFirst: boolean | null;
  /** Minor-unit digits of the company currency (TWD 2, JPY 0). */
  currencyExponent: number;
  /** The company's IANA time zone; dates with a zone offset are converted to it. */
  timeZone: string;
  /** The file's header row, to name the column of a problem; else 「#3」-style column numbers. */
  headers?: readonly string[];
  /** Longest accepted name or code (default 200 characters; comments 2,000). */
  maxTextLength?: number;
  /** One channel for every line of a file without a channel column (a single-platform export). */
  channel?: string | null;
  /** The file's currency (ISO code): a line whose currency column names another is a problem line. */
  fileCurrency?: string | null;
}

/** The product of the lines of a file without a product column (an order-level export). */
export const NO_PRODUCT = '(未列產品 no product)';

export type NormalizeResult<R> =
  | { ok: true; record: R; facts?: LineFacts | null }
  | { ok: false; problems: LineProblem[] };

export const MAX_TEXT_LENGTH = 200;
export const MAX_COMMENT_LENGTH = 2000;
const VALUE_CUT = 200;

/** Collects problems for one line; allocated only when the line has one. */
class Problems {
  list: LineProblem[] | null = null;
  constructor(
    readonly line: number,
    readonly headers: readonly string[] | undefined,
  ) {}
  add(column: number | null, field: string, code: string, value: string | null): void {
    const name = column === null ? field : (this.headers?.[column] ?? `#${column + 1}`);
    const v = value === null ? null : value.length > VALUE_CUT ? value.slice(0, VALUE_CUT) : value;
    const problem = { line: this.line, column: name, code, value: v };
    if (this.list === null) this.list = [problem];
    else this.list.push(problem);
  }
}

function rawCell(cells: readonly string[], col: number | null): string {
  if (col === null) return '';
  const v = cells[col];
  return v === undefined ? '' : trimCell(v);
}

function text(
  cells: readonly string[],
  col: number | null,
  field: string,
  max: number,
  p: Problems,
): string | null {
  const v = rawCell(cells, col);
  if (v.length === 0) return null;
  if (v.length > max) {
    p.add(col, field, 'TEXT_TOO_LONG', v);
    return null;
  }
  return v;
}

function required(
  cells: readonly string[],
  col: number | null,
  field: string,
  max: number,
  p: Problems,
): string {
  const v = text(cells, col, field, max, p);
  if (v === null && (col === null || rawCell(cells, col).length === 0))
    p.add(col, field, 'REQUIRED_MISSING', null);
  return v ?? '';
}

interface DateTime {
  date: string;
  time: string | null;
}

function dateField(
  cells: readonly string[],
  col: number | null,
  o: NormalizeOptions,
  p: Problems,
): DateTime | null {
  const v = rawCell(cells, col);
  if (v.length === 0) {
    p.add(col, 'date', 'REQUIRED_MISSING', null);
    return null;
  }
  const r = parseDate(v, o);
  if (!r.ok) {
    // A value that only the other day/month order reads: the chosen order is wrong for this file.
    const other =
      r.code === 'DATE_INVALID' && o.dayFirst !== null ? parseDate(v, { ...o, dayFirst: !o.dayFirst }) : null;
    // One it reads as a day its month lacks (02/30/2026 day-first): that day does not exist.
    const code = other?.ok ? 'DATE_ORDER_CONTRADICTS' : (other?.code === 'DATE_NONEXISTENT' ? other : r).code;
    p.add(col, 'date', code, v);
    return null;
  }
  return r;
}

function amountField(
  cells: readonly string[],
  col: number | null,
  field: string,
  exponent: number,
  p: Problems,
): number | null {
  const v = rawCell(cells, col);
  if (v.length === 0) return null;
  const r = parseAmount(v, { exponent });
  if (!r.ok) {
    p.add(col, field, r.code, v);
    return null;
  }
  return r.minor;
}

function countField(cells: readonly string[], col: number | null, field: string, p: Problems): number {
  const v = rawCell(cells, col);
  if (v.length === 0) return 0;
  const r = parseInteger(v);
  if (!r.ok) {
    p.add(col, field, r.code, v);
    return 0;
  }
  if (r.value < 0) {
    p.add(col, field, 'NUMBER_NEGATIVE', v);
    return 0;
  }
  return r.value;
}

/**
 * One sales line → a SalesRecord, or every problem of the line. Needs a date, a product and an
 * amount (the file's, else quantity × unit price − discount). Quantity defaults to 1; a discount is
 * taken as a positive reduction whatever its sign, and `10%` means 10 % of quantity × unit price.
 */
export function normalizeSalesRow(
  cells: readonly string[],
  line: number,
  mapping: SalesMapping,
  opts: NormalizeOptions,
): NormalizeResult<SalesRecord> {
  const p = new Problems(line, opts.headers);
  const max = opts.maxTextLength ?? MAX_TEXT_LENGTH;
  const exp = opts.currencyExponent;
  const dt = dateField(cells, mapping.date, opts, p);
  let time = dt?.time ?? null;
  const timeRaw = rawCell(cells, mapping.time);
  if (timeRaw.length > 0) {
    const t = parseTime(timeRaw);
    if (t.ok) time = t.time;
    else p.add(mapping.time, 'time', t.code, timeRaw);
  }
  const product = mapping.product === null ? NO_PRODUCT : required(cells, mapping.product, 'product', max, p);

  let quantity = 1;
  const qRaw = rawCell(cells, mapping.quantity);
  if (qRaw.length > 0) {
    const q = parseQuantity(qRaw);
    if (q.ok) quantity = q.value;
    else p.add(mapping.quantity, 'quantity', q.code, qRaw);
  }
  const unitPriceMinor = amountField(cells, mapping.unitPrice, 'unitPrice', exp, p);
  let discountMinor = 0;
  const dRaw = rawCell(cells, mapping.discount);
  if (dRaw.length > 0) {
    if (dRaw.charCodeAt(dRaw.length - 1) === 37 || dRaw.endsWith('％')) {
      const pct = parseQuantity(dRaw.slice(0, -1));
      if (!pct.ok || pct.value < 0 || pct.value > 100 || unitPriceMinor === null)
        p.add(mapping.discount, 'discount', 'DISCOUNT_INVALID', dRaw);
      else discountMinor = Math.round((Math.abs(quantity * unitPriceMinor) * pct.value) / 100);
    } else {
      const d = parseAmount(dRaw, { exponent: exp });
      if (d.ok) discountMinor = Math.abs(d.minor);
      else p.add(mapping.discount, 'discount', d.code, dRaw);
    }
  }
  let amountMinor = amountField(cells, mapping.amount, 'amount', exp, p);
  if (amountMinor === null && rawCell(cells, mapping.amount).length === 0) {
    if (unitPriceMinor !== null) {
      amountMinor = Math.round(quantity * unitPriceMinor) - discountMinor;
      if (!Number.isSafeInteger(amountMinor)) {
        p.add(mapping.amount, 'amount', 'AMOUNT_TOO_LARGE', null);
        amountMinor = null;
      }
    } else if (rawCell(cells, mapping.unitPrice).length === 0)
      p.add(mapping.amount, 'amount', 'AMOUNT_MISSING', null);
  }

  let lineNo: number | null = null;
  const lRaw = rawCell(cells, mapping.lineNo);
  if (lRaw.length > 0) {
    const l = parseInteger(lRaw);
    if (!l.ok) p.add(mapping.lineNo, 'lineNo', l.code, lRaw);
    else if (l.value < 0) p.add(mapping.lineNo, 'lineNo', 'NUMBER_NEGATIVE', lRaw);
    else lineNo = l.value;
  }
  const orderId = text(cells, mapping.orderId, 'orderId', max, p);
  const category = text(cells, mapping.category, 'category', max, p);
  const customer = text(cells, mapping.customer, 'customer', max, p);
  const customerName = text(cells, mapping.customerName, 'customerName', max, p);
  const customerType = text(cells, mapping.customerType, 'customerType', max, p);
  const ageBand = text(cells, mapping.ageBand, 'ageBand', max, p);
  const memberTier = text(cells, mapping.memberTier, 'memberTier', max, p);
  const customerRegion = text(cells, mapping.customerRegion, 'customerRegion', max, p);
  const channel =
    mapping.channel === null ? (opts.channel ?? null) : text(cells, mapping.channel, 'channel', max, p);
  const rep = text(cells, mapping.rep, 'rep', max, p);
  const region = text(cells, mapping.region, 'region', max, p);
  const campaignCode = text(cells, mapping.campaignCode, 'campaignCode', max, p);
  if (mapping.currency !== null && opts.fileCurrency) {
    const c = rawCell(cells, mapping.currency);
    if (c.length > 0 && currencyCode(c) !== opts.fileCurrency)
      p.add(mapping.currency, 'currency', 'CURRENCY_MIXED', c);
  }
  const facts = orderFacts(cells, mapping, exp, p);

  if (p.list !== null || dt === null || amountMinor === null) return { ok: false, problems: p.list ?? [] };
  return {
    ok: true,
    facts,
    record: {
      line,
      orderId,
      lineNo,
      saleDate: dt.date,
      soldAt: `${dt.date}T${time ?? '00:00'}`,
      product,
      category,
      customer,
      customerName,
      customerType,
      ageBand,
      memberTier,
      customerRegion,
      channel,
      rep,
      region,
      quantity,
      unitPriceMinor,
      discountMinor,
      amountMinor,
      campaignCode,
    },
  };
}

/** The order-level facts of a sales line (null when the mapping has none: no cost for plain files). */
function orderFacts(
  cells: readonly string[],
  mapping: SalesMapping,
  exp: number,
  p: Problems,
): LineFacts | null {
  if (
    mapping.status === null &&
    mapping.cancelledAt === null &&
    mapping.paidAmount === null &&
    mapping.refund === null &&
    mapping.orderDiscount === null &&
    mapping.returnStatus === null &&
    mapping.returnedQuantity === null
  )
    return null;
  const statusText = rawCell(cells, mapping.status);
  const money = (col: number | null, field: string): number | null => {
    const v = rawCell(cells, col);
    if (v.length === 0) return null;
    const r = parseAmount(v, { exponent: exp });
    if (!r.ok) {
      p.add(col, field, r.code, v);
      return null;
    }
    return Math.abs(r.minor);
  };
  return {
    status: statusText.length > 0 ? classifyStatus(statusText) : null,
    statusText: statusText.length > 0 ? statusText : null,
    cancelled: rawCell(cells, mapping.cancelledAt).length > 0,
    paidMinor: money(mapping.paidAmount, 'paidAmount'),
    refundMinor: money(mapping.refund, 'refund'),
    orderDiscountMinor: money(mapping.orderDiscount, 'orderDiscount'),
    ...lineReturn(cells, mapping),
  };
}

/**
 * A line's own return: the state its return-status cell names (none when empty), and the units its
 * returned-quantity cell gives. That cell may hold words instead (a marketplace writes 「無」 or a
 * note there): then it gives no units, and the status alone decides; it never rejects the line.
 */
function lineReturn(
  cells: readonly string[],
  mapping: SalesMapping,
): Pick<LineFacts, 'returnState' | 'returnedQuantity'> {
  const status = rawCell(cells, mapping.returnStatus);
  const units = rawCell(cells, mapping.returnedQuantity);
  const parsed = units.length > 0 ? parseQuantity(units) : null;
  return {
    returnState: status.length > 0 ? classifyReturnStatus(status) : null,
    returnedQuantity: parsed?.ok ? Math.abs(parsed.value) : null,
  };
}

/** One marketing line (a channel's day): date and channel required; empty counts are 0. */
export function normalizeMarketingRow(
  cells: readonly string[],
  line: number,
  mapping: MarketingMapping,
  opts: NormalizeOptions,
): NormalizeResult<MarketingRecord> {
  const p = new Problems(line, opts.headers);
  const max = opts.maxTextLength ?? MAX_TEXT_LENGTH;
  const dt = dateField(cells, mapping.date, opts, p);
  const channel =
    mapping.channel === null && opts.channel
      ? opts.channel
      : required(cells, mapping.channel, 'channel', max, p);
  const campaign = text(cells, mapping.campaign, 'campaign', max, p) ?? '';
  const impressions = countField(cells, mapping.impressions, 'impressions', p);
  const visits = countField(cells, mapping.visits, 'visits', p);
  const leads = countField(cells, mapping.leads, 'leads', p);
  const opportunities = countField(cells, mapping.opportunities, 'opportunities', p);
  let spendMinor = amountField(cells, mapping.spend, 'spend', opts.currencyExponent, p) ?? 0;
  if (spendMinor < 0) {
    p.add(mapping.spend, 'spend', 'NUMBER_NEGATIVE', rawCell(cells, mapping.spend));
    spendMinor = 0;
  }
  if (p.list !== null || dt === null) return { ok: false, problems: p.list ?? [] };
  return {
    ok: true,
    record: { line, day: dt.date, channel, campaign, impressions, visits, leads, opportunities, spendMinor },
  };
}

function scoreField(
  cells: readonly string[],
  col: number | null,
  field: string,
  lo: number,
  hi: number,
  code: string,
  p: Problems,
): number | null {
  const v = rawCell(cells, col);
  if (v.length === 0) return null;
  const r = parseInteger(v);
  if (!r.ok) {
    p.add(col, field, r.code, v);
    return null;
  }
  if (r.value < lo || r.value > hi) {
    p.add(col, field, code, v);
    return null;
  }
  return r.value;
}

/** One survey response: a date and at least one of CSAT (1–5) and NPS (0–10). */
export function normalizeSatisfactionRow(
  cells: readonly string[],
  line: number,
  mapping: SatisfactionMapping,
  opts: NormalizeOptions,
): NormalizeResult<SatisfactionRecord> {
  const p = new Problems(line, opts.headers);
  const max = opts.maxTextLength ?? MAX_TEXT_LENGTH;
  const dt = dateField(cells, mapping.date, opts, p);
  const responseId = text(cells, mapping.responseId, 'responseId', max, p);
  const customer = text(cells, mapping.customer, 'customer', max, p);
  const channel = text(cells, mapping.channel, 'channel', max, p);
  const csat = scoreField(cells, mapping.csat, 'csat', 1, 5, 'CSAT_OUT_OF_RANGE', p);
  const nps = scoreField(cells, mapping.nps, 'nps', 0, 10, 'NPS_OUT_OF_RANGE', p);
  const comment = text(cells, mapping.comment, 'comment', Math.max(max, MAX_COMMENT_LENGTH), p);
  if (
    csat === null &&
    nps === null &&
    rawCell(cells, mapping.csat).length === 0 &&
    rawCell(cells, mapping.nps).length === 0
  )
    p.add(mapping.csat ?? mapping.nps, 'csat', 'SCORE_MISSING', null);
  if (p.list !== null || dt === null) return { ok: false, problems: p.list ?? [] };
  return {
    ok: true,
    record: { line, responseId, respondedOn: dt.date, customer, channel, csat, nps, comment },
  };
}
