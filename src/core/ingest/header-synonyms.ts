import type { FieldOf, MarketingField, SalesField, SatisfactionField } from './fields.ts';
import type { ImportKind } from './records.ts';

/**
 * Header words for each target field, in zh-TW, zh-CN and English. They are compared after
 * normalizeHeader (NFKC, lower case, no spaces or punctuation, simplified → traditional), so
 * 「訂單編號」, 「订单编号」 and 「訂單 編號」 are one entry. Order matters: earlier = stronger.
 */
export const SALES_SYNONYMS: Readonly<Record<SalesField, readonly string[]>> = {
  orderId: [
    '訂單編號',
    '單號',
    '訂單號碼',
    '訂單號',
    '訂單',
    '訂單id',
    '交易編號',
    '交易序號',
    '交易單號',
    '發票號碼',
    '收據編號',
    '銷貨單號',
    '單據編號',
    '銷售單號',
    'orderid',
    'orderno',
    'ordernumber',
    'order',
    'name',
    'invoiceno',
    'invoicenumber',
    'receiptno',
    'transactionid',
    'ordercode',
  ],
  lineNo: [
    '項次',
    '序號',
    '明細序號',
    '行號',
    '明細行號',
    'lineno',
    'linenumber',
    'line',

    'itemno',
    'seq',
  ],
  date: [
    '日期',
    '交易日期',
    '銷售日期',
    '訂單日期',
    '銷貨日期',
    '下單日期',
    '消費日期',
    '結帳日期',
    '單據日期',
    '發票日期',
    '日期時間',
    '交易時間日期',
    'date',
    'orderdate',
    'saledate',
    'salesdate',
    'transactiondate',
    'createdat',
    'paidat',
    'datetime',
    'invoicedate',
  ],
  time: ['時間', '交易時間', '銷售時間', '下單時間', '結帳時間', '消費時間', 'time', 'ordertime', 'saletime'],
  product: [
    '品名',
    '產品名稱',
    '商品名稱',
    '產品',
    '商品',
    '品項',
    '品項名稱',
    '貨品名稱',
    '貨品',
    '料號名稱',
    '菜名',
    '餐點',
    'product',
    'productname',
    'item',
    'itemname',
    'lineitemname',
    'description',
    'sku',
    'productdescription',
  ],
  category: [
    '類別',
    '分類',
    '商品類別',
    '產品類別',
    '商品分類',
    '產品分類',
    '品項分類',
    '品項類別',
    '商品類型',
    '產品類型',
    '品類',
    '大類',
    '類型',
    'category',
    'productcategory',
    'producttype',
    'type',
  ],
  customer: [
    '客戶',
    '客戶編號',
    '會員編號',
    '會員',
    '會員卡號',
    '客戶代號',
    '客戶代碼',
    '顧客編號',
    '卡號',
    'customer',
    'customerid',
    'customerno',
    'customercode',
    'memberid',
    'memberno',
    'email',
    'clientid',
  ],
  customerName: [
    '客戶名稱',
    '客戶姓名',
    '會員姓名',
    '顧客姓名',
    '姓名',
    'customername',
    'membername',
    'billingname',
    'clientname',
  ],
  customerType: ['客戶類型', '客戶類別', '顧客類型', '客群', 'customertype', 'customersegment', 'segment'],
  ageBand: ['年齡層', '年齡', '年齡區間', '年齡段', 'ageband', 'agegroup', 'age', 'agerange'],
  memberTier: [
    '會員等級',
    '會員級別',
    '等級',
    '卡別',
    'membertier',
    'tier',
    'memberlevel',
    'level',
    'loyaltytier',
  ],
  customerRegion: [
    '客戶地區',
    '會員地區',
    '居住地',
    '客戶縣市',
    '縣市',
    '城市',
    '客戶所在地',
    'customerregion',
    'customercity',
    'billingprovince',
    'billingcity',
    'city',
    'province',
  ],
  channel: [
    '通路',
    '渠道',
    '銷售通路',
    '銷售渠道',
    '來源',
    '訂單來源',
    '平台',
    'channel',
    'saleschannel',
    'source',
    'platform',
  ],
  rep: [
    '業務',
    '業務員',
    '銷售人員',
    '業務代表',
    '銷售員',
    '收銀員',
    '經手人',
    '店員',
    '服務人員',
    '負責人',
    'rep',
    'salesrep',
    'salesperson',
    'seller',
    'staff',
    'cashier',
    'employee',
  ],
  region: [
    '地區',
    '區域',
    '銷售區域',
    '門市',
    '店別',
    '分店',
    '門市名稱',
    '店鋪',
    '據點',
    'region',
    'area',
    'store',
    'branch',
    'location',
    'shop',
    'territory',
  ],
  quantity: [
    '數量',
    '銷售數量',
    '銷量',
    '件數',
    '數',
    'qty',
    'quantity',
    'lineitemquantity',
    'units',
    'count',
    'pcs',
  ],
  unitPrice: [
    '單價',
    '售價',
    '價格',
    '定價',
    '銷售單價',
    '單位價格',
    'unitprice',
    'price',
    'lineitemprice',
    'sellingprice',
    'rate',
  ],
  discount: [
    '折扣',
    '折扣金額',
    '折讓',
    '優惠',
    '優惠金額',
    '折價',
    'discount',
    'discountamount',
    'lineitemdiscount',
    'discounts',
  ],
  amount: [
    '金額',
    '小計',
    '銷售額',
    '銷售金額',
    '總金額',
    '實收金額',
    '實收',
    '應收金額',
    '營業額',
    '合計',
    '總計',
    '淨額',
    '含稅金額',
    '成交金額',
    'amount',
    'total',
    'subtotal',
    'lineamount',
    'linetotal',
    'netamount',
    'sales',
    'revenue',
    'netsales',
    'totalsales',
    '訂單金額',
    '訂單總額',
    '訂單總金額',
    '訂單小計',
    'ordertotal',
    'orderamount',
  ],
  campaignCode: [
    '活動代碼',
    '活動',
    '優惠代碼',
    '優惠碼',
    '促銷代碼',
    '折扣碼',
    '行銷活動',
    'campaigncode',
    'campaign',
    'promocode',
    'discountcode',
    'couponcode',
    'coupon',
    'promotion',
  ],
  status: [
    '訂單狀態',
    '付款狀態',
    '交易狀態',
    '狀態',
    '單據狀態',
    '發票狀態',
    '退貨狀態',
    // An order's refund status (a line's return has its own field, returnStatus).
    '退款狀態',
    '退款状态',
    'financialstatus',
    'orderstatus',
    'paymentstatus',
    'refundstatus',
    'status',
  ],
  cancelledAt: ['取消時間', '取消日期', '作廢日期', '作廢時間', 'cancelledat', 'canceledat', 'cancelleddate'],
  paidAmount: ['實付金額', '買家實際支付金額', '實際支付金額', '付款金額', 'amountpaid', 'paidamount'],
  refund: ['退款金額', '已退款金額', '退款', 'refundedamount', 'refundamount', 'refunded', 'refund'],
  orderDiscount: ['訂單折扣', '整單折扣', '訂單優惠', '訂單折扣金額', 'orderdiscount', 'cartdiscount'],
  // A line's return, named as one (退貨 and 退款 together, or "return"): a bare 退款狀態 / refund status is
  // the order's, left to the order's status.
  returnStatus: [
    '退貨/退款狀態',
    '退貨退款狀態',
    '退款/退貨狀態',
    '退货/退款状态',
    'returnstatus',
    'returnrefundstatus',
  ],
  returnedQuantity: [
    '退貨數量',
    '退回數量',
    '退貨件數',
    '退货数量',
    'returnedquantity',
    'returnquantity',
    'quantityreturned',
    'refundedquantity',
  ],
  currency: ['幣別', '幣種', '貨幣', '币种', 'currency', 'currencycode'],
};

