/**
 * `npx hardhat mandate list --circle <address> [--registry <address>] [--json]`
 *
 * The circle's live mandates (id, role, holder, expiry, powers) and its pending draws by lot.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { circleAbi, mandateBadgesAbi, mandatesAbi } from "../../client/abis.js";
import { connect, report, runTask, type Connection } from "../cli.js";
import { circleOf } from "./common.js";
import { isoTime } from "./decision.js";

export interface ListArgs {
  circle?: string;
  registry?: string;
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
  powers: { target: Address; selector: Hex; maxValue: bigint; maxAmount: bigint }[];
}

export interface PendingDraw {
  id: bigint;
  ticket: bigint;
  poolSize: number;
}

export interface ListResult {
  circle: Address;
  mandates: LiveMandate[];
  pendingDraws: PendingDraw[];
}

/** How many of the latest draws are looked at for pending ones (older draws have long been completed or stale). */
const RECENT_DRAWS = 64n;

/** The live mandates and pending draws of the circle at `--circle`. Sends nothing. */
export async function listMandates(c: Connection, args: ListArgs): Promise<ListResult> {
  const { circle, mandates } = await circleOf(c, args);
  const read = { address: mandates, abi: mandatesAbi } as const;
  const [ids, badges, drawCount, epoch] = await Promise.all([
    c.publicClient.readContract({ ...read, functionName: "liveMandates" }),
    c.publicClient.readContract({ ...read, functionName: "badges" }),
    c.publicClient.readContract({ ...read, functionName: "drawCount" }),
    c.publicClient.readContract({ address: circle, abi: circleAbi, functionName: "resetEpoch" }),
  ]);
  const live = await Promise.all(
    ids.map(async (id): Promise<LiveMandate> => {
      const [m, powers, title] = await Promise.all([
        c.publicClient.readContract({ ...read, functionName: "mandate", args: [id] }),
        c.publicClient.readContract({ ...read, functionName: "powers", args: [id] }),
        c.publicClient.readContract({ address: badges, abi: mandateBadgesAbi, functionName: "title", args: [id] }),
      ]);
      const role = await c.publicClient.readContract({
        address: badges,
        abi: mandateBadgesAbi,
        functionName: "roleName",
        args: [m.roleId],
      });
      return {
        id,
        role,
        title,
        holder: m.holder,
        grantedAt: isoTime(m.grantedAt),
        expiresAt: isoTime(m.expiresAt),
        drawn: m.drawn,
        powers: powers.map((p) => ({
          target: p.target,
          selector: p.selector,
          maxValue: p.maxValue,
          maxAmount: p.maxAmount,
        })),
      };
    }),
  );
  const first = drawCount > RECENT_DRAWS ? drawCount - RECENT_DRAWS + 1n : 1n;
  const drawIds = Array.from({ length: Number(drawCount - first + 1n) }, (_, i) => first + BigInt(i));
  const draws = await Promise.all(
    drawIds.map((id) => c.publicClient.readContract({ ...read, functionName: "draw", args: [id] })),
  );
  const PENDING = 1;
  const pendingDraws = draws
    .map((d, i) => ({ d, id: drawIds[i]! }))
    .filter(({ d }) => d.status === PENDING && d.epoch === epoch)
    .map(({ d, id }) => ({ id, ticket: d.ticket, poolSize: d.poolSize }));
  return { circle, mandates: live.sort((a, b) => (a.id < b.id ? -1 : 1)), pendingDraws };
}

/** The result as lines of text. */
function describe(r: ListResult): string {
  const lines = [`Circle ${r.circle}: ${r.mandates.length} live mandate(s).`];
  for (const m of r.mandates) {
    lines.push(
      `  #${m.id}  ${m.role}  held by ${m.holder}  until ${m.expiresAt}${m.drawn ? "  (drawn by lot)" : ""}  ${m.powers.length} power(s)  — ${m.title}`,
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
