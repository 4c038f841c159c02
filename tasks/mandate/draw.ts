/**
 * `npx hardhat mandate draw --circle <address> --role <name> --days 30 [--title …] [--scope …] [--powers …]
 *   [--description …]` proposes a draw by lot (a decision of the circle);
 * `npx hardhat mandate draw --circle <address> --complete <drawId>` completes a draw once its randomness is out;
 * `--facilitator` requests the rotating facilitator's draw (anyone, when there is no live facilitator);
 * `--rerequest <drawId>` gives a draw whose randomness can no longer be revealed a fresh ticket.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import {
  encodeFunctionData,
  keccak256,
  parseEventLogs,
  toBytes,
  toHex,
  zeroAddress,
  type Address,
  type Hex,
} from "viem";

import { mandatesAbi } from "../../client/abis.js";
import { blockHeaderRlp, type RpcBlockHeader } from "../../client/blockHeader.js";
import { describeError } from "../../client/errors.js";
import { CliError, connect, report, runTask, send, type Connection } from "../cli.js";
import {
  circleOf,
  describeSpec,
  mandatesCallAbi,
  parseId,
  parseSpec,
  type MandateSpec,
  type SpecArgs,
} from "./common.js";
import { nextSteps, proposeDecision, wouldFail, type ProposedDecision } from "./decision.js";

export interface DrawArgs extends SpecArgs {
  circle?: string;
  complete?: string;
  rerequest?: string;
  facilitator: boolean;
  description?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export type DrawResult =
  | (ProposedDecision & { action: "proposed"; spec: MandateSpec; pool: Address[] })
  | {
      action: "requested";
      circle: Address;
      drawId: bigint;
      role: string;
      pool: Address[];
      ticket: bigint;
      transaction: Hex;
    }
  | { action: "rerequested"; circle: Address; drawId: bigint; ticket: bigint; transaction: Hex }
  | {
      action: "completed";
      circle: Address;
      drawId: bigint;
      mandateId: bigint;
      holder: Address;
      randomness: bigint;
      transaction: Hex;
    }
  | { action: "voided"; circle: Address; drawId: bigint; randomness: bigint; transaction: Hex };

/** The pool frozen for `drawId`, from its DrawRequested event (empty if there is none: the draw does not exist). */
async function frozenPool(c: Connection, mandates: Address, drawId: bigint): Promise<readonly Address[]> {
  const logs = await c.publicClient.getContractEvents({
    address: mandates,
    abi: mandatesAbi,
    eventName: "DrawRequested",
    args: { drawId },
    fromBlock: 0n,
  });
  return logs.at(-1)?.args.pool ?? [];
}

/**
 * The proof the randomness source takes: the RLP header of the ticket's block once it exists (what the default
 * `PrevrandaoRandomness` checks), else empty (sources that need no proof ignore it).
 */
async function proofFor(c: Connection, ticket: bigint): Promise<Hex> {
  if (ticket >= (await c.publicClient.getBlockNumber())) return "0x";
  const block = await c.publicClient.request({ method: "eth_getBlockByNumber", params: [toHex(ticket), false] });
  return block ? (blockHeaderRlp(block as unknown as RpcBlockHeader) as Hex) : "0x";
}

