import { toDayNumber } from '../calendar/index.ts';
import { isAvailableOn } from './product-availability.ts';
import type { DemoProduct } from './types.ts';

/** Whether a product is on sale on a date ('YYYY-MM-DD'): seasonal drinks and festival boxes only in season. */
export function isProductAvailableOn(product: DemoProduct, date: string): boolean {
  return isAvailableOn(product.availability, toDayNumber(date));
}
