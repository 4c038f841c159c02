import { fetchLedger, ledgerUrl, type LedgerClient } from "../../ledger.js";

export interface ReadLedgerStatusParameters {
  /** A block the ledger should have reached (e.g. the node's latest): `caughtUp` says whether it has. */
  block?: bigint;
}

export interface ReadLedgerStatusReturnType {
  /** The ledger's base URL. */
  url: string;
  /** The network the ledger follows (its name in the indexer's config, e.g. "localhost"), null before its first block. */
  chain: string | null;
  chainId: number | null;
  /** The last block the ledger has indexed (0 before the first). */
  block: bigint;
  /** That block's timestamp, in seconds: the ledger's clock, at which derived states are read. */
  timestamp: bigint;
  /** Whether the ledger has reached `block` (without `block`: whether it has indexed any block at all). */
  caughtUp: boolean;
}

/**
 * How far the ledger has got: the last block it indexed on the network it follows, and whether that is at least
 * `block`. Reading the ledger before it has caught up shows the history up to its block only. Throws a
 * LedgerUnavailableError if nothing answers at the ledger's URL.
 *
 * @example
 * const head = await publicClient.getBlockNumber();
 * const { caughtUp, block } = await readLedgerStatus({ url: "http://127.0.0.1:42069" }, { block: head });
 */
export async function readLedgerStatus(
  ledger: LedgerClient,
  parameters: ReadLedgerStatusParameters = {},
): Promise<ReadLedgerStatusReturnType> {
  const status = await fetchLedger<Record<string, { id: number; block: { number: number; timestamp: number } }>>(
    ledger,
    "/status",
  );
  // The indexer follows one network; the first (by chain id) if a future one follows several.
  const [entry] = Object.entries(status);
  const block = entry ? BigInt(entry[1].block.number) : 0n;
  return {
    url: ledgerUrl(ledger),
    chain: entry?.[0] ?? null,
    chainId: entry?.[1].id ?? null,
    block,
    timestamp: entry ? BigInt(entry[1].block.timestamp) : 0n,
    caughtUp: entry !== undefined && (parameters.block === undefined || block >= parameters.block),
  };
}
