/**
 * What an account holds of an ERC-20 token, in the token's units: a circle's treasury, which a mandate's powers may
 * spend from within their caps.
 */
import { getAddress, parseAbi, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { InvalidParameterError } from "../../errors.js";
import { formatTokenAmount, type TokenUnits } from "../../mandates.js";
import { readTokenUnits } from "./readTokenUnits.js";

const erc20BalanceAbi = parseAbi(["function balanceOf(address account) view returns (uint256)"]);

export interface ReadTokenBalanceParameters {
  /** The ERC-20 token. */
  token: Address;
  /** Whose balance: a circle, a member. */
  account: Address;
}

export interface ReadTokenBalanceReturnType {
  account: Address;
  /** The balance in the token's smallest unit. */
  balance: bigint;
  units: TokenUnits;
  /** The balance in whole units with the token's symbol, e.g. "460 MCT". */
  formatted: string;
}

/**
 * Reads `account`'s balance of `token`; a contract that does not answer `decimals()` is refused with an
 * InvalidParameterError (it is not an ERC-20 whose amounts can be written in units).
 *
 * @example
 * const { formatted } = await readTokenBalance(publicClient, { token: seedFund, account: circle });
 * console.log(`The circle holds ${formatted}.`);
 */
export async function readTokenBalance<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadTokenBalanceParameters,
): Promise<ReadTokenBalanceReturnType> {
  const token = getAddress(parameters.token);
  const account = getAddress(parameters.account);
  const units = await readTokenUnits(client, { token });
  if (!units) {
    throw new InvalidParameterError(
      "token",
      `${token} does not answer decimals(), so it is not an ERC-20 token whose balance can be read in units.`,
    );
  }
  const balance = await readContract(client, {
    address: token,
    abi: erc20BalanceAbi,
    functionName: "balanceOf",
    args: [account],
  });
  return { account, balance, units, formatted: formatTokenAmount(balance, units) };
}
