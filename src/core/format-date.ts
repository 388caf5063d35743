/**
 * One way to write a day for readers of the card: "9 Oct 2019". Written out by hand rather than
 * with Intl so that every browser and Node show the same text (ICU versions disagree on "Sep"
 * and "Sept"), and so the sentences the card builds read the same in tests and in use.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2019-10-09` → `9 Oct 2019`; anything that is not an ISO day is returned as it is. */
export function formatDay(isoDay: string): string {
  const match = ISO_DAY.exec(isoDay);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return isoDay;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** True for a real calendar day written `YYYY-MM-DD` (not `2026-02-30`). */
export function isIsoDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
