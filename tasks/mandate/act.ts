/**
 * `npx hardhat mandate act --circle <address> --id 1 --target <address>
 *   (--call "transfer(address,uint256)" --args '["0x…", "25"]' | --data 0x…) [--value 0.1]
 *   [--from <address>] [--registry <address>] [--json]`
 *
 * The holder of a live mandate has the circle perform one of the calls the mandate allows. The amount of a token
 * function (transfer, approve, transferFrom, mint, burn…) on an ERC-20 target is read in the token's units; every
 * other whole number is raw; the result says which (see the client's encodeCall).
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { isHex, type Address, type Hex } from "viem";

import { act, type ActReturnType } from "../../client/actions/mandate/act.js";
import { encodeCall, type NumberReading } from "../../client/actions/call/encodeCall.js";
import { unitName } from "../../client/mandates.js";
import { CliError, connect, parseAmount, report, requireAddress, runTask, type Connection } from "../cli.js";
import { circleOf, parseId } from "./common.js";
import { parseJsonArgs } from "../circle/shared.js";

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

/** What the act did (see the client's act), in which circle, and how each whole number of `--args` was read. */
export type ActResult = ActReturnType & {
  circle: Address;
  /** In the token's units, or raw (empty with --data). */
  numbers: NumberReading[];
};

/** `--data` checked as calldata, or the calldata the client encodes from `--call` and `--args`. */
async function calldata(
  c: Connection,
  target: Address,
  args: Pick<ActArgs, "call" | "args" | "data">,
): Promise<{ data: Hex; numbers: NumberReading[] }> {
  if (args.data !== undefined) {
    if (args.call !== undefined) throw new CliError("Give either --data or --call, not both.");
    if (!isHex(args.data, { strict: true }) || args.data.length % 2 !== 0) {
      throw new CliError(`--data "${args.data}" is not calldata: give 0x and an even number of hex digits.`);
    }
    return { data: args.data, numbers: [] };
  }
  if (!args.call) {
    throw new CliError(
      `Say what the circle should call: --call "transfer(address,uint256)" --args '["0x…", "25"]', or raw --data 0x….`,
    );
  }
  return encodeCall(c.publicClient, { target, signature: args.call, args: parseJsonArgs(args.args) });
}

/**
 * Has the circle perform the call through mandate `--id`. Refused with a sentence before anything is sent if the
 * signer does not hold the live mandate or it does not allow the call; a call that reverts reverts the whole act.
 */
export async function actThroughMandate(c: Connection, args: ActArgs): Promise<ActResult> {
  const mandateId = parseId("id", args.id);
  const target = requireAddress("target", args.target);
  const value = args.value === undefined ? 0n : parseAmount("value", args.value);
  const wallet = c.wallet(args.from);
  const { data, numbers } = await calldata(c, target, args);
  const { circle, mandates } = await circleOf(c, args);
  const r = await act(wallet, { mandates, mandateId, target, value, data });
  return { circle, ...r, numbers };
}

/** How the whole numbers were read, as a sentence ("" when there were none). */
function describeNumbers(r: ActResult): string {
  const said = r.numbers.map((n) =>
    n.units
      ? `amount ${n.given} read in units of ${unitName(n.units)} (${n.units.decimals} decimals), ${n.value} raw`
      : `${n.given} read as a raw integer`,
  );
  if (said.length === 0) return "";
  const raw = r.numbers.some((n) => !n.units);
  const why = raw ? " (only the amount of a token function on an ERC-20 with decimals() is read in units)" : "";
  return ` Arguments: ${said.join("; ")}${why}.`;
}

export default async function actTask(args: ActArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await actThroughMandate(await connect(hre), args);
    report(
      args.json,
      `Through mandate ${r.mandateId}, ${r.holder} had circle ${r.circle} call ${args.call ?? r.selector} on ${r.target}, in transaction ${r.transaction}.${describeNumbers(r)}`,
      { ...r },
    );
  });
}
