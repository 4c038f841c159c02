/**
 * `npx hardhat mandate act --circle <address> --id 1 --target <address>
 *   (--call "transfer(address,uint256)" --args '["0x…", "10"]' | --data 0x…) [--value 0.1]
 *   [--from <address>] [--registry <address>] [--json]`
 *
 * The holder of a live mandate has the circle perform one of the calls the mandate allows.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import {
  encodeFunctionData,
  getAddress,
  isAddress,
  isHex,
  parseAbiItem,
  slice,
  type AbiFunction,
  type Address,
  type Hex,
} from "viem";

import {
  CliError,
  connect,
  hasWrongChecksum,
  parseAmount,
  report,
  requireAddress,
  runTask,
  send,
  type Connection,
} from "../cli.js";
import { circleOf, mandatesCallAbi, parseId } from "./common.js";

export interface ActArgs {
  circle?: string;
  id?: string;
  target?: string;
  call?: string;
  args?: string;
  data?: string;
  value?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface ActResult {
  circle: Address;
  mandateId: bigint;
  holder: Address;
  target: Address;
  selector: Hex;
  value: bigint;
  data: Hex;
  /** What the call returned. */
  returned: Hex;
  transaction: Hex;
}

/** Turns a JSON argument into what viem encodes for `type`: integers as bigints, the rest as given. */
function coerce(type: string, value: unknown, index: number): unknown {
  if (/^u?int\d*$/.test(type)) {
    const text = typeof value === "number" || typeof value === "string" ? String(value) : "";
    if (!/^-?\d+$/.test(text)) throw new CliError(`--args: argument ${index + 1} should be a whole number (${type}).`);
    return BigInt(text);
  }
  if (type === "address" && !(typeof value === "string" && isAddress(value, { strict: false }))) {
    throw new CliError(`--args: argument ${index + 1} should be an address (0x and 40 hex digits).`);
  }
  if (type === "address" && hasWrongChecksum(value as string)) {
    throw new CliError(
      `--args: argument ${index + 1} ${String(value)} has a wrong checksum (its mixed upper and lower case does not match EIP-55): check it for a mistyped character, or write it all in lower case.`,
    );
  }
  return value;
}

/** The calldata from `--data`, or from `--call` and `--args`. */
export function encodeCall(args: Pick<ActArgs, "call" | "args" | "data">): Hex {
  if (args.data !== undefined) {
    if (args.call !== undefined) throw new CliError("Give either --data or --call, not both.");
    if (!isHex(args.data, { strict: true }) || args.data.length % 2 !== 0) {
      throw new CliError(`--data "${args.data}" is not calldata: give 0x and an even number of hex digits.`);
    }
    return args.data;
  }
  if (!args.call) {
    throw new CliError(
      `Say what the circle should call: --call "transfer(address,uint256)" --args '["0x…", "10"]', or raw --data 0x….`,
    );
  }
  let item: AbiFunction;
  try {
    item = parseAbiItem(`function ${args.call.replace(/^function\s+/, "")}`) as AbiFunction;
  } catch {
    throw new CliError(`--call "${args.call}" is not a function signature such as transfer(address,uint256).`);
  }
  let values: unknown = [];
  if (args.args !== undefined) {
    try {
      values = JSON.parse(args.args);
    } catch {
      throw new CliError(`--args is not JSON: give an array such as '["0x…", "10"]'.`);
    }
  }
  if (!Array.isArray(values) || values.length !== item.inputs.length) {
    throw new CliError(`--args: ${item.name} takes ${item.inputs.length} argument(s); give them as a JSON array.`);
  }
  const coerced = values.map((v, i) => coerce(item.inputs[i]!.type, v, i));
  try {
    return encodeFunctionData({ abi: [item], functionName: item.name, args: coerced });
  } catch (error) {
    const reason = (error as { shortMessage?: string }).shortMessage ?? String(error);
    throw new CliError(`--args do not fit ${args.call}: ${reason}`);
  }
}

/**
 * Has the circle perform the call through mandate `--id`. Refused with a sentence before anything is sent if the
 * signer does not hold the live mandate or it does not allow the call; a call that reverts reverts the whole act.
 */
export async function actThroughMandate(c: Connection, args: ActArgs): Promise<ActResult> {
  const mandateId = parseId("id", args.id);
  const target = requireAddress("target", args.target);
  const data = encodeCall(args);
  const value = args.value === undefined ? 0n : parseAmount("value", args.value);
  const wallet = c.wallet(args.from);
  const { circle, mandates } = await circleOf(c, args);
  const { request, result: returned } = await c.publicClient.simulateContract({
    address: mandates,
    abi: mandatesCallAbi,
    functionName: "act",
    args: [mandateId, target, value, data],
    account: wallet.account,
  });
  const { hash: transaction } = await send(c, wallet, request);
  const selector = data.length >= 10 ? slice(data, 0, 4) : "0x00000000";
  return {
    circle,
    mandateId,
    holder: getAddress(wallet.account.address),
    target,
    selector,
    value,
    data,
    returned,
    transaction,
  };
}

export default async function act(args: ActArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await actThroughMandate(await connect(hre), args);
    report(
      args.json,
      `Through mandate ${r.mandateId}, ${r.holder} had circle ${r.circle} call ${args.call ?? r.selector} on ${r.target}, in transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
