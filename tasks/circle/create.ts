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
import { keccak256, toBytes, type Address, type Hex } from "viem";

import {
  createCircle as createCircleAction,
  type CreateCircleReturnType,
} from "../../client/actions/circle/createCircle.js";
import { readRulesWithOverrides } from "../../client/actions/circle/readRulesWithOverrides.js";
import {
  signFoundingConsent,
  type SignFoundingConsentParameters,
} from "../../client/actions/circle/signFoundingConsent.js";
import type { FoundingConsent } from "../../client/founding.js";
import { CliError, connect, report, runTask, type Connection } from "../cli.js";
import {
  describeRules,
  givenRuleOptions,
  parseAddressList,
  parseRuleOverrides,
  registryOf,
  requireText,
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
export type CreateResult = CreateCircleReturnType;

/** One founder's consent, as `circle consent --json` prints it and `circle create --consents` reads it. */
export type ConsentResult = FoundingConsent;

/** A template's id: `--template` as 0x and 64 hex digits, or the keccak256 of its name. */
export function templateId(value: string): Hex {
  return /^0x[0-9a-fA-F]{64}$/.test(value) ? (value.toLowerCase() as Hex) : keccak256(toBytes(value));
}

/**
 * Founds a circle at the registry (the client's createCircle): with the registry's default rules and any overrides
 * given, or with a published template's rules. Founders who are this network's accounts sign here; the others'
 * consents come from `--consents` files.
 */
export async function createCircle(c: Connection, args: CreateArgs): Promise<CreateResult> {
  const consents = readConsentFiles(args.consents);
  const founding = await foundingOf(c, args, args.deadline ? parseDeadline(args.deadline) : consents[0]?.deadline);
  return createCircleAction(c.wallet(args.from), { ...founding, consents, signers: c.wallets });
}

/** The founding the options describe, with its rules read from the registry (or its template named). */
async function foundingOf(
  c: Connection,
  args: CreateArgs,
  deadline: bigint | undefined,
): Promise<SignFoundingConsentParameters> {
  const name = requireText("name", args.name, "give the circle's name");
  const founders = parseAddressList("founders", args.founders);
  const charterHash = await resolveCharterHash(args);
  const overrides = givenRuleOptions(args);
  if (args.template && overrides.length > 0) {
    throw new CliError(
      `--template founds the circle with the template's rules as published; drop ${overrides.join(", ")} or the template.`,
    );
  }
  const parsed = parseRuleOverrides(args);
  const registry = registryOf(c, args.registry);
  const founding = { name, founders, charterHash, charterURI: args.charterUri ?? "", deadline };
  if (args.template) return { registry, founding, templateId: templateId(args.template) };
  return { registry, founding, ...(await readRulesWithOverrides(c.publicClient, { registry, overrides: parsed })) };
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
  const founding = await foundingOf(c, args, args.deadline ? parseDeadline(args.deadline) : undefined);
  return signFoundingConsent(wallet, founding);
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
