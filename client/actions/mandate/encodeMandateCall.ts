/**
 * The calldata of a call a mandate's holder has the circle perform, from a function signature and its arguments as a
 * person writes them (JSON values: whole numbers as strings or numbers, addresses as strings).
 *
 * The rule for amounts: when the function is a token function (transfer, approve, transferFrom, mint, burn, burnFrom,
 * increaseAllowance, decreaseAllowance: TOKEN_AMOUNT_FUNCTIONS) and the target answers ERC-20 `decimals()`, its
 * amount argument is read in the token's units (`25` is 25 tokens, `0.5` half of one). Every other whole number —
 * any argument of another function, any on a target that is not an ERC-20 with decimals — is a raw integer.
 * `numbers` says how each was read, so a face can tell the person.
 */
import {
  encodeFunctionData,
  getAddress,
  isAddress,
  parseAbiItem,
  toFunctionSelector,
  type AbiFunction,
  type Address,
  type Chain,
  type Client,
  type Hex,
  type Transport,
} from "viem";

import { InvalidParameterError } from "../../errors.js";
import { amountFromUnits, TOKEN_AMOUNT_FUNCTIONS, type TokenUnits } from "../../mandates.js";
import { readTokenUnits } from "./readTokenUnits.js";

export interface EncodeMandateCallParameters {
  /** The contract the circle would call. */
  target: Address;
  /** The function, e.g. `transfer(address,uint256)`. */
  signature: string;
  /** Its arguments in order, as JSON gives them. */
  args: readonly unknown[];
}

/** How one whole-number argument was read. */
export interface NumberReading {
  /** Its position, from 0. */
  argument: number;
  /** What was given, as text. */
  given: string;
  /** The integer encoded. */
  value: bigint;
  /** The token's units it was read in; undefined: read as a raw integer. */
  units?: TokenUnits;
}

export interface EncodeMandateCallReturnType {
  data: Hex;
  selector: Hex;
  functionName: string;
  /** Every whole-number argument and how it was read. */
  numbers: NumberReading[];
  /** Whether the function is a token function whose amount is read in units when the target is an ERC-20. */
  tokenFunction: boolean;
  /** The target's units, when the function is a token function and the target answers `decimals()`. */
  token?: TokenUnits;
}

/**
 * Encodes the call, reading the token's units as the rule above says. Refused with an InvalidParameterError: a
 * malformed signature, the wrong number of arguments, an argument of the wrong kind (an address with a wrong EIP-55
 * checksum among them), an amount with more decimals than the token has.
 *
 * @example
 * const call = await encodeMandateCall(publicClient, {
 *   target: token, signature: "transfer(address,uint256)", args: [cai, "25"], // 25 tokens, in the token's decimals
 * });
 * await act(wallet, { mandates, mandateId: 1n, target: token, data: call.data });
 */
export async function encodeMandateCall<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: EncodeMandateCallParameters,
): Promise<EncodeMandateCallReturnType> {
  const { target, signature, args } = parameters;
  let item: AbiFunction;
  try {
    item = parseAbiItem(`function ${signature.replace(/^function\s+/, "")}`) as AbiFunction;
    if (item.type !== "function") throw new Error("not a function");
  } catch {
    throw new InvalidParameterError(
      "signature",
      `"${signature}" is not a function signature such as transfer(address,uint256).`,
    );
  }
  if (args.length !== item.inputs.length) {
    throw new InvalidParameterError(
      "args",
      `${item.name} takes ${item.inputs.length} argument(s); ${args.length} were given, one value per argument.`,
    );
  }
  const selector = toFunctionSelector(item);
  const tokenFunction = TOKEN_AMOUNT_FUNCTIONS[selector];
  const token = tokenFunction ? await readTokenUnits(client, { token: target }) : undefined;
  const numbers: NumberReading[] = [];
  const values = args.map((value, i) => {
    const { type } = item.inputs[i]!;
    const subject = `The call's argument ${i + 1}`;
    if (/^u?int\d*$/.test(type)) {
      const units = i === tokenFunction?.amountArgument ? token : undefined;
      if (
        units === undefined &&
        !/^-?\d+$/.test(typeof value === "number" || typeof value === "string" ? `${value}` : "")
      ) {
        throw new InvalidParameterError("args", `${subject} should be a whole number (${type}).`);
      }
      const n = units ? amountFromUnits(value, units, { parameter: "args", subject }) : BigInt(`${value as string}`);
      numbers.push({ argument: i, given: `${value as string}`, value: n, ...(units ? { units } : {}) });
      return n;
    }
    if (type === "address") {
      if (!(typeof value === "string" && isAddress(value, { strict: false }))) {
        throw new InvalidParameterError("args", `${subject} should be an address (0x and 40 hex digits).`);
      }
      // Mixed case is an EIP-55 checksum, which catches a mistyped digit; one case throughout carries none.
      const hex = value.slice(2);
      if (hex !== hex.toLowerCase() && hex !== hex.toUpperCase() && getAddress(value) !== value) {
        throw new InvalidParameterError(
          "args",
          `${subject} ${value} has a wrong checksum (its mixed upper and lower case does not match EIP-55): check it for a mistyped character, or write it all in lower case.`,
        );
      }
    }
    return value;
  });
  let data: Hex;
  try {
    data = encodeFunctionData({ abi: [item], functionName: item.name, args: values });
  } catch (error) {
    const reason = (error as { shortMessage?: string }).shortMessage ?? String(error);
    throw new InvalidParameterError("args", `The arguments do not fit ${signature}: ${reason}`);
  }
  return {
    data,
    selector,
    functionName: item.name,
    numbers,
    tokenFunction: tokenFunction !== undefined,
    ...(token ? { token } : {}),
  };
}
