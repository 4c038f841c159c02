/**
 * `npx hardhat council create --circle <founding circle> --name "Water council" (--charter-file <path> | --charter-text "…" | --charter-hash 0x…) [--charter-uri …]
 * [--open-join] [--charter-term 90d …] [--description "…"] [--from <member>] [--json]`
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Hex } from "viem";

import { prepareCreateCouncil } from "../../client/actions/council/prepareCreateCouncil.js";
import type { CircleRules, MandateRules } from "../../client/rules.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { propose } from "../../client/actions/proposal/propose.js";
import {
  describeRules,
  nextSteps,
  proposalMade,
  registryOf,
  requireText,
  rulesWithOverrides,
  type ProposalMade,
  type RuleArgs,
} from "../circle/shared.js";
import { resolveCharterHash } from "../charter.js";

export interface CouncilCreateArgs extends RuleArgs {
  circle?: string;
  name?: string;
  charterHash?: string;
  charterFile?: string;
  charterText?: string;
  charterUri?: string;
  openJoin: boolean;
  description?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface CouncilCreateResult extends ProposalMade {
  name: string;
  openJoin: boolean;
  charterHash: Hex;
  rules: CircleRules;
  mandateRules: MandateRules;
}

/**
 * Proposes, in the founding circle, that it found a council (`registry.createCouncil`); the circle holds the first
 * seat once the decision is executed. The founding is tried first as the circle would make it, so a name or rules
 * the registry would refuse are refused now, before anything is proposed. Councils start from the registry's default
 * rules with one founding seat (`--min-members 1`); the charter term is the council's sunset.
 */
export async function proposeCouncil(c: Connection, args: CouncilCreateArgs): Promise<CouncilCreateResult> {
  const name = requireText("name", args.name, "give the council's name");
  const charterHash = await resolveCharterHash(args);
  const wallet = c.wallet(args.from);
  const registry = registryOf(c, args.registry);
  const circle = requireAddress("circle", args.circle);
  const { rules, mandateRules } = await rulesWithOverrides(c, registry, args, { minMembers: 1 });
  const prepared = await prepareCreateCouncil(c.publicClient, {
    circle,
    registry,
    name,
    charterHash,
    charterURI: args.charterUri,
    openJoin: args.openJoin,
    rules,
    mandateRules,
    description: args.description,
  });
  const made = proposalMade(await propose(wallet, prepared));
  return { ...made, name, openJoin: prepared.openJoin, charterHash, rules, mandateRules };
}

export default async function create(args: CouncilCreateArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeCouncil(await connect(hre), args);
    report(
      args.json,
      `${r.proposer} proposed that ${r.circle} found the council "${r.name}"${r.openJoin ? " (open join)" : ""}: ${nextSteps(r)} ` +
        `Its rules: ${describeRules(r.rules)}. Executing it prints the council's address.`,
      { ...r },
    );
  });
}