export const MARKETING_SYNONYMS: Readonly<Record<MarketingField, readonly string[]>> = {
  date: ['日期', '報表日期', '投放日期', '報告開始', 'date', 'day', 'reportdate', 'reportingstarts'],
  channel: ['通路', '渠道', '平台', '媒體', '來源', 'channel', 'platform', 'source', 'medium', 'media'],
  campaign: [
    '活動',
    '活動名稱',
    '廣告活動',
    '行銷活動',
    '廣告系列',
    'campaign',
    'campaignname',
    'adcampaign',
  ],
  impressions: [
    '曝光',
    '曝光數',
    '曝光次數',
    '展示次數',
    '展現量',
    '觸及',
    'impressions',
    'impr',
    'views',
    'reach',
  ],
  visits: [
    '造訪',
    '造訪數',
    '訪客',
    '訪問',
    '點擊',
    '點擊數',
    '點擊次數',
    '工作階段',
    '到訪',
    'visits',
    'sessions',
    'clicks',
    'linkclicks',
    'visitors',
  ],
  leads: [
    '名單',
    '潛在客戶',
    '名單數',
    '詢問',
    '詢問數',
    '線索',
    '留資',
    'leads',
    'lead',
    'signups',
    'inquiries',
  ],
  opportunities: ['商機', '商機數', '機會', '銷售機會', 'opportunities', 'opportunity', 'opps', 'deals'],
  spend: [
    '花費',
    '費用',
    '廣告費',
    '廣告費用',
    '支出',
    '預算花費',
    '成本',
    '金額',
    'spend',
    'cost',
    'amountspent',
    'adspend',
    'amount',
  ],
};

