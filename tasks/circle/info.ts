/** `npx hardhat circle info --circle <address> [--registry <address>] [--json]`: read only, no signer needed. */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { circleAbi, circleMembershipAbi, circleRitualsAbi, councilSeatsAbi, mandatesAbi } from "../../client/abis.js";
import { mandateRulesFromChain, rulesFromChain, type CircleRules, type MandateRules } from "../../client/rules.js";
import { connect, report, runTask, type Connection } from "../cli.js";
import { describeRules, duration, iso, resolveBody } from "./shared.js";

export interface InfoArgs {
  circle?: string;
  registry?: string;
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

/** Reads a circle's (or council's) name, members, rules, charter, reset epoch, live mandates and role modules. */
export async function circleInfo(c: Connection, args: InfoArgs): Promise<InfoResult> {
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  const read = c.publicClient.readContract.bind(c.publicClient);
  const on = { address: body.circle, abi: circleAbi } as const;
  const [
    name,
    rules,
    charter,
    lapsed,
    dissolved,
    resetEpoch,
    roleModules,
    members,
    maxMembers,
    live,
    mandateRules,
    period,
  ] = await Promise.all([
    read({ ...on, functionName: "name" }),
    read({ ...on, functionName: "rules" }),
    read({ ...on, functionName: "charter" }),
    read({ ...on, functionName: "charterLapsed" }),
    read({ ...on, functionName: "dissolved" }),
    read({ ...on, functionName: "resetEpoch" }),
    read({ address: body.rituals, abi: circleRitualsAbi, functionName: "roleModules" }),
    read({ address: body.membership, abi: circleMembershipAbi, functionName: "members" }),
    read({ address: body.membership, abi: circleMembershipAbi, functionName: "maxMembers" }),
    read({ address: body.mandates, abi: mandatesAbi, functionName: "liveMandates" }),
    read({ address: body.mandates, abi: mandatesAbi, functionName: "rules" }),
    read({ address: body.rituals, abi: circleRitualsAbi, functionName: "currentPeriod" }),
  ]);
  const filled = body.council
    ? await Promise.all(
        members.map((m) =>
          read({ address: body.membership, abi: councilSeatsAbi, functionName: "isSeatFilled", args: [m] }),
        ),
      )
    : undefined;
  return {
    circle: body.circle,
    name,
    council: body.council,
    membership: body.membership,
    rituals: body.rituals,
    mandates: body.mandates,
    members: members.map((address, i) => (filled ? { address, filled: filled[i]! } : { address })),
    maxMembers,
    rules: rulesFromChain(rules),
    mandateRules: mandateRulesFromChain(mandateRules),
    charter: { contentHash: charter.contentHash, uri: charter.uri, expiresAt: iso(charter.expiresAt), lapsed },
    dissolved,
    resetEpoch,
    liveMandates: live.length,
    roleModules: [...roleModules],
    currentPeriod: period,
  };
}

/** The info as lines for people. */
export function describeInfo(r: InfoResult): string {
  const kind = r.council ? "council" : "circle";
  const noun = r.council ? "seat" : "member";
  const lines = [
    `${r.name} (${kind} ${r.circle})${r.dissolved ? ": DISSOLVED" : ""}`,
    `  ${r.members.length} ${noun}(s) of at most ${r.maxMembers}:`,
    ...r.members.map(
      (m) => `    ${m.address}${m.filled === undefined ? "" : m.filled ? " (filled)" : " (vacant: no delegate)"}`,
    ),
    `  rules: ${describeRules(r.rules)}`,
    `  mandates: terms up to ${duration(r.mandateRules.maxTerm)}, ${r.mandateRules.termLimit} consecutive term(s), ` +
      `${r.mandateRules.maxLivePerMember} live per member, facilitator every ${duration(r.mandateRules.facilitationPeriod)}` +
      `${r.mandateRules.proposerStepsAside ? ", the proposer steps aside" : ""}`,
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
