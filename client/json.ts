/**
 * JSON as the client writes it for people and programs: bigints (amounts, ids, times) as decimal strings, since they
 * exceed a JSON number's precision.
 *
 * @example
 * toJson({ amount: 10n ** 20n }); // '{"amount":"100000000000000000000"}'
 */

/** A `JSON.stringify` replacer that writes bigints as decimal strings. */
export const bigintsAsStrings = (_key: string, value: unknown): unknown =>
  typeof value === "bigint" ? value.toString() : value;

/** `value` as JSON text, bigints as decimal strings; `indent` as JSON.stringify's `space`. */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, bigintsAsStrings, indent);
}
