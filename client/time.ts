/**
 * Times as the client writes them in its sentences: the contracts' clock is seconds since the epoch, shown as an ISO
 * date in UTC.
 *
 * @example
 * isoTime(1_767_225_600n); // "2026-01-01T00:00:00Z"
 */

/** Seconds since the epoch as an ISO date in UTC, to the second; "never" for zero (a time that was never set). */
export function isoTime(seconds: bigint | number): string {
  const n = Number(seconds);
  return n === 0 ? "never" : new Date(n * 1000).toISOString().replace(/\.000Z$/, "Z");
}
