/**
 * A member logs a dependency reversal: something the circle did for itself that it used to buy or hand to an outside
 * authority (a borrowed tool instead of a purchase, a shared meal, a dispute settled inside, care exchanged). The
 * sovereignty scorecard counts them from the ledger, per member and per temperature period.
 */
import { getAddress, parseEventLogs, type Address, type Hex } from "viem";
import { readContract } from "viem/actions";

import { circleRitualsAbi } from "../../abis.js";
import { CommonwealError, InvalidParameterError, withSuiteErrors } from "../../errors.js";
import { submit, type SigningClient } from "../submit.js";
import { DEPENDENCY_REVERSAL_KINDS, type DependencyReversalKindName } from "../../scorecard.js";
import { resolveBody } from "./resolveBody.js";

/** Most bytes a reversal's memo may have (the contract's MAX_REVERSAL_MEMO_BYTES). */
export const MAX_REVERSAL_MEMO_BYTES = 280;

export interface LogDependencyReversalParameters {
  /** The circle or council. */
  circle: Address;
  registry: Address;
  /** The kind, by name ("tool", "meal", "dispute", "care", "other") or number (0 to 4). */
  kind: DependencyReversalKindName | number;
  /** What happened, 1 to {@link MAX_REVERSAL_MEMO_BYTES} bytes of UTF-8. */
  memo: string;
}

export interface LogDependencyReversalReturnType {
  circle: Address;
  member: Address;
  /** The temperature period it was logged in. */
  period: bigint;
  kind: number;
  kindName: DependencyReversalKindName;
  memo: string;
  /** How many reversals the member has logged in this period, this one included. */
  loggedThisPeriod: number;
  /** The most one member may log in a period. */
  cap: number;
  transaction: Hex;
}

/** The kind's number, from a name or a number; refuses anything else with a sentence listing the kinds. */
export function dependencyReversalKind(kind: string | number): number {
  const byName = DEPENDENCY_REVERSAL_KINDS.findIndex((k) => k.name === String(kind).trim().toLowerCase());
  if (byName >= 0) return byName;
  const n = typeof kind === "number" ? kind : /^\d+$/.test(kind.trim()) ? Number(kind) : NaN;
  if (Number.isInteger(n) && n >= 0 && n < DEPENDENCY_REVERSAL_KINDS.length) return n;
  const names = DEPENDENCY_REVERSAL_KINDS.map((k, i) => `${k.name} (${i}, ${k.description})`).join(", ");
  throw new InvalidParameterError("kind", `"${kind}" is not a kind of dependency reversal: give one of ${names}.`);
}

/**
 * Logs a reversal as the client's account (a current member), and reads how many it has logged this period. Refused
 * before anything is sent: an unknown kind, an empty or over-long memo, a non-member, a member at the per-period cap.
 *
 * @example
 * const logged = await logDependencyReversal(anaWallet, { circle, registry, kind: "tool", memo: "Borrowed Ben's ladder" });
 */
export async function logDependencyReversal(
  client: SigningClient,
  parameters: LogDependencyReversalParameters,
): Promise<LogDependencyReversalReturnType> {
  const { registry, memo } = parameters;
  const kind = dependencyReversalKind(parameters.kind);
  const bytes = new TextEncoder().encode(memo).length;
  if (bytes === 0 || bytes > MAX_REVERSAL_MEMO_BYTES) {
    throw new InvalidParameterError(
      "memo",
      `Say what happened in 1 to ${MAX_REVERSAL_MEMO_BYTES} bytes; the memo has ${bytes}.`,
    );
  }
  const body = await resolveBody(client, { address: parameters.circle, registry });
  const { hash, receipt } = await submit(client, {
    address: body.rituals,
    abi: withSuiteErrors(circleRitualsAbi),
    functionName: "logDependencyReversal",
    args: [kind, memo],
  });
  const [logged] = parseEventLogs({ abi: circleRitualsAbi, logs: receipt.logs, eventName: "DependencyReversalLogged" });
  if (!logged) throw new CommonwealError(`Transaction ${hash} logged no dependency reversal.`);
  const member = getAddress(client.account.address);
  const read = (functionName: "MAX_REVERSALS_PER_MEMBER_PER_PERIOD") =>
    readContract(client, { address: body.rituals, abi: circleRitualsAbi, functionName });
  const [count, cap] = await Promise.all([
    readContract(client, {
      address: body.rituals,
      abi: circleRitualsAbi,
      functionName: "reversalsLogged",
      args: [logged.args.period, member],
      blockNumber: receipt.blockNumber,
    }),
    read("MAX_REVERSALS_PER_MEMBER_PER_PERIOD"),
  ]);
  return {
    circle: body.circle,
    member,
    period: logged.args.period,
    kind,
    kindName: DEPENDENCY_REVERSAL_KINDS[kind]!.name,
    memo,
    loggedThisPeriod: Number(count),
    cap: Number(cap),
    transaction: hash,
  };
}
