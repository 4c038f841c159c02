/**
 * `npx hardhat circle info --circle <address> [--registry <address>] [--profiles <address>] [--json]`: read only, no
 * signer needed. Members are shown by their display names where they set one ("Ana (0xAbC1…89Ef)").
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { readCircle } from "../../client/actions/circle/readCircle.js";
import { readSeats } from "../../client/actions/council/readSeats.js";
import {
  describeMandateRules,
  mandateRulesFromChain,
  rulesFromChain,
  type CircleRules,
  type MandateRules,
} from "../../client/rules.js";
import { connect, report, runTask, type Connection } from "../cli.js";
import { labeller, namesFor } from "../profile/common.js";
import { describeRules, iso, registryOf, resolveBody } from "./shared.js";

export interface InfoArgs {
  circle?: string;
  registry?: string;
  /** The Profiles registry to name members from (default: the deployment record's). */
  profiles?: string;
  json: boolean;
}

/** A member of a circle; for a council, a member circle and whether its seat is filled by a delegate. */
export interface Member {
  address: Address;
  /** Councils only: whether the seat is filled. */
  filled?: boolean;
}

/** What a circle is and how it stands. */
export interface InfoResult {
  circle: Address;
  name: string;
  council: boolean;
  membership: Address;
  rituals: Address;
  mandates: Address;
  members: Member[];
  /** The display names of the members who set one, by address (see client/names.ts). */
  names: Record<Address, string>;
  maxMembers: number;
  rules: CircleRules;
  mandateRules: MandateRules;
  charter: { contentHash: Hex; uri: string; expiresAt: string; lapsed: boolean };
  dissolved: boolean;
  resetEpoch: bigint;
  liveMandates: number;
  roleModules: Address[];
  /** The decision period of the temperature check running now. */
  currentPeriod: bigint;
}

/**
 * Reads a circle's (or council's) name, members, rules, charter, reset epoch, live mandates and role modules (the
 * client's readCircle), and for a council which seats are filled (its readSeats).
 */
export async function circleInfo(c: Connection, args: InfoArgs): Promise<InfoResult> {
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  const r = await readCircle(c.publicClient, { circle: body.circle });
  const seats = body.council
    ? (await readSeats(c.publicClient, { council: body.circle, registry: registryOf(c, args.registry) })).seats
    : undefined;
  const filled = (address: Address) => seats?.find((s) => s.circle === address)?.filled ?? false;
  const names = await namesFor(c, r.members, args.profiles);
  return {
    circle: body.circle,
    name: r.name,
    council: body.council,
    membership: r.membership,
    rituals: r.rituals,
    mandates: r.mandates,
    members: r.members.map((address) => (seats ? { address, filled: filled(address) } : { address })),
    names,
    maxMembers: r.maxMembers,
    rules: rulesFromChain(r.rules),
    mandateRules: mandateRulesFromChain(r.mandateRules),
    charter: {
      contentHash: r.charter.contentHash,
      uri: r.charter.uri,
      expiresAt: iso(r.charter.expiresAt),
      lapsed: r.charterLapsed,
    },
    dissolved: r.dissolved,
    resetEpoch: r.resetEpoch,
    liveMandates: r.liveMandates.length,
    roleModules: [...r.roleModules],
    currentPeriod: r.currentPeriod,
  };
}

/** The info as lines for people. */
export function describeInfo(r: InfoResult): string {
  const kind = r.council ? "council" : "circle";
  const noun = r.council ? "seat" : "member";
  const label = labeller(
    r.members.map((m) => m.address),
    r.names,
  );
  const lines = [
    `${r.name} (${kind} ${r.circle})${r.dissolved ? ": DISSOLVED" : ""}`,
    `  ${r.members.length} ${noun}(s) of at most ${r.maxMembers}:`,
    ...r.members.map(
      (m) =>
        `    ${label(m.address)}${m.filled === undefined ? "" : m.filled ? " (filled)" : " (vacant: no delegate)"}`,
    ),
    `  rules: ${describeRules(r.rules)}`,
    `  mandates: ${describeMandateRules(r.mandateRules)}`,
    `  charter ${r.charter.contentHash} (${r.charter.uri || "no URI"}) ${r.charter.lapsed ? "lapsed on" : "in force until"} ${r.charter.expiresAt}`,
    `  reset epoch ${r.resetEpoch}, ${r.liveMandates} live mandate(s), decision period ${r.currentPeriod} running`,
    `  role modules: ${r.roleModules.length ? r.roleModules.join(", ") : "none"}`,
    `  parts: membership ${r.membership}, rituals ${r.rituals}, mandates ${r.mandates}`,
  ];
  return lines.join("\n");
}

export default async function info(args: InfoArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const result = await circleInfo(await connect(hre), args);
    report(args.json, describeInfo(result), { ...result });
  });
}
