/**
 * `npx hardhat circle create --name "Elm Street Garden" --founders 0x…,0x… (--charter-file <path> | --charter-text "…" | --charter-hash 0x…) [--charter-uri ipfs://…]
 * [--template <name or id> | --voting-period 2d …] [--consents a.json,b.json] [--deadline <unix seconds>]
 * [--from <address>] [--registry <address>] [--json]`
 *
 * Every founder but the sender must consent: a founder who is one of this network's accounts (a local node's unlocked
 * accounts) is asked to sign here (eth_signTypedData_v4); anyone else signs with `circle consent` and sends the JSON.
 */
import { readFileSync } from "node:fs";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { keccak256, parseEventLogs, toBytes, type Address, type Hex } from "viem";

import { circleRegistryAbi } from "../../client/abis.js";
import { foundingConsentTypedData, type FoundingContent } from "../../client/founding.js";
import { mandateRulesFromChain, rulesFromChain, type CircleRules, type MandateRules } from "../../client/rules.js";
import { CliError, connect, report, requireContract, runTask, send, type Connection } from "../cli.js";
import {
  describeRules,
  givenRuleOptions,
  parseAddressList,
  registryOf,
  requireText,
  rulesWithOverrides,
  withSuiteErrors,
  type RuleArgs,
} from "./shared.js";
import { resolveCharterHash } from "../charter.js";

export interface CreateArgs extends RuleArgs {
  name?: string;
  founders?: string;
  charterHash?: string;
  charterFile?: string;
  charterText?: string;
  charterUri?: string;
  template?: string;
  /** Consent files from `circle consent --json`, comma-separated. */
  consents?: string;
  /** The consents' deadline (unix seconds); default: the consent files', or a day from the latest block. */
  deadline?: string;
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
  const given = readConsentFiles(args.consents);
  const deadline = args.deadline ? parseDeadline(args.deadline) : given[0]?.deadline;
  const prepared = await prepareFounding(c, args, deadline);
  const { registry, content, rules, mandateRules, template } = prepared;
  const wallet = c.wallet(args.from);
  const consents: Hex[] = [];
  for (const founder of content.founders) {
    if (founder.toLowerCase() === wallet.account.address.toLowerCase()) {
      consents.push("0x");
      continue;
    }
    const file = given.find((g) => g.founder.toLowerCase() === founder.toLowerCase());
    if (file) {
      if (file.deadline !== content.deadline) {
        throw new CliError(
          `The consent of ${founder} has deadline ${file.deadline}, not ${content.deadline}: use one deadline for all.`,
        );
      }
      consents.push(file.signature);
      continue;
    }
    const signer = c.wallets.find((w) => w.account.address.toLowerCase() === founder.toLowerCase());
    if (!signer) {
      throw new CliError(
        `${founder} has not consented: they run \`npx hardhat circle consent\` with the same founding and --deadline ${content.deadline}, and you pass their JSON with --consents.`,
      );
    }
    consents.push(await signer.signTypedData(await consentTypedData(c, prepared, founder)));
  }
  const founding = { ...content, founders: [...content.founders], consents };
  const abi = withSuiteErrors(circleRegistryAbi);
  const { request } = template
    ? await c.publicClient.simulateContract({
        address: registry,
        abi,
        functionName: "createCircleFromTemplate",
        args: [founding, template],
        account: wallet.account,
      })
    : await c.publicClient.simulateContract({
        address: registry,
        abi,
        functionName: "createCircle",
        args: [founding, rules!, mandateRules!],
        account: wallet.account,
      });
  const { hash, receipt } = await send(c, wallet, request);
  const [created] = parseEventLogs({ abi: circleRegistryAbi, logs: receipt.logs, eventName: "CircleCreated" });
  if (!created) throw new CliError(`Transaction ${hash} founded no circle.`);
  const { parts, creator } = created.args;
  return {
    ...parts,
    name: created.args.name,
    creator,
    founders: [...content.founders],
    templateId: /^0x0+$/.test(created.args.templateId) ? null : created.args.templateId,
    rules: rulesFromChain(created.args.rules),
    mandateRules: mandateRulesFromChain(created.args.mandateRules),
    transaction: hash,
  };
}