/** Proposes, requests, re-requests or completes a draw by lot. Refusals are sentences; bad input sends nothing. */
export async function drawMandate(c: Connection, args: DrawArgs): Promise<DrawResult> {
  const modes = [args.complete !== undefined, args.rerequest !== undefined, args.facilitator].filter(Boolean).length;
  if (modes > 1) throw new CliError("Give at most one of --complete, --rerequest and --facilitator.");

  if (args.complete !== undefined) {
    const drawId = parseId("complete", args.complete);
    const wallet = c.wallet(args.from);
    const { circle, mandates } = await circleOf(c, args);
    const [pool, draw] = await Promise.all([
      frozenPool(c, mandates, drawId),
      c.publicClient.readContract({ address: mandates, abi: mandatesAbi, functionName: "draw", args: [drawId] }),
    ]);
    const proof = await proofFor(c, draw.ticket);
    const { request } = await c.publicClient.simulateContract({
      address: mandates,
      abi: mandatesCallAbi,
      functionName: "completeDraw",
      args: [drawId, pool, proof],
      account: wallet.account,
    });
    const { hash: transaction, receipt } = await send(c, wallet, request);
    const [completed] = parseEventLogs({ abi: mandatesAbi, logs: receipt.logs, eventName: "DrawCompleted" });
    const [voided] = parseEventLogs({ abi: mandatesAbi, logs: receipt.logs, eventName: "DrawVoided" });
    if (voided) return { action: "voided", circle, drawId, randomness: voided.args.randomness, transaction };
    if (!completed) throw new CliError(`Transaction ${transaction} completed no draw.`);
    const { mandateId, holder, randomness } = completed.args;
    return { action: "completed", circle, drawId, mandateId, holder, randomness, transaction };
  }

  if (args.rerequest !== undefined) {
    const drawId = parseId("rerequest", args.rerequest);
    const wallet = c.wallet(args.from);
    const { circle, mandates } = await circleOf(c, args);
    const { request } = await c.publicClient.simulateContract({
      address: mandates,
      abi: mandatesCallAbi,
      functionName: "rerequestDraw",
      args: [drawId],
      account: wallet.account,
    });
    const { hash: transaction, receipt } = await send(c, wallet, request);
    const [rerequested] = parseEventLogs({ abi: mandatesAbi, logs: receipt.logs, eventName: "DrawRerequested" });
    return { action: "rerequested", circle, drawId, ticket: rerequested?.args.ticket ?? 0n, transaction };
  }

  if (args.facilitator) {
    const wallet = c.wallet(args.from);
    const { circle, mandates } = await circleOf(c, args);
    const { request } = await c.publicClient.simulateContract({
      address: mandates,
      abi: mandatesCallAbi,
      functionName: "requestFacilitatorDraw",
      account: wallet.account,
    });
    const { hash: transaction, receipt } = await send(c, wallet, request);
    const [requested] = parseEventLogs({ abi: mandatesAbi, logs: receipt.logs, eventName: "DrawRequested" });
    if (!requested) throw new CliError(`Transaction ${transaction} requested no draw.`);
    const { drawId, role, pool, ticket } = requested.args;
    return { action: "requested", circle, drawId, role, pool: [...pool], ticket, transaction };
  }

  const spec = parseSpec(args);
  const wallet = c.wallet(args.from);
  const { circle, mandates } = await circleOf(c, args);
  await c.publicClient
    .simulateContract({
      address: mandates,
      abi: mandatesAbi,
      functionName: "requestDraw",
      args: [spec],
      account: circle,
    })
    .catch((error: unknown) => {
      throw wouldFail(error);
    });
  // The pool leaves out the decision's proposer (when the rules say they step aside), which a preview cannot know.
  const rules = await c.publicClient.readContract({ address: mandates, abi: mandatesAbi, functionName: "rules" });
  const pool = await c.publicClient.readContract({
    address: mandates,
    abi: mandatesAbi,
    functionName: "eligiblePool",
    args: [keccak256(toBytes(spec.role)), rules.proposerStepsAside ? wallet.account.address : zeroAddress],
  });
  if (pool.length === 0)
    throw new CliError(`This decision would fail if it were executed now: ${describeError("MandateEmptyPool", [])}`);
  const data = encodeFunctionData({ abi: mandatesAbi, functionName: "requestDraw", args: [spec] });
  const description = args.description ?? `Draw by lot the mandate ${describeSpec(spec)}`;
  const decision = await proposeDecision(c, circle, wallet, [{ target: mandates, data }], description);
  return { ...decision, action: "proposed", spec, pool: [...pool] };
}

/** The result in a sentence. */
function describe(r: DrawResult): string {
  switch (r.action) {
    case "proposed":
      return `${r.proposer} proposed to circle ${r.circle} drawing by lot the mandate ${describeSpec(r.spec)}, among ${r.pool.length} eligible member(s) today. ${nextSteps(r)} Once it is executed the draw waits for its randomness ("mandate list" shows pending draws); then anyone completes it with --complete <drawId>.`;
    case "requested":
      return `Draw ${r.drawId} for "${r.role}" is requested in circle ${r.circle}, among ${r.pool.join(", ")}; its randomness is that of ticket ${r.ticket}. Complete it once that is out: --complete ${r.drawId}. Transaction ${r.transaction}.`;
    case "rerequested":
      return `Draw ${r.drawId} of circle ${r.circle} has a fresh ticket, ${r.ticket}; complete it once that is out. Transaction ${r.transaction}.`;
    case "completed":
      return `Draw ${r.drawId} of circle ${r.circle} is complete: ${r.holder} holds mandate ${r.mandateId}. Transaction ${r.transaction}.`;
    case "voided":
      return `Draw ${r.drawId} of circle ${r.circle} is void: nobody in its pool was still eligible, so it granted nothing. The role is free for a new decision. Transaction ${r.transaction}.`;
  }
}

export default async function draw(args: DrawArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const result = await drawMandate(await connect(hre), args);
    report(args.json, describe(result), { ...result });
  });
}
