/**
 * The calldata of a call a decision or a mandate's holder has the circle perform, from a function signature and its
 * arguments as a person writes them (JSON values: whole numbers as strings or numbers, addresses as strings, arrays
 * and tuples as JSON arrays, booleans, 0x-hex bytes, strings). The one encoder of `circle propose`, `council propose`
 * and `mandate act`.
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
  isHex,
  parseAbiItem,
  toFunctionSelector,
  type AbiFunction,
  type AbiParameter,
  type Address,
  type Chain,
  type Client,
  type Hex,
  type Transport,
} from "viem";

import { InvalidParameterError } from "../../errors.js";
import { amountFromUnits, TOKEN_AMOUNT_FUNCTIONS, type TokenUnits } from "../../mandates.js";
import { readTokenUnits } from "../mandate/readTokenUnits.js";

export interface EncodeCallParameters {
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

export interface EncodeCallReturnType {
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
 * const call = await encodeCall(publicClient, {
 *   target: token, signature: "transfer(address,uint256)", args: [cai, "25"], // 25 tokens, in the token's decimals
 * });
 * await act(wallet, { mandates, mandateId: 1n, target: token, data: call.data });
 */
export async function encodeCall<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: EncodeCallParameters,
): Promise<EncodeCallReturnType> {
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
  const values = item.inputs.map((input, i) =>
    coerce(input, args[i], `The call's argument ${i + 1}`, {
      units: i === tokenFunction?.amountArgument ? token : undefined,
      record: (given, value, units) => numbers.push({ argument: i, given, value, ...(units ? { units } : {}) }),
    }),
  );
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

interface Coercion {
  /** The token's units this (top-level) argument is read in; undefined: raw. */
  units?: TokenUnits;
  /** Called for a top-level whole number with what was given and what is encoded. */
  record?: (given: string, value: bigint, units?: TokenUnits) => void;
}

/** A JSON value as the ABI type wants it: whole numbers as bigints, addresses checked, arrays and tuples recursively. */
function coerce(param: AbiParameter, value: unknown, subject: string, how: Coercion = {}): unknown {
  const type = param.type;
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) throw new InvalidParameterError("args", `${subject} should be a JSON array (${type}).`);
    const inner = { ...param, type: array[1]! } as AbiParameter;
    return value.map((v, i) => coerce(inner, v, `${subject}[${i}]`));
  }
  if (type === "tuple") {
    const components = (param as { components?: readonly AbiParameter[] }).components ?? [];
    if (!Array.isArray(value) || value.length !== components.length) {
      throw new InvalidParameterError("args", `${subject} should be a JSON array of ${components.length} value(s).`);
    }
    return components.map((component, i) => coerce(component, value[i], `${subject}.${i}`));
  }
  if (/^u?int\d*$/.test(type)) {
    const given = typeof value === "number" || typeof value === "string" ? `${value}` : "";
    if (how.units === undefined && !/^-?(\d+|0x[0-9a-fA-F]+)$/.test(given)) {
      throw new InvalidParameterError(
        "args",
        `${subject} should be a whole number (${type}): ${JSON.stringify(value)}.`,
      );
    }
    const n = how.units ? amountFromUnits(value, how.units, { parameter: "args", subject }) : BigInt(given);
    how.record?.(given, n, how.units);
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
    return getAddress(value);
  }
  if (type === "bool") {
    if (typeof value === "boolean") return value;
    throw new InvalidParameterError("args", `${subject} should be true or false.`);
  }
  if (type.startsWith("bytes")) {
    if (typeof value === "string" && isHex(value, { strict: true })) return value;
    throw new InvalidParameterError("args", `${subject} should be 0x and hex digits (${type}).`);
  }
  if (type === "string") {
    if (typeof value === "string") return value;
    throw new InvalidParameterError("args", `${subject} should be a JSON string.`);
  }
  return value;
}
