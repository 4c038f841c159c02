/**
 * A clearing line between two circles' currencies: once both circles have opened it, by their own decisions, a member
 * of one pays a member of the other in one transaction (payAcross), through the two circles' commons. Both circles
 * must sit in the council named; the line takes no new payments once either leaves it.
 */
import { getAddress, type Address, type Chain, type Client, type Transport } from "viem";

import { mutualCreditAbi } from "../../abis.js";
import { formatLimit } from "../../credit.js";
import { decisionCall, type ProposalCall } from "../../proposals.js";
import { readCurrency } from "./readCurrency.js";

export interface PrepareOpenClearingLineParameters {
  /** The deciding circle's own currency. */
  currency: Address;
  /** The other circle's currency (made by the same factory). */
  other: Address;
  /** A council both circles sit in: the line is open while they both do. */
  council: Address;
  /**
   * The limits of the other circle's commons in this currency, in the smallest unit: how far below zero (credit) and
   * above (saturation) the line may run. Default: the currency's default limits.
   */
  limits?: { creditLimit: bigint; saturationLimit: bigint };
}

export interface PrepareOpenClearingLineReturnType {
  /** The circle whose decision it is. */
  circle: Address;
  /** The other circle, whose commons the line admits as an account. */
  otherCircle: Address;
  council: Address;
  /** The decision's calls: open the line, then (if given) set the other commons' limits. */
  calls: ProposalCall[];
  /** A description for the proposal, with the limits in the currency's units. */
  description: string;
}

/**
 * The decision that opens this circle's side of a clearing line, checked as the circle would make it now: a refusal
 * (the other is no currency of the factory, a circle holds no seat in the council) is a DecisionWouldFailError. Sends
 * nothing: propose the calls in the currency's circle; the other circle opens its side by its own decision.
 *
 * @example
 * const line = await prepareOpenClearingLine(publicClient, {
 *   currency: elmHours, other: birchHours, council, limits: { creditLimit: 50n, saturationLimit: 50n },
 * });
 * await propose(walletClient, { circle: line.circle, calls: line.calls, description: line.description });
 */
export async function prepareOpenClearingLine<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareOpenClearingLineParameters,
): Promise<PrepareOpenClearingLineReturnType> {
  const council = getAddress(parameters.council);
  const [currency, other] = await Promise.all([
    readCurrency(client, { currency: parameters.currency }),
    readCurrency(client, { currency: parameters.other }),
  ]);
  // Each call is tried as the circle would make it, its refusal's amounts in this currency's units.
  const on = { address: currency.address, abi: mutualCreditAbi, circle: currency.circle, units: currency } as const;
  const calls = [
    await decisionCall(client, { ...on, functionName: "openClearingLine", args: [other.address, council] }),
  ];
  let limitsText = "";
  if (parameters.limits) {
    const { creditLimit, saturationLimit } = parameters.limits;
    calls.push(
      await decisionCall(client, {
        ...on,
        functionName: "setLimits",
        args: [other.circle, creditLimit, saturationLimit],
      }),
    );
    limitsText = `, limits credit ${formatLimit(creditLimit, currency)} and saturation ${formatLimit(saturationLimit, currency)}`;
  }
  return {
    circle: currency.circle,
    otherCircle: other.circle,
    council,
    calls,
    description: `Open a clearing line from ${currency.symbol} to ${other.symbol} (${other.circle}) in the council ${council}${limitsText}`,
  };
}
