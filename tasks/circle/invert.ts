/**
 * `npx hardhat circle invert --circle <address> [--from <address>] [--registry <address>] [--json]` moves the
 * mentorship inversion on by one step, whichever is due: requests it (once due), completes a pending one whose
 * randomness is out, or re-requests a pending one whose ticket went stale. Anyone may; a refusal is the contract's
 * sentence, and nothing is sent.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { completeInversion } from "../../client/actions/circle/completeInversion.js";
import { readMentorship } from "../../client/actions/circle/readMentorship.js";
import { requestInversion } from "../../client/actions/circle/requestInversion.js";
import { rerequestInversion } from "../../client/actions/circle/rerequestInversion.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { registryOf } from "./shared.js";

export interface InvertArgs {
  circle?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export type InvertResult =
  | { action: "requested" | "rerequested"; circle: Address; number: bigint; ticket: bigint; transaction: Hex }
  | {
      action: "completed";
      circle: Address;
      number: bigint;
      pairs: { mentor: Address; mentee: Address }[];
      unpaired: Address | null;
      randomness: bigint;
      transaction: Hex;
    };

/** Requests, completes or re-requests the inversion, as its state calls for. */
export async function invert(c: Connection, args: InvertArgs): Promise<InvertResult> {
  const wallet = c.wallet(args.from);
  const target = { circle: requireAddress("circle", args.circle), registry: registryOf(c, args.registry) };
  const { pending } = await readMentorship(c.publicClient, target);
  if (pending?.expired) return { action: "rerequested", ...(await rerequestInversion(wallet, target)) };
  if (pending) return { action: "completed", ...(await completeInversion(wallet, target)) };
  return { action: "requested", ...(await requestInversion(wallet, target)) };
}

/** The step taken, in a sentence. */
export function describeInvert(r: InvertResult): string {
  switch (r.action) {
    case "requested":
      return `Mentorship inversion ${r.number} of circle ${r.circle} is requested; its randomness is that of ticket ${r.ticket}. Anyone completes it with \`circle invert\` once that is out. Transaction ${r.transaction}.`;
    case "rerequested":
      return `Mentorship inversion ${r.number} of circle ${r.circle} has a fresh ticket, ${r.ticket}; complete it with \`circle invert\` once that is out. Transaction ${r.transaction}.`;
    case "completed": {
      const pairs = r.pairs.map((p) => `${p.mentor} → ${p.mentee}`).join("; ");
      const odd = r.unpaired ? ` ${r.unpaired} (the median) is unpaired.` : "";
      return `Mentorship inversion ${r.number} of circle ${r.circle} is complete: ${r.pairs.length} pair(s), mentor → mentee: ${pairs || "none"}.${odd} \`circle mentorship\` shows them. Transaction ${r.transaction}.`;
    }
  }
}

export default async function invertTask(args: InvertArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const result = await invert(await connect(hre), args);
    report(args.json, describeInvert(result), { ...result });
  });
}