export const SATISFACTION_SYNONYMS: Readonly<Record<SatisfactionField, readonly string[]>> = {
  responseId: [
    '問卷編號',
    '回覆編號',
    '填答編號',
    '編號',
    'responseid',
    'response',
    'id',
    'surveyid',
    'submissionid',
  ],
  date: [
    '日期',
    '填答日期',
    '回覆日期',
    '填寫日期',
    '時間戳記',
    'date',
    'respondedat',
    'submittedat',
    'timestamp',
    'createdat',
  ],
  customer: ['客戶', '客戶編號', '會員編號', '會員', 'customer', 'customerid', 'memberid', 'email'],
  channel: ['通路', '渠道', '門市', '來源', 'channel', 'store', 'source'],
  csat: [
    '滿意度',
    '整體滿意度',
    '滿意分數',
    '滿意度分數',
    'csat',
    'satisfaction',
    'satisfactionscore',
    'rating',
    'score',
  ],
  nps: [
    '推薦意願',
    '推薦分數',
    '淨推薦值',
    '推薦度',
    'nps',
    'npsscore',
    'likelihoodtorecommend',
    'recommend',
  ],
  comment: [
    '意見',
    '評論',
    '建議',
    '留言',
    '備註',
    '其他意見',
    'comment',
    'comments',
    'feedback',
    'remarks',
    'note',
  ],
};

export const SYNONYMS_BY_KIND: {
  readonly [K in ImportKind]: Readonly<Record<FieldOf<K>, readonly string[]>>;
} = {
  sales: SALES_SYNONYMS,
  marketing: MARKETING_SYNONYMS,
  satisfaction: SATISFACTION_SYNONYMS,
};

export interface MappingPreset<K extends ImportKind = ImportKind> {
  id: string;
  kind: K;
  /** zh-TW and English display names. */
  name: { 'zh-TW': string; en: string };
  /** Exact header of each field in this layout (compared after normalizeHeader). */
  columns: Partial<Record<FieldOf<K>, string>>;
  /** Date order of the layout, when it is fixed (its dates are ISO or year-first when absent). */
  dayFirst?: boolean;
  /** The currency the layout's amounts are always in, when the file does not name it (Tmall: CNY). */
  currency?: string;
  /**
   * Headers of this layout that are facts of the whole order (its subtotal, shipping, taxes, total):
   * never suggested for, nor accepted as, a line's field.
   */
  orderLevel?: readonly string[];
}

/**
 * Shopify's orders export (Admin → Orders → Export, 79 columns): one line per line item; the order's
 * own columns (Financial Status, Subtotal, Shipping, Taxes, Total, Discount Amount, Cancelled at,
 * Refunded Amount...) are filled on its first line only, so they are order facts: the other lines
 * inherit the status, the discount and refund are spread over the lines, and Total (shipping and
 * taxes included) is never a line's amount. `Lineitem price` is the unit price before discounts:
 * amount = quantity × price − line discount. Dates are ISO (2024-03-05 10:15:00 +0800).
 */
export const SHOPIFY_ORDERS_PRESET: MappingPreset<'sales'> = {
  id: 'shopify-orders',
  kind: 'sales',
  name: { 'zh-TW': 'Shopify 訂單匯出', en: 'Shopify orders export' },
  columns: {
    orderId: 'Name',
    date: 'Created at',
    product: 'Lineitem name',
    quantity: 'Lineitem quantity',
    unitPrice: 'Lineitem price',
    discount: 'Lineitem discount',
    customer: 'Email',
    customerName: 'Billing Name',
    customerRegion: 'Billing Province',
    channel: 'Source',
    campaignCode: 'Discount Code',
    category: 'Vendor',
    status: 'Financial Status',
    cancelledAt: 'Cancelled at',
    refund: 'Refunded Amount',
    orderDiscount: 'Discount Amount',
    currency: 'Currency',
  },
  orderLevel: ['Subtotal', 'Shipping', 'Taxes', 'Total', 'Outstanding Balance', 'Duties'],
};

