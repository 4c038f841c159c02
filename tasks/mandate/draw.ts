/**
 * `npx hardhat mandate draw --circle <address> --role <name> --term 30d [--title …] [--scope …] [--powers …]
 *   [--description …]` proposes a draw by lot (a decision of the circle);
 * `npx hardhat mandate draw --circle <address> --complete <drawId>` completes a draw once its randomness is out;
 * `--facilitator` requests the rotating facilitator's draw (anyone, when there is no live facilitator);
 * `--rerequest <drawId>` gives a draw whose randomness can no longer be revealed a fresh ticket.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { completeDraw } from "../../client/actions/mandate/completeDraw.js";
import { requestDrawCall, type RequestDrawCallReturnType } from "../../client/actions/mandate/requestDrawCall.js";
import { requestFacilitatorDraw } from "../../client/actions/mandate/requestFacilitatorDraw.js";
import { rerequestDraw } from "../../client/actions/mandate/rerequestDraw.js";
import { describeSpec, type MandateSpec } from "../../client/mandates.js";
import { CliError, connect, report, runTask, type Connection } from "../cli.js";
import { circleOf, describeCaps, parseId, parseSpec, type SpecArgs } from "./common.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { nextSteps, proposalMade, type ProposalMade } from "../circle/shared.js";

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
  | (ProposalMade & {
      action: "proposed";
      spec: MandateSpec;
      pool: Address[];
      powers: RequestDrawCallReturnType["powers"];
    })
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

/** Proposes, requests, re-requests or completes a draw by lot. Refusals are sentences; bad input sends nothing. */
export async function drawMandate(c: Connection, args: DrawArgs): Promise<DrawResult> {
  const modes = [args.complete !== undefined, args.rerequest !== undefined, args.facilitator].filter(Boolean).length;
  if (modes > 1) throw new CliError("Give at most one of --complete, --rerequest and --facilitator.");

  if (args.complete !== undefined) {
    const drawId = parseId("complete", args.complete);
    const wallet = c.wallet(args.from);
    const { circle, mandates } = await circleOf(c, args);
    const r = await completeDraw(wallet, { mandates, drawId });
    const { randomness, transaction } = r;
    if (r.outcome === "voided") return { action: "voided", circle, drawId, randomness, transaction };
    return { action: "completed", circle, drawId, mandateId: r.mandateId, holder: r.holder, randomness, transaction };
  }

  if (args.rerequest !== undefined) {
    const drawId = parseId("rerequest", args.rerequest);
    const wallet = c.wallet(args.from);
    const { circle, mandates } = await circleOf(c, args);
    return { action: "rerequested", circle, ...(await rerequestDraw(wallet, { mandates, drawId })) };
  }

  if (args.facilitator) {
    const wallet = c.wallet(args.from);
    const { circle, mandates } = await circleOf(c, args);
    return { action: "requested", circle, ...(await requestFacilitatorDraw(wallet, { mandates })) };
  }

  const spec = parseSpec(args);
  const wallet = c.wallet(args.from);
  const { circle, mandates } = await circleOf(c, args);
  const draw = await requestDrawCall(c.publicClient, {
    ...spec,
    mandates,
    proposer: wallet.account.address,
    ...(args.description !== undefined ? { description: args.description } : {}),
  });
  const decision = proposalMade(await propose(wallet, { circle, calls: [draw.call], description: draw.description }));
  return { ...decision, action: "proposed", spec: draw.spec, pool: draw.pool, powers: draw.powers };
}

/** The result in a sentence. */
function describe(r: DrawResult): string {
  switch (r.action) {
    case "proposed":
      return `${r.proposer} proposed to circle ${r.circle} drawing by lot the mandate ${describeSpec(r.spec)}, among ${r.pool.length} eligible member(s) today: ${nextSteps(r)}${describeCaps(r.powers)} Once it is executed the draw waits for its randomness ("mandate list" shows pending draws); then anyone completes it with --complete <drawId>.`;
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
