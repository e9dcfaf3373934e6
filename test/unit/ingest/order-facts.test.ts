import { describe, expect, it } from 'vitest';
import { DateOrderScan, decideDateOrder } from '../../../src/core/ingest/date-order.ts';
import {
  allocate,
  classifyReturnStatus,
  classifyStatus,
  type LineFacts,
  OrderAssembler,
} from '../../../src/core/ingest/order-facts.ts';
import { currencyCode, currencyOfAmount } from '../../../src/core/ingest/parse-amount.ts';
import { parseDate } from '../../../src/core/ingest/parse-date.ts';
import { platformFromHeaders } from '../../../src/core/ingest/platform.ts';
import type { SalesRecord } from '../../../src/core/ingest/records.ts';

const scan = (values: string[]) => {
  const s = new DateOrderScan();
  values.forEach((v, i) => {
    s.see(v, i + 2);
  });
  return s;
};

describe('date order, decided once per file', () => {
  it('is settled by a value above 12, whichever line it is on', () => {
    expect(decideDateOrder(scan(['3/4/2019', '6/12/2018', '4/15/2019']), null, null)).toMatchObject({
      order: 'monthFirst',
      source: 'file',
      evidence: { line: 4, value: '4/15/2019' },
    });
    expect(decideDateOrder(scan(['03/04/2019', '31/01/2019']), null, null).order).toBe('dayFirst');
  });

  it('asks when no value tells, unless the layout or the user does', () => {
    const s = scan(['12/1/2010 8:26', '12/2/2010 8:34']);
    expect(decideDateOrder(s, null, null)).toMatchObject({
      order: null,
      source: 'unknown',
      evidence: { line: 2 },
    });
    expect(decideDateOrder(s, null, 'dayFirst')).toMatchObject({ order: 'dayFirst', source: 'preset' });
    expect(decideDateOrder(s, 'monthFirst', null)).toMatchObject({ order: 'monthFirst', source: 'user' });
    expect(decideDateOrder(scan(['2024-01-05', '5/5/2024']), null, null).source).toBe('notNeeded');
  });

  it('refuses a file that mixes orders and a choice the file contradicts', () => {
    expect(decideDateOrder(scan(['31/01/2019', '4/15/2019']), null, null).source).toBe('conflict');
    expect(decideDateOrder(scan(['4/15/2019']), 'dayFirst', null)).toMatchObject({ contradicted: true });
  });

  it('reads only unambiguous values while the order is unknown', () => {
    expect(parseDate('4/15/2019', { dayFirst: null })).toMatchObject({ ok: true, date: '2019-04-15' });
    expect(parseDate('5/5/2024', { dayFirst: null })).toMatchObject({ ok: true, date: '2024-05-05' });
    expect(parseDate('3/4/2019', { dayFirst: null })).toEqual({ ok: false, code: 'DATE_ORDER_UNKNOWN' });
  });
});

describe('statuses', () => {
  it('classifies platform and POS words', () => {
    expect(classifyStatus('paid')).toBe('sale');
    expect(classifyStatus('partially_refunded')).toBe('sale');
    expect(classifyStatus('Refunded')).toBe('refunded');
    expect(classifyStatus('voided')).toBe('voided');
    expect(classifyStatus('pending')).toBe('unpaid');
    expect(classifyStatus('on-hold')).toBe('unpaid');
    expect(classifyStatus('買家取消')).toBe('cancelled');
    expect(classifyStatus('退款成功')).toBe('refunded');
    expect(classifyStatus('作廢')).toBe('voided');
    expect(classifyStatus('退貨')).toBe('return');
    expect(classifyStatus('交易成功')).toBe('sale');
  });
});

const rec = (orderId: string | null, amount: number, quantity = 1, discount = 0): SalesRecord => ({
  line: 2,
  orderId,
  lineNo: null,
  saleDate: '2024-03-01',
  soldAt: '2024-03-01T00:00',
  product: 'p',
  category: null,
  customer: null,
  customerName: null,
  customerType: null,
  ageBand: null,
  memberTier: null,
  customerRegion: null,
  channel: null,
  rep: null,
  region: null,
  quantity,
  unitPriceMinor: null,
  discountMinor: discount,
  amountMinor: amount,
  campaignCode: null,
});
const facts = (f: Partial<LineFacts>): LineFacts => ({
  status: null,
  statusText: null,
  cancelled: false,
  paidMinor: null,
  refundMinor: null,
  orderDiscountMinor: null,
  ...f,
});

describe('line return statuses', () => {
  it('counts a return as done unless the request is open, refused or withdrawn', () => {
    for (const done of [
      '退款成功',
      '已退款',
      '退貨完成',
      '退貨退款',
      '退款',
      'Refunded',
      'RETURNED',
      '退款已完成',
    ])
      expect(classifyReturnStatus(done), done).toBe('done');
    for (const open of [
      '退貨/退款申請中',
      '退款處理中',
      '審核中',
      '待買家寄回',
      '賣家已拒絕',
      '退款申請已取消',
      '買家撤回申請',
      '爭議處理中',
      'Return requested',
      'Refund pending',
      'Rejected',
      '  申請中 ',
    ])
      expect(classifyReturnStatus(open), open).toBe('open');
  });
});

