/**
 * Whether a contract is an ERC-20 with units, and which: its `decimals()` and, where it answers, its `symbol()`.
 * Amounts of token functions and powers' caps are written in these units (see TOKEN_AMOUNT_FUNCTIONS).
 */
import {
  BaseError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  parseAbi,
  type Address,
  type Chain,
  type Client,
  type Transport,
} from "viem";
import { readContract } from "viem/actions";

import type { TokenUnits } from "../../mandates.js";

const erc20UnitsAbi = parseAbi(["function decimals() view returns (uint8)", "function symbol() view returns (string)"]);

export interface ReadTokenUnitsParameters {
  /** The contract that may be an ERC-20. */
  token: Address;
}

/** The token's units, or undefined if it does not answer `decimals()` (no contract, or not an ERC-20 with units). */
export type ReadTokenUnitsReturnType = TokenUnits | undefined;

/** Whether a contract call failed because the contract does not answer it (no code, a revert, no data). */
function unanswered(error: unknown): boolean {
  return (
    error instanceof BaseError &&
    Boolean(error.walk((e) => e instanceof ContractFunctionZeroDataError || e instanceof ContractFunctionRevertedError))
  );
}

/**
 * Reads a token's units. A contract that does not answer `decimals()` is not taken for an ERC-20 (its amounts are
 * raw); one that answers `decimals()` but not `symbol()` is named by its address. Network failures are thrown.
 *
 * @example
 * const units = await readTokenUnits(publicClient, { token });
 * if (units) console.log(`${units.symbol} has ${units.decimals} decimals`);
 */
export async function readTokenUnits<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadTokenUnitsParameters,
): Promise<ReadTokenUnitsReturnType> {
  const { token } = parameters;
  const read = async <name extends "decimals" | "symbol">(functionName: name) => {
    try {
      return await readContract(client, { address: token, abi: erc20UnitsAbi, functionName });
    } catch (error) {
      if (unanswered(error)) return undefined;
      throw error;
    }
  };
  const decimals = await read("decimals");
  if (decimals === undefined) return undefined;
  const symbol = await read("symbol");
  return symbol === undefined || symbol === "" ? { token, decimals } : { token, decimals, symbol: symbol as string };
}
