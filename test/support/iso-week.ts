/** The Monday of a date (ISO weeks), in plain code: the tests' own reference, not the app's calendar. */
export const mondayOf = (d: string): string => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7));
  return t.toISOString().slice(0, 10);
};
