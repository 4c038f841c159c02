/**
 * `npx hardhat council create --circle <founding circle> --name "Water council" (--charter-file <path> | --charter-text "…" | --charter-hash 0x…) [--charter-uri …]
 * [--open-join] [--charter-term 90d …] [--description "…"] [--from <member>] [--json]`
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { encodeFunctionData, type Hex } from "viem";

import { circleRegistryAbi } from "../../client/abis.js";
import type { CircleRules, MandateRules } from "../../client/rules.js";
import { CliError, connect, report, runTask, type Connection } from "../cli.js";
import {
  describeRules,
  nextSteps,
  proposeInCircle,
  registryOf,
  requireText,
  resolveBody,
  rulesWithOverrides,
  withSuiteErrors,
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
  const charterURI = args.charterUri ?? "";
  const wallet = c.wallet(args.from);
  const registry = registryOf(c, args.registry);
  const body = await resolveBody(c, "circle", args.circle, registry);
  if (body.council) {
    throw new CliError(
      `${body.circle} is a council: its decisions are proposed by delegates (npx hardhat council propose --council ${body.circle} --target ${registry} …).`,
    );
  }
  const { rules, mandateRules } = await rulesWithOverrides(c, registry, args, { minMembers: 1 });
  const founding = { name, charterHash, charterURI, openJoin: args.openJoin };
  // Dry run as the circle itself: the registry's refusal, if any, in a sentence, before the circle votes on it.
  await c.publicClient.simulateContract({
    address: registry,
    abi: withSuiteErrors(circleRegistryAbi),
    functionName: "createCouncil",
    args: [founding, rules, mandateRules],
    account: body.circle,
  });
  const call = {
    target: registry,
    value: 0n,
    data: encodeFunctionData({
      abi: circleRegistryAbi,
      functionName: "createCouncil",
      args: [founding, rules, mandateRules],
    }),
  };
  const made = await proposeInCircle(c, wallet, body, [call], args.description || `Found the council "${name}"`);
  return { ...made, name, openJoin: args.openJoin, charterHash, rules, mandateRules };
}

export default async function create(args: CouncilCreateArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeCouncil(await connect(hre), args);
    report(
      args.json,
      `${r.proposer} proposed that ${r.circle} found the council "${r.name}"${r.openJoin ? " (open join)" : ""}: proposal ${r.proposalId} ` +
        `(transaction ${r.transaction}). Its rules: ${describeRules(r.rules)}. ${nextSteps(r)} Executing it prints the council's address.`,
      { ...r },
    );
  });
}