/** A typical Taiwanese POS line export (iCHEF / 肚肚-style 銷售明細). */
export const TAIWAN_POS_PRESET: MappingPreset<'sales'> = {
  id: 'tw-pos-sales-detail',
  kind: 'sales',
  name: { 'zh-TW': '台灣 POS 銷售明細', en: 'Taiwan POS sales detail' },
  columns: {
    orderId: '單號',
    lineNo: '項次',
    date: '交易日期',
    time: '交易時間',
    product: '品名',
    category: '類別',
    quantity: '數量',
    unitPrice: '單價',
    discount: '折扣',
    amount: '小計',
    customer: '會員編號',
    customerName: '會員姓名',
    memberTier: '會員等級',
    channel: '通路',
    rep: '收銀員',
    region: '門市',
    status: '狀態',
  },
};

/** A Taiwanese ERP / accounting 銷貨明細 export (e.g. 鼎新 / 正航-style). */
export const TAIWAN_ERP_PRESET: MappingPreset<'sales'> = {
  id: 'tw-erp-sales',
  kind: 'sales',
  name: { 'zh-TW': '台灣 ERP 銷貨明細', en: 'Taiwan ERP sales lines' },
  columns: {
    orderId: '銷貨單號',
    lineNo: '序號',
    date: '銷貨日期',
    customer: '客戶代號',
    customerName: '客戶名稱',
    product: '品名',
    quantity: '數量',
    unitPrice: '單價',
    amount: '金額',
    rep: '業務員',
    region: '地區',
  },
};

/**
 * SHOPLINE 訂單報表 (後台「訂單 > 更多動作 > 匯出訂單報表」, one line per item, columns chosen by the
 * merchant): 付款狀態 decides the sale; 訂單合計 and 運費 are order facts. Dates are ISO.
 * Checked against: https://support.shoplineapp.com/hc/zh-tw/articles/115001459203 (the export path and
 * that the merchant picks the columns; the page lists no column names, so these are the usual ones).
 */
export const SHOPLINE_PRESET: MappingPreset<'sales'> = {
  id: 'shopline-orders',
  kind: 'sales',
  name: { 'zh-TW': 'SHOPLINE 訂單報表', en: 'SHOPLINE order report' },
  columns: {
    orderId: '訂單號碼',
    date: '訂單日期',
    status: '付款狀態',
    // The customer's name is the only customer column: it identifies the customer.
    customer: '顧客',
    product: '商品名稱',
    quantity: '數量',
    unitPrice: '商品結帳價',
    orderDiscount: '優惠折扣',
    currency: '幣別',
  },
  orderLevel: ['訂單合計', '運費', '付款總金額'],
};

/**
 * 91APP 訂單匯出 (one line per item): 訂單狀態 on every line; 訂單總金額 and 運費 are order facts.
 * Not checked: no documentation of 91APP's export columns was found (91APP's help centre is behind the
 * merchant login); written from memory.
 */
export const NINETYONE_APP_PRESET: MappingPreset<'sales'> = {
  id: '91app-orders',
  kind: 'sales',
  name: { 'zh-TW': '91APP 訂單匯出', en: '91APP order export' },
  columns: {
    orderId: '主單編號',
    lineNo: '子單編號',
    date: '訂購時間',
    status: '訂單狀態',
    product: '商品名稱',
    quantity: '數量',
    unitPrice: '售價',
    discount: '折扣金額',
  },
  orderLevel: ['訂單總金額', '運費'],
};

/**
 * Cyberbiz 訂單匯出 (one line per item; order columns on the order's first line).
 * Not checked: Cyberbiz's public help centre (https://www.cyberbiz.io/helpcenter/) describes orders
 * but no export columns were found; written from memory.
 */
export const CYBERBIZ_PRESET: MappingPreset<'sales'> = {
  id: 'cyberbiz-orders',
  kind: 'sales',
  name: { 'zh-TW': 'Cyberbiz 訂單匯出', en: 'Cyberbiz order export' },
  columns: {
    orderId: '訂單編號',
    date: '訂單日期',
    status: '付款狀態',
    cancelledAt: '取消日期',
    product: '商品名稱',
    quantity: '數量',
    unitPrice: '單價',
    orderDiscount: '折扣金額',
    customer: '顧客Email',
  },
  orderLevel: ['訂單總額', '運費', '商品總額'],
};

