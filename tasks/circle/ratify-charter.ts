/**
 * `npx hardhat circle ratify-charter --circle <address> (--charter-file <path> | --charter-text "…" | --charter-hash 0x…) [--charter-uri ipfs://…]
 * [--description "…"] [--from <address>] [--json]`
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Hex } from "viem";

import { prepareRatifyCharter } from "../../client/actions/circle/prepareRatifyCharter.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { nextSteps, proposalMade, registryOf, type ProposalMade } from "./shared.js";
import { resolveCharterHash } from "../charter.js";

export interface RatifyCharterArgs {
  circle?: string;
  charterHash?: string;
  charterFile?: string;
  charterText?: string;
  charterUri?: string;
  description?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface RatifyCharterResult extends ProposalMade {
  charterHash: Hex;
  charterURI: string;
}

/**
 * Proposes that the circle ratify a charter (new or the same), which restarts its term. Ratifying is one of the
 * decisions a circle can still make after its charter lapsed.
 */
export async function proposeCharter(c: Connection, args: RatifyCharterArgs): Promise<RatifyCharterResult> {
  const charterHash = await resolveCharterHash(args);
  const wallet = c.wallet(args.from);
  const circle = requireAddress("circle", args.circle);
  const registry = registryOf(c, args.registry);
  const prepared = await prepareRatifyCharter(c.publicClient, {
    circle,
    registry,
    charterHash,
    charterURI: args.charterUri,
    description: args.description,
  });
  const made = proposalMade(await propose(wallet, prepared));
  return { ...made, charterHash, charterURI: prepared.charterURI };
}

export default async function ratifyCharter(args: RatifyCharterArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeCharter(await connect(hre), args);
    report(args.json, `${r.proposer} proposed ratifying the charter ${r.charterHash} in ${r.circle}: ${nextSteps(r)}`, {
      ...r,
    });
  });
}
