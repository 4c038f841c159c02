/**
 * What the mutual-credit tasks share: finding a circle's currency from the options (`--circle` through the factory,
 * or `--currency`), and reading amounts and limits given in the currency's own decimals.
 */
import { maxUint256, type Address } from "viem";

import { resolveBody } from "../../client/actions/circle/resolveBody.js";
import { readCurrency, type ReadCurrencyReturnType } from "../../client/actions/credit/readCurrency.js";
import {
  readCurrencyAddress,
  type ReadCurrencyAddressReturnType,
} from "../../client/actions/credit/readCurrencyAddress.js";
import { CliError, parseAmount, requireAddress, requireContract, type Connection } from "../cli.js";

/** Where the currency is: the circle whose currency it is (through the factory), or its address. */
export interface CurrencyArgs {
  circle?: string;
  currency?: string;
  factory?: string;
}

/** A circle's currency, as the tasks show it. */
export type Currency = ReadCurrencyReturnType;

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
): Promise<ReadCurrencyAddressReturnType> {
  const circle = requireAddress("circle", args.circle);
  const factory = await factoryOf(c, args.factory);
  const found = await readCurrencyAddress(c.publicClient, { factory, circle });
  await resolveBody(c.publicClient, { address: circle, registry: found.registry });
  return found;
}

/** The currency the options name, with its metadata; refused with a sentence if there is none. */
export async function resolveCurrency(c: Connection, args: CurrencyArgs): Promise<Currency> {
  let address: Address;
  if (args.currency) {
    address = requireAddress("currency", args.currency);
    await requireContract(c, "mutual-credit currency", address);
  } else if (args.circle) {
    const found = await circleAndPredictedCurrency(c, args);
    if (!found.exists) {
      throw new CliError(
        `Circle ${found.circle} has no currency yet: propose one with npx hardhat credit create --circle ${found.circle} --name <name> --symbol <symbol> --credit <limit>.`,
      );
    }
    address = found.currency;
  } else {
    throw new CliError("Say which currency: --circle <address> (the circle's currency) or --currency <address>.");
  }
  const currency = await readCurrency(c.publicClient, { currency: address });
  if (args.currency && args.circle && requireAddress("circle", args.circle) !== currency.circle) {
    throw new CliError(`The currency ${address} belongs to circle ${currency.circle}, not to ${args.circle}.`);
  }
  return currency;
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
