import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The demo shop's lines with one order id per line (ids rising with the date, as an ERP numbers
 * orders), written in one of five line orders: date (as generated), reverse, customer, product,
 * shuffled (seeded). Cached as `orders-<lines>-<order>.csv` in `dir`.
 */
export function orderedVariant(dir: string, lines: number, source: string, order: string): string {
  const file = join(dir, `orders-${lines}-${order}.csv`);
  if (existsSync(file)) return file;
  const rows = readFileSync(source, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  const header = rows.shift() as string;
  const out = rows.map((l, i) => {
    const comma = l.indexOf(',', l.indexOf(',') + 1);
    return `O${String(i + 1).padStart(8, '0')},1${l.slice(comma)}`;
  });
  // Columns: 0 order, 1 line, 2 time, 3 product, 9 member.
  const field = (l: string, n: number) => l.split(',')[n] ?? '';
  const by = (n: number) => (a: string, b: string) => {
    const x = field(a, n);
    const y = field(b, n);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  if (order === 'reverse') out.reverse();
  else if (order === 'customer') out.sort(by(9));
  else if (order === 'product') out.sort(by(3));
  else if (order === 'shuffled') {
    let seed = 20261203;
    for (let i = out.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [out[i], out[j]] = [out[j] as string, out[i] as string];
    }
  }
  writeFileSync(file, `${header}\n${out.join('\n')}\n`);
  return file;
}
