import type { DemoChannelKind } from './types.ts';

/** A product and quantity on an order being drafted (an index into the catalog's products). */
export interface DraftLine {
  product: number;
  quantity: number;
}

export interface DraftOrder {
  readonly minute: number;
  readonly creation: number;
  readonly channel: DemoChannelKind;
  readonly customer: string | null;
  readonly rep: string | null;
  readonly region: string | null;
  readonly lines: DraftLine[];
}
