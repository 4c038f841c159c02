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

/**
 * A duration in seconds as the client writes it: "7d", "1h 30m", "90s" ("0s" for none).
 *
 * @example
 * formatDuration(5_400); // "1h 30m"
 */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return "0s";
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of [
    ["d", 86_400],
    ["h", 3_600],
    ["m", 60],
    ["s", 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join(" ");
}
