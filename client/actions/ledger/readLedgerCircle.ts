import type { Address, Hex } from "viem";

import { CommonwealError } from "../../errors.js";
import { addr, big, bigOrNull, filterAddress, ledgerUrl, queryLedger, type LedgerClient } from "../../ledger.js";

export interface ReadLedgerCircleParameters {
  /** The circle or council. */
  circle: Address;
}

/** The ledger has no such circle or council: a wrong address or network, or a ledger that has not caught up. */
export class LedgerCircleNotFoundError extends CommonwealError {
  override name = "LedgerCircleNotFoundError";
  constructor(
    readonly url: string,
    readonly circle: Address,
  ) {
    super(
      `The ledger at ${url} has no circle or council ${circle}: check the address and the network the ledger follows, or wait until it has caught up with the node.`,
    );
  }
}

/** A circle or council as the ledger's directory holds it. */
export interface LedgerCircle {
  circle: Address;
  kind: "circle" | "council";
  name: string;
  creator: Address;
  /** The template a circle was founded from (zero if none); null for a council. */
  templateId: Hex | null;
  /** A council's founding circle; null for a circle. */
  foundingCircle: Address | null;
  /** The membership token (a council's seats), rituals, mandates and badges. */
  membership: Address;
  rituals: Address;
  mandates: Address;
  badges: Address;
  /** The rules in force (CircleRules, as the ABI names them) and the mandate rules. */
  rules: Record<string, unknown>;
  mandateRules: Record<string, unknown>;
  memberCount: number;
  resetEpoch: bigint;
  createdAt: bigint;
  createdAtBlock: bigint;
  createdInTransaction: Hex;
  dissolvedAt: bigint | null;
}

interface Row {
  circle: string;
  kind: "circle" | "council";
  name: string;
  creator: string;
  templateId: Hex | null;
  foundingCircle: string | null;
  membership: string;
  rituals: string;
  mandates: string;
  badges: string;
  rules: Record<string, unknown>;
  mandateRules: Record<string, unknown>;
  memberCount: number;
  resetEpoch: string;
  createdAt: string;
  createdAtBlock: string;
  createdInTransaction: Hex;
  dissolvedAt: string | null;
}

/**
 * A circle or council from the ledger's directory: its parts, rules in force, member count and reset epoch. Throws a
 * {@link LedgerCircleNotFoundError} if the ledger has none at that address.
 *
 * @example
 * const { name, rituals } = await readLedgerCircle({ url }, { circle });
 */
export async function readLedgerCircle(
  ledger: LedgerClient,
  parameters: ReadLedgerCircleParameters,
): Promise<LedgerCircle> {
  const { row } = await queryLedger<{ row: Row | null }>(
    ledger,
    `query ($circle: String!) {
      row: circleOrCouncil(circle: $circle) {
        circle kind name creator templateId foundingCircle membership rituals mandates badges rules mandateRules
        memberCount resetEpoch createdAt createdAtBlock createdInTransaction dissolvedAt
      }
    }`,
    { circle: filterAddress(parameters.circle) },
  );
  if (!row) throw new LedgerCircleNotFoundError(ledgerUrl(ledger), parameters.circle);
  return {
    circle: addr(row.circle),
    kind: row.kind,
    name: row.name,
    creator: addr(row.creator),
    templateId: row.kind === "circle" ? row.templateId : null,
    foundingCircle: row.foundingCircle ? addr(row.foundingCircle) : null,
    membership: addr(row.membership),
    rituals: addr(row.rituals),
    mandates: addr(row.mandates),
    badges: addr(row.badges),
    rules: row.rules,
    mandateRules: row.mandateRules,
    memberCount: row.memberCount,
    resetEpoch: big(row.resetEpoch),
    createdAt: big(row.createdAt),
    createdAtBlock: big(row.createdAtBlock),
    createdInTransaction: row.createdInTransaction,
    dissolvedAt: bigOrNull(row.dissolvedAt),
  };
}
