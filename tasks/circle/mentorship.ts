/**
 * `npx hardhat circle mentorship --circle <address> [--registry <address>] [--profiles <address>] [--json]`: read
 * only, no signer needed. Shows the pairs of the last mentorship inversion still standing (mentor → mentee, with their
 * admission dates), who is unpaired until the next one, and when the next is due (or that one waits for its
 * randomness).
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address } from "viem";

import { readMentorship, type ReadMentorshipReturnType } from "../../client/actions/circle/readMentorship.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { labeller, namesFor } from "../profile/common.js";
import { duration, registryOf } from "./shared.js";

export interface MentorshipArgs {
  circle?: string;
  registry?: string;
  /** The Profiles registry to name members from (default: the deployment record's). */
  profiles?: string;
  json: boolean;
}

export interface MentorshipResult extends ReadMentorshipReturnType {
  /** The display names of the members who set one, by address (see client/names.ts). */
  names: Record<Address, string>;
}

/** Everyone the mentorship shows: the pairs' members, then the unpaired. */
function accountsOf(m: ReadMentorshipReturnType): Address[] {
  return [...m.pairs.flatMap((p) => [p.mentor.account, p.mentee.account]), ...m.unpaired.map((u) => u.account)];
}

/** Reads the circle's mentorship (the client's readMentorship) and its members' display names. */
export async function mentorship(c: Connection, args: MentorshipArgs): Promise<MentorshipResult> {
  const circle = requireAddress("circle", args.circle);
  const m = await readMentorship(c.publicClient, { circle, registry: registryOf(c, args.registry) });
  return { ...m, names: await namesFor(c, accountsOf(m), args.profiles) };
}

/** The mentorship as lines for people. */
export function describeMentorship(r: MentorshipResult): string {
  if (!r.enabled && r.number === 0n) {
    return `Circle ${r.circle} has no mentorship inversion: its mandate rules turn it off (inversion period 0).`;
  }
  const label = labeller(accountsOf(r), r.names);
  const date = (iso: string) => iso.slice(0, 10);
  const lines =
    r.number === 0n
      ? [`Circle ${r.circle} has had no mentorship inversion yet.`]
      : [
          `Mentorship of circle ${r.circle}, from inversion ${r.number} (completed ${r.completedAtIso}): ${r.pairs.length} pair(s), the newer member mentoring the more senior one.`,
          ...r.pairs.map(
            (p) =>
              `  ${label(p.mentor.account)} (admitted ${date(p.mentor.admittedAtIso)}) → ${label(p.mentee.account)} (admitted ${date(p.mentee.admittedAtIso)})`,
          ),
        ];
  if (r.unpaired.length > 0) {
    lines.push(
      `  unpaired until the next inversion: ${r.unpaired.map((u) => `${label(u.account)} (admitted ${date(u.admittedAtIso)})`).join(", ")}`,
    );
  }
  if (r.pending) {
    const p = r.pending;
    const state = p.expired
      ? "its ticket went stale: re-request it with `circle invert`"
      : p.ready
        ? "its randomness is out: anyone completes it with `circle invert`"
        : "its randomness is not out yet: complete it with `circle invert` once it is";
    lines.push(`Inversion ${p.number} is waiting for the randomness of ticket ${p.ticket}; ${state}.`);
  } else if (!r.enabled) {
    lines.push("The circle's mandate rules now turn the inversion off (inversion period 0): these pairs stay.");
  } else {
    const when = r.canRequest ? "is due now" : `is due on ${r.nextDueAtIso}`;
    lines.push(`The next inversion (every ${duration(r.period)}) ${when}: anyone starts it with \`circle invert\`.`);
  }
  return lines.join("\n");
}

export default async function mentorshipTask(args: MentorshipArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const result = await mentorship(await connect(hre), args);
    report(args.json, describeMentorship(result), { ...result });
  });
}
