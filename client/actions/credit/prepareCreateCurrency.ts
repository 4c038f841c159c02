import { maxUint256, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { circleAbi, circleRitualsAbi, creditFactoryAbi } from "../../abis.js";
import { decisionCall, proposalCall, type ProposalCall } from "../../proposals.js";
import { formatLimit } from "../../credit.js";
import { ContractRefusalError, DecisionWouldFailError, describeError } from "../../errors.js";
import { readCurrencyAddress } from "./readCurrencyAddress.js";

export interface PrepareCreateCurrencyParameters {
  /** The credit factory. */
  factory: Address;
  /** The circle (or council) that will create it, by decision. */
  circle: Address;
  name: string;
  symbol: string;
  /** Its decimals (default 18). */
  decimals?: number;
  /** How far below zero accounts may go by default, in the smallest unit. */
  defaultCredit: bigint;
  /** How far above zero accounts may go by default (default `maxUint256`: unlimited). */
  defaultSaturation?: bigint;
}

export interface PrepareCreateCurrencyReturnType {
  circle: Address;
  /** Where the currency will be once the decision is executed. */
  currency: Address;
  name: string;
  symbol: string;
  decimals: number;
  defaultCredit: bigint;
  defaultSaturation: bigint;
  /** The decision's calls: the factory creates the currency, then the rituals register it as a role module. */
  calls: ProposalCall[];
  /** A description for the proposal, with the limits in the currency's units. */
  description: string;
}

/**
 * The decision that creates a circle's currency and registers it as a role module (so departures move balances to
 * the commons), checked as the circle would make it now: refused with a ContractRefusalError if the circle has a
 * currency already, and a DecisionWouldFailError if the factory would refuse or the circle has no room for another
 * role module. Sends nothing: propose the calls in the circle.
 *
 * @example
 * const { calls, description } = await prepareCreateCurrency(publicClient, {
 *   factory, circle, name: "Elm hours", symbol: "HRS", decimals: 2, defaultCredit: 100_00n,
 * });
 */
export async function prepareCreateCurrency<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareCreateCurrencyParameters,
): Promise<PrepareCreateCurrencyReturnType> {
  const { name, symbol, defaultCredit, decimals = 18, defaultSaturation = maxUint256 } = parameters;
  const { factory, circle, currency, exists } = await readCurrencyAddress(client, parameters);
  if (exists) {
    const args = [circle, currency] as const;
    throw new ContractRefusalError(
      "CreditFactoryCurrencyExists",
      args,
      describeError("CreditFactoryCurrencyExists", args),
    );
  }
  const units = { decimals, symbol };
  const create = await decisionCall(client, {
    circle,
    address: factory,
    abi: creditFactoryAbi,
    functionName: "createCurrency",
    args: [name, symbol, decimals, defaultCredit, defaultSaturation],
    units,
  });
  // Role modules are kept by the circle's rituals, which cap how many there may be.
  const rituals = await readContract(client, { address: circle, abi: circleAbi, functionName: "rituals" });
  const [modules, maxModules] = await Promise.all([
    readContract(client, { address: rituals, abi: circleRitualsAbi, functionName: "roleModules" }),
    readContract(client, { address: rituals, abi: circleRitualsAbi, functionName: "MAX_ROLE_MODULES" }),
  ]);
  if (BigInt(modules.length) >= maxModules) throw new DecisionWouldFailError("CircleRoleModulesFull", [maxModules]);
  const calls = [
    create,
    proposalCall(rituals, { abi: circleRitualsAbi, functionName: "addRoleModule", args: [currency] }),
  ];
  const description = `Create our currency "${name}" (${symbol}, ${decimals} decimals): credit limit ${formatLimit(defaultCredit, units)}, saturation limit ${formatLimit(defaultSaturation, units)} by default`;
  return { circle, currency, name, symbol, decimals, defaultCredit, defaultSaturation, calls, description };
}
