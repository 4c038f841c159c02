/**
 * What the mutual-credit tasks share: finding a circle's currency (`--circle` through the factory, or `--currency`),
 * reading amounts and limits in the currency's own decimals, and explaining a limit refusal in those units.
 */
import { BaseError, ContractFunctionRevertedError, formatUnits, maxUint256, type Address } from "viem";

import { creditFactoryAbi, mutualCreditAbi } from "../../client/abis.js";
import { describeError } from "../../client/errors.js";
import { CliError, parseAmount, requireAddress, requireContract, type Connection } from "../cli.js";
import { resolveCircle } from "../resolve.js";

/** Where the currency is: the circle whose currency it is (through the factory), or its address. */
export interface CurrencyArgs {
  circle?: string;
  currency?: string;
  factory?: string;
}

/** A circle's currency, as the tasks show it. */
export interface Currency {
  address: Address;
  circle: Address;
  name: string;
  symbol: string;
  decimals: number;
}

/** Largest amount and limit a currency takes; a limit this high (or `unlimited`) is no limit. */
export const MAX_VALUE = 2n ** 100n - 1n;

/** The credit factory: `--factory`, or this network's deployment record; refused if there is no contract there. */
export async function factoryOf(c: Connection, factory: string | undefined): Promise<Address> {
  const address = factory ? requireAddress("factory", factory) : c.deployment().creditFactory;
  await requireContract(c, "credit factory", address);
  return address;
}

/**
 * The circle at `--circle` (checked against the factory's registry) and the address its currency has, or will have
 * once created.
 */
export async function circleAndPredictedCurrency(
  c: Connection,
  args: { circle?: string; factory?: string },
): Promise<{ factory: Address; circle: Address; currency: Address }> {
  const circleAddress = requireAddress("circle", args.circle);
  const factory = await factoryOf(c, args.factory);
  const registry = await c.publicClient
    .readContract({ address: factory, abi: creditFactoryAbi, functionName: "registry" })
    .catch(() => {
      throw new CliError(`${factory} is not a credit factory (it has no registry).`);
    });
  const { circle } = await resolveCircle(c, "circle", circleAddress, registry);
  const currency = await c.publicClient.readContract({
    address: factory,
    abi: creditFactoryAbi,
    functionName: "currencyOf",
    args: [circle],
  });
  return { factory, circle, currency };
}

/** The currency the options name, with its metadata; refused with a sentence if there is none. */
export async function resolveCurrency(c: Connection, args: CurrencyArgs): Promise<Currency> {
  let address: Address;
  if (args.currency) {
    address = requireAddress("currency", args.currency);
    await requireContract(c, "mutual-credit currency", address);
  } else if (args.circle) {
    const found = await circleAndPredictedCurrency(c, args);
    address = found.currency;
    if (!(await c.publicClient.getCode({ address }))) {
      throw new CliError(
        `Circle ${found.circle} has no currency yet: propose one with npx hardhat credit create --circle ${found.circle} --name <name> --symbol <symbol> --credit <limit>.`,
      );
    }
  } else {
    throw new CliError("Say which currency: --circle <address> (the circle's currency) or --currency <address>.");
  }
  const read = <F extends "circle" | "name" | "symbol" | "decimals">(functionName: F) =>
    c.publicClient.readContract({ address, abi: mutualCreditAbi, functionName });
  let metadata: [Address, string, string, number];
  try {
    metadata = await Promise.all([read("circle"), read("name"), read("symbol"), read("decimals")]);
  } catch {
    throw new CliError(`${address} is not a mutual-credit currency.`);
  }
  const [circle, name, symbol, decimals] = metadata;
  if (args.currency && args.circle && requireAddress("circle", args.circle) !== circle) {
    throw new CliError(`The currency ${address} belongs to circle ${circle}, not to ${args.circle}.`);
  }
  return { address, circle, name, symbol, decimals };
}

/** A positive amount in `decimals` (whole units only when there are none), or a CliError naming the option. */
export function parseTokenAmount(option: string, value: string | undefined, decimals: number): bigint {
  if (decimals > 0 || value === undefined || value === "") return parseAmount(option, value, Math.max(decimals, 1));
  if (!/^\d+$/.test(value)) {
    throw new CliError(
      `--${option} "${value}" is not an amount: this currency has no decimals, so use whole numbers (e.g. 25).`,
    );
  }
  if (BigInt(value) === 0n) throw new CliError(`--${option} must be more than zero.`);
  return BigInt(value);
}

/** A limit: an amount, 0 for none, or `unlimited`. */
export function parseLimit(option: string, value: string | undefined, decimals: number): bigint {
  if (value?.trim().toLowerCase() === "unlimited") return maxUint256;
  if (value !== undefined && /^0+(\.0+)?$/.test(value)) return 0n;
  return parseTokenAmount(option, value, decimals);
}

/** An amount (signed) in the currency's units, with its symbol: "-12.5 HRS". */
export function formatAmount(amount: bigint, currency: Pick<Currency, "decimals" | "symbol">): string {
  return `${formatUnits(amount, currency.decimals)} ${currency.symbol}`;
}

/** A limit in the currency's units; the largest value is "unlimited". */
export function formatLimit(limit: bigint, currency: Pick<Currency, "decimals" | "symbol">): string {
  return limit >= MAX_VALUE ? "unlimited" : formatAmount(limit, currency);
}

/**
 * A currency's refusal with its amounts in the currency's units (the limit errors carry raw integers), as a
 * CliError; anything else passes through to be explained as it is.
 */
export function creditRefusal(error: unknown, currency: Pick<Currency, "decimals" | "symbol">): unknown {
  if (!(error instanceof BaseError)) return error;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (!(reverted instanceof ContractFunctionRevertedError) || !reverted.data) return error;
  const { errorName, args = [] } = reverted.data;
  if (errorName !== "MutualCreditLimitExceeded" && errorName !== "MutualCreditSaturationExceeded") return error;
  const [account, after, limit] = args as [Address, bigint, bigint];
  return new CliError(
    describeError(errorName, [account, formatAmount(after, currency), formatAmount(limit, currency)]),
  );
}
