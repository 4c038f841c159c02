/**
 * A mandate's holder has the circle perform one of the calls the mandate allows (`mandates.act`). The call is
 * simulated first: a holder who does not hold the live mandate, a call it does not allow, an amount over its cap, or
 * the target's own refusal is thrown before anything is sent, and a call that reverts reverts the whole act.
 */
import { formatEther, getAddress, slice, type Address, type Hex } from "viem";

import { ContractRefusalError, decodeRevert, describeError } from "../../errors.js";
import { formatTokenAmount, mandatesCallAbi, TOKEN_AMOUNT_FUNCTIONS, type TokenUnits } from "../../mandates.js";
import { submit, type SigningClient } from "../submit.js";
import { readTokenUnits } from "./readTokenUnits.js";

export interface ActParameters {
  /** The circle's mandates module. */
  mandates: Address;
  mandateId: bigint;
  /** The contract the circle calls. */
  target: Address;
  /** Wei the circle sends with the call (default 0), within the power's value cap. */
  value?: bigint;
  /** The calldata (see encodeCall); `0x` for a plain ether transfer. */
  data: Hex;
}

export interface ActReturnType {
  mandateId: bigint;
  holder: Address;
  target: Address;
  /** The called function's selector (`0x00000000` for a plain ether transfer). */
  selector: Hex;
  value: bigint;
  data: Hex;
  /** What the call returned. */
  returned: Hex;
  transaction: Hex;
}

/** The refusals whose arguments are amounts, and which of them (by position): written in units where they are known. */
const AMOUNT_ARGUMENTS: Readonly<Record<string, { kind: "token" | "ether"; positions: readonly number[] }>> = {
  MandateAmountOverCap: { kind: "token", positions: [1, 2] },
  ERC20InsufficientBalance: { kind: "token", positions: [1, 2] },
  ERC20InsufficientAllowance: { kind: "token", positions: [1, 2] },
  MandateValueOverCap: { kind: "ether", positions: [1, 2] },
};

/**
 * Acts through mandate `mandateId` as the client's account. A refusal is thrown as the contract's custom error; one
 * about an amount (over the mandate's cap, more than the circle holds or may spend, more ether than allowed) comes as
 * a ContractRefusalError whose sentence writes the amounts in the token's units (or ether), keeping the raw error.
 *
 * @example
 * const { data } = await encodeCall(walletClient, { target: token, signature: "transfer(address,uint256)", args: [cai, "25"] });
 * const { transaction } = await act(walletClient, { mandates, mandateId: 1n, target: token, data });
 */
export async function act(client: SigningClient, parameters: ActParameters): Promise<ActReturnType> {
  const { mandates, mandateId, target, data, value = 0n } = parameters;
  const selector: Hex = data.length >= 10 ? slice(data, 0, 4) : "0x00000000";
  const sent = await submit(client, {
    address: mandates,
    abi: mandatesCallAbi,
    functionName: "act",
    args: [mandateId, target, value, data],
  }).catch(async (error: unknown) => {
    throw await inUnits(client, error, target, selector);
  });
  return {
    mandateId,
    holder: getAddress(client.account.address),
    target,
    selector,
    value,
    data,
    returned: sent.result,
    transaction: sent.hash,
  };
}

/** The refusal with its amounts in units, where it names amounts and their units are known; else the error as is. */
async function inUnits(client: SigningClient, error: unknown, target: Address, selector: Hex): Promise<unknown> {
  const decoded = decodeRevert(error);
  const amounts = decoded && AMOUNT_ARGUMENTS[decoded.errorName];
  if (!decoded || !amounts) return error;
  let write: (raw: bigint) => string;
  if (amounts.kind === "ether") {
    write = (raw) => `${formatEther(raw)} ${client.chain?.nativeCurrency.symbol ?? "ETH"}`;
  } else {
    // A token refusal is written in the target's units only when the call is the target's own token function.
    const units: TokenUnits | undefined = TOKEN_AMOUNT_FUNCTIONS[selector]
      ? await readTokenUnits(client, { token: target })
      : undefined;
    if (!units) return error;
    write = (raw) => formatTokenAmount(raw, units);
  }
  const args = decoded.args.map((arg, i) =>
    amounts.positions.includes(i) && typeof arg === "bigint" ? write(arg) : arg,
  );
  return new ContractRefusalError(decoded.errorName, decoded.args, describeError(decoded.errorName, args), {
    cause: error,
  });
}