describe('OrderAssembler', () => {
  it('spreads an order discount and a partial refund, and drops refunded and voided orders', () => {
    const a = new OrderAssembler();
    const out: SalesRecord[] = [];
    a.push(rec('#1', 90_000, 2), facts({ status: 'sale', orderDiscountMinor: 12_000 }), out);
    a.push(rec('#1', 30_000), null, out);
    a.push(rec('#2', 50_000), facts({ status: 'refunded', refundMinor: 50_000 }), out);
    a.push(rec('#3', 60_000, 2), facts({ status: 'sale', refundMinor: 30_000 }), out);
    a.push(rec('#3', 50_000), null, out);
    a.push(rec('#4', 45_000), facts({ status: 'voided', cancelled: true }), out);
    a.flush(out);
    expect(out.map((r) => [r.orderId, r.amountMinor])).toEqual([
      ['#1', 81_000],
      ['#1', 27_000],
      ['#3', 43_636],
      ['#3', 36_364],
    ]);
    expect(a.totals).toMatchObject({
      excludedLines: 2,
      excludedLinesBy: { refunded: 1, voided: 1, cancelled: 0, unpaid: 0 },
      excludedOrders: { refunded: 1, voided: 1, cancelled: 0, unpaid: 0 },
      refundedMinor: 30_000,
      orderDiscountMinor: 12_000,
    });
  });

  it('keeps a POS order whose one line is voided, and nets a returned line', () => {
    const a = new OrderAssembler();
    const out: SalesRecord[] = [];
    a.push(rec('P1', 12_000), facts({ status: 'sale' }), out);
    a.push(rec('P1', 8_000), facts({ status: 'voided' }), out);
    a.push(rec('P2', 12_000, 1), facts({ status: 'return' }), out);
    a.push(rec('P3', 10_000), facts({ paidMinor: 0 }), out);
    a.flush(out);
    expect(out.map((r) => [r.orderId, r.quantity, r.amountMinor])).toEqual([
      ['P1', 1, 12_000],
      ['P2', -1, -12_000],
    ]);
    expect(a.totals).toMatchObject({
      excludedLines: 2,
      returnLines: 1,
      excludedLinesBy: { voided: 1, unpaid: 1 },
      excludedOrders: { voided: 1, unpaid: 1 },
    });
  });

  it("applies a line's own return: done leaves it out, a returned quantity takes units off, an open request stays a sale", () => {
    const a = new OrderAssembler();
    const out: SalesRecord[] = [];
    // One Shopee order of three items: returned in full, returned in part, a request still open.
    a.push(rec('S1', 96_000, 2), facts({ status: 'sale', returnState: 'done' }), out);
    a.push(
      rec('S1', 57_000, 3, 3_000),
      facts({ status: 'sale', returnState: 'done', returnedQuantity: 1 }),
      out,
    );
    a.push(rec('S1', 19_000), facts({ status: 'sale', returnState: 'open', returnedQuantity: 1 }), out);
    // A returned quantity without a status column; one at least the line's; none.
    a.push(rec('S2', 40_000, 4), facts({ returnedQuantity: 1 }), out);
    a.push(rec('S3', 20_000, 2), facts({ returnedQuantity: 5 }), out);
    a.push(rec('S4', 10_000), facts({ returnedQuantity: 0 }), out);
    a.flush(out);
    expect(out.map((r) => [r.orderId, r.quantity, r.amountMinor, r.discountMinor])).toEqual([
      ['S1', 2, 38_000, 2_000],
      ['S1', 1, 19_000, 0],
      ['S2', 3, 30_000, 0],
      ['S4', 1, 10_000, 0],
    ]);
    expect(a.totals).toMatchObject({
      excludedLines: 2,
      excludedLinesBy: { refunded: 2 },
      excludedOrders: { refunded: 2 },
      returnLines: 2,
      refundedMinor: 19_000 + 10_000,
    });
  });

  it("takes an order's refund total less what its lines' returns already took off", () => {
    const a = new OrderAssembler();
    const out: SalesRecord[] = [];
    // 300 refunded on the order: 100 of it is the line returned in full, 150 the returned unit of
    // the second line (600 for 4); the 50 left is spread over what remains (450 and 300).
    a.push(rec('R1', 10_000), facts({ refundMinor: 30_000, returnState: 'done' }), out);
    a.push(rec('R1', 60_000, 4), facts({ returnedQuantity: 1 }), out);
    a.push(rec('R1', 30_000), facts({}), out);
    a.flush(out);
    expect(out.map((r) => r.amountMinor)).toEqual([45_000 - 3_000, 30_000 - 2_000]);
    expect(a.totals).toMatchObject({ excludedLinesBy: { refunded: 1 }, refundedMinor: 15_000 + 5_000 });
  });

  it('allocates exactly', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(7, [0, 0])).toEqual([4, 3]);
  });
});

describe('currency and platform clues', () => {
  it('names the currency of an amount or a Currency cell', () => {
    expect(currencyOfAmount('£3.50')).toBe('GBP');
    expect(currencyOfAmount('HK$1,200')).toBe('HKD');
    expect(currencyOfAmount('US$ 12')).toBe('USD');
    expect(currencyOfAmount('1,200元')).toBeNull();
    expect(currencyOfAmount('$12')).toBeNull();
    expect(currencyOfAmount('1200')).toBeNull();
    expect(currencyCode(' gbp ')).toBe('GBP');
    expect(currencyCode('港幣')).toBe('HKD');
  });

  it('tells the ad platform from its headers', () => {
    expect(
      platformFromHeaders(['Campaign name', 'Reporting starts', 'Amount spent (TWD)', 'Link clicks']),
    ).toBe('Facebook');
    expect(platformFromHeaders(['Campaign', 'Day', 'Impr.', 'Clicks', 'Avg. CPC', 'Cost'])).toBe(
      'Google Ads',
    );
    expect(platformFromHeaders(['日期', '通路', '花費'])).toBeNull();
  });
});