/** A founding checked and read from the chain: what founders consent to. */
interface PreparedFounding {
  registry: Address;
  content: FoundingContent;
  rules?: Awaited<ReturnType<typeof rulesWithOverrides>>["rules"];
  mandateRules?: Awaited<ReturnType<typeof rulesWithOverrides>>["mandateRules"];
  template?: Hex;
}

/** Checks the founding's options and reads its rules (or template) and the deadline. */
async function prepareFounding(
  c: Connection,
  args: CreateArgs,
  deadline: bigint | undefined,
): Promise<PreparedFounding> {
  const name = requireText("name", args.name, "give the circle's name");
  const founders = parseAddressList("founders", args.founders);
  const charterHash = await resolveCharterHash(args);
  const charterURI = args.charterUri ?? "";
  const overrides = givenRuleOptions(args);
  if (args.template && overrides.length > 0) {
    throw new CliError(
      `--template founds the circle with the template's rules as published; drop ${overrides.join(", ")} or the template.`,
    );
  }
  const registry = registryOf(c, args.registry);
  await requireContract(c, "circle registry", registry);
  const until = deadline ?? (await c.publicClient.getBlock()).timestamp + 86_400n;
  const content = { name, founders, charterHash, charterURI, deadline: until };
  if (args.template) return { registry, content, template: templateId(args.template) };
  return { registry, content, ...(await rulesWithOverrides(c, registry, args)) };
}

function consentTypedData(c: Connection, p: PreparedFounding, founder: Address) {
  return foundingConsentTypedData(c.publicClient, {
    registry: p.registry,
    founding: p.content,
    rules: p.rules,
    mandateRules: p.mandateRules,
    templateId: p.template,
    founder,
  });
}

/** One founder's consent, as `circle consent --json` prints it and `circle create --consents` reads it. */
export interface ConsentResult {
  registry: Address;
  chainId: number;
  founder: Address;
  deadline: bigint;
  signature: Hex;
}

function parseDeadline(value: string): bigint {
  if (!/^\d+$/.test(value)) throw new CliError(`--deadline "${value}" is not a time in unix seconds.`);
  return BigInt(value);
}

function readConsentFiles(list: string | undefined): ConsentResult[] {
  if (!list) return [];
  return list.split(",").map((path) => {
    try {
      const raw = JSON.parse(readFileSync(path.trim(), "utf8")) as Record<string, string>;
      return {
        registry: raw.registry as Address,
        chainId: Number(raw.chainId),
        founder: raw.founder as Address,
        deadline: BigInt(raw.deadline!),
        signature: raw.signature as Hex,
      };
    } catch (error) {
      throw new CliError(
        `--consents: ${path} is not a consent file from \`circle consent --json\` (${String(error)}).`,
      );
    }
  });
}

/**
 * Signs the caller's (`--from`) consent to a founding someone else will send: the same options as `circle create`,
 * and the deadline the creator will use. Prints the consent for the creator's `--consents`.
 */
export async function consentToFounding(c: Connection, args: CreateArgs): Promise<ConsentResult> {
  const wallet = c.wallet(args.from);
  const prepared = await prepareFounding(c, args, args.deadline ? parseDeadline(args.deadline) : undefined);
  const founder = wallet.account.address;
  if (!prepared.content.founders.some((f) => f.toLowerCase() === founder.toLowerCase())) {
    throw new CliError(`${founder} is not among the founders, so there is nothing for them to consent to.`);
  }
  const signature = await wallet.signTypedData(await consentTypedData(c, prepared, founder));
  return { registry: prepared.registry, chainId: c.chainId, founder, deadline: prepared.content.deadline, signature };
}

export async function consent(args: CreateArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await consentToFounding(await connect(hre), args);
    report(
      args.json,
      `${r.founder} consents to founding "${args.name}" until ${r.deadline} (unix seconds). Give the creator this with --json saved to a file, for --consents.`,
      { ...r, deadline: r.deadline.toString() },
    );
  });
}

export default async function create(args: CreateArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
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
