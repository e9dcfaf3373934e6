/**
 * The normalized records an import produces, one per accepted line, before dimension names become
 * ids. Dates are the company's local calendar; money is integer minor units of `currency`.
 */
export interface SalesRecord {
  /** 1-based line number in the file (header = line 1 for CSV; the sheet's row number for XLSX). */
  line: number;
  /** The order id from the file, or null when the file has none (a content hash keys the line). */
  orderId: string | null;
  /** Line number within the order; null when the file has none (1, 2, ... assigned per order in file order). */
  lineNo: number | null;
  /** 'YYYY-MM-DD' */
  saleDate: string;
  /** 'YYYY-MM-DDTHH:mm' (00:00 when the file has no time). */
  soldAt: string;
  product: string;
  category: string | null;
  /** Customer code or name; null for a walk-in. */
  customer: string | null;
  customerName: string | null;
  customerType: string | null;
  ageBand: string | null;
  memberTier: string | null;
  customerRegion: string | null;
  channel: string | null;
  rep: string | null;
  region: string | null;
  quantity: number;
  /** null when the file gives only the amount. */
  unitPriceMinor: number | null;
  discountMinor: number;
  /** The line's net amount: the file's amount, else quantity × unit price − discount. */
  amountMinor: number;
  campaignCode: string | null;
}

export interface MarketingRecord {
  line: number;
  day: string;
  channel: string;
  campaign: string;
  impressions: number;
  visits: number;
  leads: number;
  opportunities: number;
  spendMinor: number;
}

export interface SatisfactionRecord {
  line: number;
  /** The survey's response id, or null (a content hash keys the response). */
  responseId: string | null;
  respondedOn: string;
  customer: string | null;
  channel: string | null;
  /** 1–5 or null */
  csat: number | null;
  /** 0–10 or null */
  nps: number | null;
  comment: string | null;
}

/** The kinds of file an import reads, in the order they are offered. */
export const IMPORT_KINDS = ['sales', 'marketing', 'satisfaction'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Why a line (or one of its cells) was rejected: a stable code; messages live in the catalogue. */
export interface LineProblem {
  line: number;
  /** The file's header of the offending column, or null for a whole-line problem. */
  column: string | null;
  code: string;
  /** The offending raw value, cut to 200 characters. */
  value: string | null;
}
