/**
 * The top-level fields whose values differ between two snapshots of a form (what someone else
 * changed between the version we loaded and the latest one). Values are compared as JSON, so dates
 * (dayjs serialises to an ISO string), arrays and nested objects compare by content.
 */
export function changedFields<T extends object>(before: T, after: T): (keyof T & string)[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: (keyof T & string)[] = [];
  for (const key of keys) {
    const a = JSON.stringify((before as Record<string, unknown>)[key] ?? null);
    const b = JSON.stringify((after as Record<string, unknown>)[key] ?? null);
    if (a !== b) out.push(key as keyof T & string);
  }
  return out;
}
