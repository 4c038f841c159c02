/** Anything that can parse a log into a named event: an ethers `Interface`, for one. */
export interface LogParser {
  parseLog(log: { topics: readonly string[]; data: string }): { name: string; args: unknown } | null;
}

/**
 * The first log among `logs` that `parser` decodes as event `name`, or undefined. Logs of other contracts (which
 * the parser cannot decode) are skipped.
 *
 * @example
 * const created = findEvent(registry.interface, receipt.logs, "CircleCreated");
 */
export function findEvent<P extends LogParser>(
  parser: P,
  logs: readonly { topics: readonly string[]; data: string }[],
  name: string,
): NonNullable<ReturnType<P["parseLog"]>> | undefined {
  for (const log of logs) {
    let parsed: ReturnType<P["parseLog"]> | null = null;
    try {
      parsed = parser.parseLog(log) as ReturnType<P["parseLog"]>;
    } catch {
      continue; // not an event this parser knows
    }
    if (parsed?.name === name) return parsed as NonNullable<ReturnType<P["parseLog"]>>;
  }
  return undefined;
}

/** Every log among `logs` that `parser` decodes as event `name`. */
export function findEvents<P extends LogParser>(
  parser: P,
  logs: readonly { topics: readonly string[]; data: string }[],
  name: string,
): NonNullable<ReturnType<P["parseLog"]>>[] {
  const found: NonNullable<ReturnType<P["parseLog"]>>[] = [];
  for (const log of logs) {
    const parsed = findEvent(parser, [log], name);
    if (parsed) found.push(parsed);
  }
  return found;
}