/**
 * momo 購物網 供應商 出貨/退貨 訂單報表 (one line per item): 訂單日期 is the order date (轉單日, the day
 * momo passed the order on, is beside it); 訂單類別 tells a return (退貨) from a shipment, so the return
 * report's lines count negative; 售價(含稅) is the unit price; 進價(含稅) is the supplier's cost and
 * never a sale's amount. There is no order-status column (a cancelled order is not shipped, so it is
 * not in the report).
 * No momo documentation was found; checked against the header list a public ETL of real momo reports
 * keeps: https://github.com/bruce-yang-422/ec-data-pipeline/blob/main/config/momo_fields_mapping.json
 * (訂單日期, 訂單編號, 訂單類別, 轉單日, 品名, 數量, 進價(含稅), 售價(含稅), 訂購人姓名...).
 */
export const MOMO_PRESET: MappingPreset<'sales'> = {
  id: 'momo-orders',
  kind: 'sales',
  name: { 'zh-TW': 'momo 訂單報表', en: 'momo order report' },
  columns: {
    orderId: '訂單編號',
    date: '訂單日期',
    status: '訂單類別',
    product: '品名',
    quantity: '數量',
    unitPrice: '售價(含稅)',
    // The buyer's name is the only customer column: it identifies the customer.
    customer: '訂購人姓名',
  },
  orderLevel: ['進價(含稅)'],
};

/**
 * PChome 24h 商店街/供應商 訂單報表.
 * Not checked: no PChome documentation was found. A public ETL of real PChome files
 * (https://github.com/bruce-yang-422/ec-data-pipeline/blob/main/scripts/pchome_orders_etl/pchome_cleaner.py)
 * shows they are UTF-16, tab-separated, with a notice line (【※此匯出資料…) above the header (skipped by
 * the import), and reads the order date from the order number; it does not name the Chinese headers,
 * so these columns are written from memory.
 */
export const PCHOME_PRESET: MappingPreset<'sales'> = {
  id: 'pchome-orders',
  kind: 'sales',
  name: { 'zh-TW': 'PChome 訂單報表', en: 'PChome order report' },
  columns: {
    orderId: '訂單編號',
    date: '成立日期',
    status: '訂單狀態',
    product: '商品名稱',
    quantity: '數量',
    unitPrice: '售價',
    refund: '退款金額',
  },
  orderLevel: ['訂單金額', '運費'],
};

/**
 * 蝦皮 賣家中心 訂單匯出 (我的銷售 → 匯出): one line per item; 訂單狀態 (已完成, 不成立, 取消...) and
 * the order's totals on every line: 商品總價 (訂單小計 in older files), 買家支付運費 and 買家總支付金額
 * are order facts, never a line's amount; 商品活動價格 is the unit price paid (商品原價, the price
 * before the campaign, is kept off the lines); 城市 is the buyer's city.
 * No Shopee documentation of the columns was found (the seller centre's help is behind its login);
 * checked against the header list a public ETL of real Shopee TW exports keeps:
 * https://github.com/bruce-yang-422/ec-data-pipeline/blob/main/config/shopee_fields_mapping.json
 * (訂單編號, 訂單狀態, 不成立原因, 退貨 / 退款狀態, 買家帳號, 訂單成立日期, 商品總價, 買家支付運費,
 * 買家總支付金額, 商品名稱, 商品選項名稱, 商品原價, 商品活動價格, 數量, 退貨數量, 城市...).
 * 退貨 / 退款狀態 and 退貨數量 are the item's return (its 訂單狀態 can still say 已完成): a return that
 * is done leaves the item out, or takes the returned units off it; a request still open or refused
 * (申請中, 拒絕...) leaves it a sale. 退貨數量 may hold words: then the status alone decides.
 */
export const SHOPEE_PRESET: MappingPreset<'sales'> = {
  id: 'shopee-orders',
  kind: 'sales',
  name: { 'zh-TW': '蝦皮 訂單匯出', en: 'Shopee order export' },
  columns: {
    orderId: '訂單編號',
    status: '訂單狀態',
    date: '訂單成立日期',
    customer: '買家帳號',
    customerRegion: '城市',
    product: '商品名稱',
    unitPrice: '商品活動價格',
    quantity: '數量',
    returnStatus: '退貨 / 退款狀態',
    returnedQuantity: '退貨數量',
  },
  orderLevel: [
    '商品總價',
    '訂單小計 (TWD)',
    '買家支付運費',
    '買家總支付金額',
    '商品原價',
    '訂單總金額',
    '蝦皮補助運費',
  ],
};

