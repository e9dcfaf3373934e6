import { createHash } from 'node:crypto';
import type { SalesRecord } from '../../core/ingest/records.ts';

/**
 * Stable keys of sales lines, so that re-importing a file adds nothing and an overlapping file adds
 * only its new lines: the file's order id and line number; a line without an order id is keyed by a
 * hash of its content and how many identical lines came before it in the same file (two identical
 * sales in one export are two sales).
 */
export class SalesLineKeyer {
  private readonly seenContent = new Map<string, number>();
  private readonly nextLineNo = new Map<string, number>();

  key(r: SalesRecord): { orderId: string; lineNo: number } {
    if (r.orderId !== null) {
      if (r.lineNo !== null) return { orderId: r.orderId, lineNo: r.lineNo };
      const n = (this.nextLineNo.get(r.orderId) ?? 0) + 1;
      this.nextLineNo.set(r.orderId, n);
      return { orderId: r.orderId, lineNo: n };
    }
    const content = [
      r.soldAt,
      r.product,
      r.customer ?? '',
      r.channel ?? '',
      r.rep ?? '',
      r.region ?? '',
      r.quantity,
      r.unitPriceMinor ?? '',
      r.discountMinor,
      r.amountMinor,
      r.campaignCode ?? '',
    ].join('\u001f');
    const digest = createHash('sha256').update(content).digest('base64url').slice(0, 22);
    const occurrence = (this.seenContent.get(digest) ?? 0) + 1;
    this.seenContent.set(digest, occurrence);
    return { orderId: `#${digest}`, lineNo: occurrence };
  }
}

/** The line's unit price: the file's, else its amount plus discount over its quantity (0 for none). */
export function unitPriceMinor(r: SalesRecord): number {
  return (
    r.unitPriceMinor ?? (r.quantity !== 0 ? Math.round((r.amountMinor + r.discountMinor) / r.quantity) : 0)
  );
}

export function contentKey(parts: readonly (string | number | null)[]): string {
  return `#${createHash('sha256')
    .update(parts.map((p) => (p === null ? '' : String(p))).join('\u001f'))
    .digest('base64url')
    .slice(0, 22)}`;
}
