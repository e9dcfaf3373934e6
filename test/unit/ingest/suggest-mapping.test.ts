import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../../../src/core/ingest/normalize-header.ts';
import { suggestMapping } from '../../../src/core/ingest/suggest-mapping.ts';
import { validateMapping } from '../../../src/core/ingest/validate-mapping.ts';

describe('suggestMapping', () => {
  it('maps zh-TW headers of a POS export (and detects the preset)', () => {
    const headers = [
      '單號',
      '項次',
      '交易日期',
      '交易時間',
      '品名',
      '類別',
      '數量',
      '單價',
      '折扣',
      '小計',
      '會員編號',
      '門市',
      '收銀員',
    ];
    const s = suggestMapping('sales', headers);
    expect(s.preset).toBe('tw-pos-sales-detail');
    expect(s.mapping).toMatchObject({
      orderId: 0,
      lineNo: 1,
      date: 2,
      time: 3,
      product: 4,
      category: 5,
      quantity: 6,
      unitPrice: 7,
      discount: 8,
      amount: 9,
      customer: 10,
      region: 11,
      rep: 12,
    });
    expect(s.unmappedHeaders).toEqual([]);
  });

  it('maps zh-CN and spaced / full-width headers', () => {
    const s = suggestMapping('sales', [
      '订单编号',
      '销售日期',
      '商品名称',
      '数量',
      '单价',
      '金额',
      '渠道',
      '销售人员',
      '区域',
      '活动代码',
    ]);
    expect(s.mapping).toMatchObject({
      orderId: 0,
      date: 1,
      product: 2,
      quantity: 3,
      unitPrice: 4,
      amount: 5,
      channel: 6,
      rep: 7,
      region: 8,
      campaignCode: 9,
    });
    const t = suggestMapping('sales', ['訂單 編號', '（日期）', 'ＯＲＤＥＲ＿ＩＤ', ' 品名 ', 'Amount']);
    expect(t.mapping.orderId).toBe(0);
    expect(t.mapping.date).toBe(1);
    expect(t.mapping.product).toBe(3);
    expect(t.mapping.amount).toBe(4);
    expect(t.unmappedHeaders).toEqual([{ index: 2, header: 'ＯＲＤＥＲ＿ＩＤ' }]);
  });

  it('maps the Shopify orders export', () => {
    const headers = [
      'Name',
      'Email',
      'Financial Status',
      'Paid at',
      'Fulfillment Status',
      'Fulfilled at',
      'Accepts Marketing',
      'Currency',
      'Subtotal',
      'Shipping',
      'Taxes',
      'Total',
      'Discount Code',
      'Discount Amount',
      'Shipping Method',
      'Created at',
      'Lineitem quantity',
      'Lineitem name',
      'Lineitem price',
      'Lineitem compare at price',
      'Lineitem sku',
      'Lineitem requires shipping',
      'Lineitem taxable',
      'Lineitem fulfillment status',
      'Billing Name',
      'Billing Street',
      'Billing Address1',
      'Billing Address2',
      'Billing Company',
      'Billing City',
      'Billing Zip',
      'Billing Province',
      'Billing Country',
      'Billing Phone',
      'Notes',
      'Note Attributes',
      'Cancelled at',
      'Payment Method',
      'Payment Reference',
      'Refunded Amount',
      'Vendor',
      'Id',
      'Tags',
      'Risk Level',
      'Source',
      'Lineitem discount',
    ];
    const s = suggestMapping('sales', headers);
    expect(s.preset).toBe('shopify-orders');
    const at = (h: string) => headers.indexOf(h);
    expect(s.mapping).toMatchObject({
      orderId: at('Name'),
      date: at('Created at'),
      product: at('Lineitem name'),
      quantity: at('Lineitem quantity'),
      unitPrice: at('Lineitem price'),
      discount: at('Lineitem discount'),
      customer: at('Email'),
      customerName: at('Billing Name'),
      customerRegion: at('Billing Province'),
      channel: at('Source'),
      campaignCode: at('Discount Code'),
    });
  });

  it("maps a line's return columns only when they are named as a return, not an order's refund status", () => {
    const line = suggestMapping('sales', ['日期', '品名', '金額', '退貨 / 退款狀態', '退貨數量']).mapping;
    expect(line).toMatchObject({ returnStatus: 3, returnedQuantity: 4 });
    const english = suggestMapping('sales', [
      'Date',
      'Product',
      'Amount',
      'Return Status',
      'Returned Quantity',
    ]);
    expect(english.mapping).toMatchObject({ returnStatus: 3, returnedQuantity: 4 });
    // A bare 退款狀態 is the order's: its status, which reaches every line of the order.
    const order = suggestMapping('sales', ['日期', '品名', '金額', '退款狀態']).mapping;
    expect(order).toMatchObject({ status: 3, returnStatus: null });
  });

  it('maps marketing and satisfaction files', () => {
    const m = suggestMapping('marketing', [
      '日期',
      '平台',
      '廣告活動',
      '曝光次數',
      '點擊',
      '名單',
      '商機',
      '花費',
    ]);
    expect(m.mapping).toEqual({
      date: 0,
      channel: 1,
      campaign: 2,
      impressions: 3,
      visits: 4,
      leads: 5,
      opportunities: 6,
      spend: 7,
    });
    const s = suggestMapping('satisfaction', ['時間戳記', '會員編號', '整體滿意度', '推薦意願', '其他意見']);
    expect(s.mapping).toMatchObject({ date: 0, customer: 1, csat: 2, nps: 3, comment: 4 });
  });

  it('is harmless with hostile headers', () => {
    const headers = [
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      '日期',
      '品名',
      '金額',
    ];
    const s = suggestMapping('sales', headers);
    expect(s.mapping.date).toBe(5);
    expect(s.mapping.product).toBe(6);
    expect(s.mapping.amount).toBe(7);
    expect(s.unmappedHeaders.map((h) => h.header)).toEqual(headers.slice(0, 5));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(s.mapping)).not.toContain('__proto__');
  });

  it('never throws on random headers', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 50 }),
            fc.constantFrom('__proto__', 'constructor', '日期', '金額', ''),
          ),
          {
            maxLength: 60,
          },
        ),
        fc.constantFrom('sales' as const, 'marketing' as const, 'satisfaction' as const),
        (headers, kind) => {
          const s = suggestMapping(kind, headers);
          const used = Object.values(s.mapping as Record<string, number | null>).filter((v) => v !== null);
          expect(new Set(used).size).toBe(used.length);
          for (const v of used) expect(v).toBeLessThan(headers.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('normalizes headers', () => {
    expect(normalizeHeader('订单 编号')).toBe('訂單編號');
    expect(normalizeHeader('Order_ID ')).toBe('orderid');
    expect(normalizeHeader('ＬＩＮＥＩＴＥＭ　Ｑｕａｎｔｉｔｙ')).toBe('lineitemquantity');
  });

  it('validates a mapping', () => {
    const s = suggestMapping('sales', ['日期', '品名', '數量']);
    expect(validateMapping('sales', s.mapping, 3)).toEqual([{ field: 'amount', code: 'FIELD_NOT_MAPPED' }]);
    const t = suggestMapping('sales', ['日期', '品名', '金額']);
    expect(validateMapping('sales', t.mapping, 3)).toEqual([]);
    expect(validateMapping('sales', { ...t.mapping, rep: 0 }, 3)).toEqual([
      { field: 'rep', code: 'COLUMN_MAPPED_TWICE' },
    ]);
  });

  it('reads a lone date-and-time column (交易時間) as the date', () => {
    const s = suggestMapping('sales', ['訂單編號', '交易時間', '品名', '金額']);
    expect(s.mapping.date).toBe(1);
    expect(s.mapping.time).toBeNull();
    expect(suggestMapping('sales', ['日期', '時間', '品名', '金額']).mapping).toMatchObject({
      date: 0,
      time: 1,
    });
  });
});