/**
 * WooCommerce orders (Import Export Suite `order_*` columns, one row per order): the order's
 * subtotal is its net product sales (items, as a serialised line_item_1, have no product column);
 * order_date is month-first (MM/DD/YYYY H:i:s).
 * Checked against: https://woocommerce.com/document/import-and-export-of-woocommerce-orders/ (its
 * column table: order_number, order_date MM/DD/YYYY H:i:s, status, order_subtotal "total price of
 * items", discount_total, order_total, shipping_total, tax_total, order_currency, customer_email...).
 */
export const WOOCOMMERCE_PRESET: MappingPreset<'sales'> = {
  id: 'woocommerce-orders',
  kind: 'sales',
  name: { 'zh-TW': 'WooCommerce 訂單匯出', en: 'WooCommerce orders export' },
  columns: {
    orderId: 'order_number',
    date: 'order_date',
    status: 'status',
    amount: 'order_subtotal',
    orderDiscount: 'discount_total',
    currency: 'order_currency',
    customer: 'customer_email',
  },
  dayFirst: false,
  orderLevel: [
    'order_total',
    'shipping_total',
    'tax_total',
    'shipping_tax_total',
    'fee_total',
    'cart_discount',
  ],
};

/**
 * 電子發票 明細 (財政部電子發票平台 / 加值中心 匯出): 發票狀態 開立 or 作廢; ROC or 8-digit dates.
 * Not checked: no documentation of a seller's line-level export was found (the Ministry of Finance
 * platform's downloads found are its consumer carrier format and its number-allocation CSV); written
 * from memory of value-added centres' exports.
 */
export const TW_EINVOICE_PRESET: MappingPreset<'sales'> = {
  id: 'tw-einvoice',
  kind: 'sales',
  name: { 'zh-TW': '電子發票明細', en: 'Taiwan e-invoice lines' },
  columns: {
    orderId: '發票號碼',
    lineNo: '序號',
    date: '發票日期',
    status: '發票狀態',
    customer: '買方統編',
    product: '品名',
    quantity: '數量',
    unitPrice: '單價',
    amount: '金額',
  },
  orderLevel: ['總計', '稅額', '銷售額'],
};

/**
 * 淘寶 / 天貓 賣家中心 訂單報表 (已賣出的寶貝 → 批量導出), one row per order: 买家应付货款 is the
 * order's goods (postage 买家应付邮费 and 总金额 apart, order facts); 买家实际支付金额 0 is an unpaid
 * order, 订单状态 交易关闭 a cancelled one, 退款金额 is netted; 宝贝标题 lists the order's items (one
 * product name when the order has one). Amounts are in CNY, which the file never names: a company in
 * another currency is refused, a new one is offered CNY. The headers carry trailing spaces (「收货地址 」).
 * Not checked: no Taobao/Tmall documentation of the report's columns was found; written from the
 * report as the issue (#12) describes it and from memory.
 */
export const TMALL_ORDERS_PRESET: MappingPreset<'sales'> = {
  id: 'tmall-orders',
  kind: 'sales',
  name: { 'zh-TW': '淘寶/天貓 訂單報表', en: 'Taobao/Tmall order report' },
  columns: {
    orderId: '订单编号',
    date: '订单创建时间',
    status: '订单状态',
    customer: '买家会员名',
    product: '宝贝标题',
    quantity: '宝贝总数量',
    amount: '买家应付货款',
    paidAmount: '买家实际支付金额',
    refund: '退款金额',
  },
  orderLevel: ['总金额', '买家应付邮费'],
  currency: 'CNY',
};

export const MAPPING_PRESETS: readonly MappingPreset[] = [
  SHOPIFY_ORDERS_PRESET,
  TAIWAN_POS_PRESET,
  TAIWAN_ERP_PRESET,
  SHOPLINE_PRESET,
  NINETYONE_APP_PRESET,
  CYBERBIZ_PRESET,
  MOMO_PRESET,
  PCHOME_PRESET,
  SHOPEE_PRESET,
  WOOCOMMERCE_PRESET,
  TW_EINVOICE_PRESET,
  TMALL_ORDERS_PRESET,
];
