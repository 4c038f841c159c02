import type { Address, Hex } from "viem";

import { addr, big, filterAddress, listAll, type LedgerClient } from "../../ledger.js";
import { readLedgerCircle } from "./readLedgerCircle.js";

export interface ListLedgerResetsParameters {
  /** The circle (or council). */
  circle: Address;
}

/** A hard reset (or the reset a dissolution makes): what it ended. */
export interface LedgerReset {
  /** The epoch it began. */
  epoch: bigint;
  /** The members whose signals triggered it (none for a dissolution). */
  triggeredBy: Address[];
  at: bigint;
  block: bigint;
  transactionHash: Hex;
  /** The proposals it canceled (open ones only), in the order reported. */
  proposalsEnded: bigint[];
  /** How many live mandates it ended. */
  mandatesEnded: bigint;
}

/** A member's signal toward a hard reset. */
export interface LedgerResetSignal {
  round: bigint;
  member: Address;
  /** Signals in the round with this one. */
  signals: bigint;
  roundEndsAt: bigint;
  at: bigint;
  block: bigint;
}

export interface ListLedgerResetsReturnType {
  resets: LedgerReset[];
  signals: LedgerResetSignal[];
}

interface LogRow {
  blockNumber: string;
  timestamp: string;
  transactionHash: Hex;
}

/**
 * A circle's hard resets from the ledger, each with the proposals it canceled and the mandates it ended, and every
 * reset signal in order.
 *
 * @example
 * const { resets } = await listLedgerResets({ url }, { circle });
 */
export async function listLedgerResets(
  ledger: LedgerClient,
  parameters: ListLedgerResetsParameters,
): Promise<ListLedgerResetsReturnType> {
  const { circle, rituals, mandates } = await readLedgerCircle(ledger, parameters);
  const log = "blockNumber timestamp transactionHash";
  const [resets, canceled, mandatesReset, signals] = await Promise.all([
    listAll<LogRow & { epoch: string; triggeredBy: string[] }>(ledger, "hardResets", {
      filterType: "hardResetFilter",
      where: { contract: filterAddress(circle) },
      orderBy: "id",
      selection: `${log} epoch triggeredBy`,
    }),
    listAll<LogRow & { proposalId: string }>(ledger, "proposalCanceleds", {
      filterType: "proposalCanceledFilter",
      where: { contract: filterAddress(circle) },
      orderBy: "id",
      selection: `${log} proposalId`,
    }),
    listAll<LogRow & { ended: string }>(ledger, "mandatesResets", {
      filterType: "mandatesResetFilter",
      where: { contract: filterAddress(mandates) },
      orderBy: "id",
      selection: `${log} ended`,
    }),
    listAll<LogRow & { round: string; member: string; signals: string; roundEndsAt: string }>(
      ledger,
      "resetSignalleds",
      {
        filterType: "resetSignalledFilter",
        where: { contract: filterAddress(rituals) },
        orderBy: "id",
        selection: `${log} round member signals roundEndsAt`,
      },
    ),
  ]);
  return {
    resets: resets.map((r) => ({
      epoch: big(r.epoch),
      triggeredBy: r.triggeredBy.map(addr),
      at: big(r.timestamp),
      block: big(r.blockNumber),
      transactionHash: r.transactionHash,
      proposalsEnded: canceled.filter((c) => c.transactionHash === r.transactionHash).map((c) => big(c.proposalId)),
      mandatesEnded: mandatesReset
        .filter((m) => m.transactionHash === r.transactionHash)
        .reduce((sum, m) => sum + big(m.ended), 0n),
    })),
    signals: signals.map((s) => ({
      round: big(s.round),
      member: addr(s.member),
      signals: big(s.signals),
      roundEndsAt: big(s.roundEndsAt),
      at: big(s.timestamp),
      block: big(s.blockNumber),
    })),
  };
}
