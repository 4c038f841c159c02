/**
 * `npx hardhat mandate list --circle <address> [--registry <address>] [--json]`
 *
 * The circle's live mandates (id, role, holder, expiry, powers) and its pending draws by lot; holders by their display
 * names where they set one (`--profiles`, default the deployment record's).
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address } from "viem";

import { listMandates as readLiveMandates } from "../../client/actions/mandate/listMandates.js";
import { listPendingDraws, type ListPendingDrawsReturnType } from "../../client/actions/mandate/listPendingDraws.js";
import type { Power } from "../../client/mandates.js";
import { connect, report, runTask, type Connection } from "../cli.js";
import { labeller, namesFor } from "../profile/common.js";
import { circleOf } from "./common.js";
import { isoTime } from "../../client/time.js";

export interface ListArgs {
  circle?: string;
  registry?: string;
  /** The Profiles registry to name holders from (default: the deployment record's). */
  profiles?: string;
  json: boolean;
}

export interface LiveMandate {
  id: bigint;
  role: string;
  title: string;
  holder: Address;
  /** ISO 8601 UTC. */
  grantedAt: string;
  expiresAt: string;
  drawn: boolean;
  powers: Power[];
}

export interface ListResult {
  circle: Address;
  mandates: LiveMandate[];
  pendingDraws: ListPendingDrawsReturnType;
  /** The display names of the holders who set one, by address (see client/names.ts). */
  names: Record<Address, string>;
}

/** The live mandates and pending draws of the circle at `--circle`. Sends nothing. */
export async function listMandates(c: Connection, args: ListArgs): Promise<ListResult> {
  const { circle, mandates } = await circleOf(c, args);
  const [live, pendingDraws] = await Promise.all([
    readLiveMandates(c.publicClient, { mandates }),
    listPendingDraws(c.publicClient, { mandates }),
  ]);
  return {
    circle,
    mandates: live.map((m) => ({
      id: m.id,
      role: m.role,
      title: m.title,
      holder: m.holder,
      grantedAt: isoTime(m.grantedAt),
      expiresAt: isoTime(m.expiresAt),
      drawn: m.drawn,
      powers: m.powers,
    })),
    pendingDraws,
    names: await namesFor(
      c,
      live.map((m) => m.holder),
      args.profiles,
    ),
  };
}

/** The result as lines of text. */
function describe(r: ListResult): string {
  const lines = [`Circle ${r.circle}: ${r.mandates.length} live mandate(s).`];
  const label = labeller(
    r.mandates.map((m) => m.holder),
    r.names,
  );
  for (const m of r.mandates) {
    lines.push(
      `  #${m.id}  ${m.role}  held by ${label(m.holder)}  until ${m.expiresAt}${m.drawn ? "  (drawn by lot)" : ""}  ${m.powers.length} power(s)  — ${m.title}`,
    );
  }
  if (r.pendingDraws.length > 0) {
    lines.push(`Pending draws by lot (complete with \`mandate draw --complete <id>\`):`);
    for (const d of r.pendingDraws) lines.push(`  draw ${d.id}  ticket ${d.ticket}  pool of ${d.poolSize}`);
  }
  return lines.join("\n");
}

export default async function list(args: ListArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const result = await listMandates(await connect(hre), args);
    report(args.json, describe(result), { ...result });
  });
}
