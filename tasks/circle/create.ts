/**
 * `npx hardhat circle create --name "Elm Street Garden" --founders 0x…,0x… --charter-hash 0x… [--charter-uri ipfs://…]
 * [--template <name or id> | --voting-period 2d …] [--from <address>] [--registry <address>] [--json]`
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { keccak256, parseEventLogs, toBytes, type Address, type Hex } from "viem";

import { circleRegistryAbi } from "../../client/abis.js";
import { mandateRulesFromChain, rulesFromChain, type CircleRules, type MandateRules } from "../../client/rules.js";
import { CliError, connect, report, requireContract, runTask, send, type Connection } from "../cli.js";
import {
  describeRules,
  givenRuleOptions,
  parseAddressList,
  parseBytes32,
  registryOf,
  requireText,
  rulesWithOverrides,
  withSuiteErrors,
  type RuleArgs,
} from "./shared.js";

export interface CreateArgs extends RuleArgs {
  name?: string;
  founders?: string;
  charterHash?: string;
  charterUri?: string;
  template?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

/** The circle founded, and its parts. */
export interface CreateResult {
  circle: Address;
  membership: Address;
  rituals: Address;
  mandates: Address;
  badges: Address;
  name: string;
  creator: Address;
  founders: Address[];
  /** The template the rules came from, or null for rules given here. */
  templateId: Hex | null;
  rules: CircleRules;
  mandateRules: MandateRules;
  transaction: Hex;
}

/** A template's id: `--template` as 0x and 64 hex digits, or the keccak256 of its name. */
export function templateId(value: string): Hex {
  return /^0x[0-9a-fA-F]{64}$/.test(value) ? (value.toLowerCase() as Hex) : keccak256(toBytes(value));
}

/**
 * Founds a circle at the registry: with the registry's default rules and any overrides given, or with a published
 * template's rules. Every input is checked before anything is sent; a refusal throws with a readable sentence.
 */
export async function createCircle(c: Connection, args: CreateArgs): Promise<CreateResult> {
  const name = requireText("name", args.name, "give the circle's name");
  const founders = parseAddressList("founders", args.founders);
  const charterHash = parseBytes32("charter-hash", args.charterHash, "the charter's content hash");
  const charterURI = args.charterUri ?? "";
  const overrides = givenRuleOptions(args);
  if (args.template && overrides.length > 0) {
    throw new CliError(
      `--template founds the circle with the template's rules as published; drop ${overrides.join(", ")} or the template.`,
    );
  }
  const wallet = c.wallet(args.from);
  const registry = registryOf(c, args.registry);
  await requireContract(c, "circle registry", registry);
  const founding = { name, founders, charterHash, charterURI };
  const abi = withSuiteErrors(circleRegistryAbi);
  const { request } = args.template
    ? await c.publicClient.simulateContract({
        address: registry,
        abi,
        functionName: "createCircleFromTemplate",
        args: [founding, templateId(args.template)],
        account: wallet.account,
      })
    : await (async () => {
        const { rules, mandateRules } = await rulesWithOverrides(c, registry, args);
        return c.publicClient.simulateContract({
          address: registry,
          abi,
          functionName: "createCircle",
          args: [founding, rules, mandateRules],
          account: wallet.account,
        });
      })();
  const { hash, receipt } = await send(c, wallet, request);
  const [created] = parseEventLogs({ abi: circleRegistryAbi, logs: receipt.logs, eventName: "CircleCreated" });
  if (!created) throw new CliError(`Transaction ${hash} founded no circle.`);
  const { parts, creator, rules, mandateRules } = created.args;
  return {
    ...parts,
    name: created.args.name,
    creator,
    founders,
    templateId: /^0x0+$/.test(created.args.templateId) ? null : created.args.templateId,
    rules: rulesFromChain(rules),
    mandateRules: mandateRulesFromChain(mandateRules),
    transaction: hash,
  };
}

export default async function create(args: CreateArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(async () => {
    const r = await createCircle(await connect(hre), args);
    report(
      args.json,
      [
        `Founded "${r.name}" at ${r.circle} with ${r.founders.length} founders${r.templateId ? ` from template ${r.templateId}` : ""}, in transaction ${r.transaction}.`,
        `  membership ${r.membership}`,
        `  rituals    ${r.rituals}`,
        `  mandates   ${r.mandates}`,
        `  badges     ${r.badges}`,
        `  rules: ${describeRules(r.rules)}`,
      ].join("\n"),
      { ...r },
    );
  });
}
