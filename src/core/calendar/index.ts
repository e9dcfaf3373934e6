/**
 * The one calendar of Pacer: civil days (dates.ts), reporting periods, fiscal years and ISO weeks
 * (periods.ts), the lunar calendar (lunar.ts), Taiwan's public holidays and make-up workdays
 * (holidays.ts), the retail festivals and seasons (festivals.ts), and time zones. Pure: the caller
 * passes `today`.
 */
export * from './civil-days.ts';
export * from './dates.ts';
export * from './festivals.ts';
export * from './holidays.ts';
export * from './lunar.ts';
export * from './periods.ts';
export * from './time-zones.ts';
