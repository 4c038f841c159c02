/** `npx hardhat council seat --council <address> [--registry <address>] [--json]`: read only, no signer needed. */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { zeroAddress, type Address, type Hex } from "viem";

import { circleAbi, councilSeatsAbi, mandatesAbi } from "../../client/abis.js";
import { connect, report, runTask, type Connection } from "../cli.js";
import { iso } from "../circle/shared.js";
import { resolveCouncil } from "./delegate.js";

export interface SeatArgs {
  council?: string;
  registry?: string;
  json: boolean;
}

/** One seat: the circle holding it and, while filled, its delegate. */
export interface Seat {
  circle: Address;
  name: string;
  filled: boolean;
  /** Whether the seat counts: filled, its circle of three members or more, out of probation. */
  counts: boolean;
  /** Whether the seat, taken by open join, is still on probation. */
  onProbation: boolean;
  /** When the seat's probation (open join) ends, or null for a seat the council admitted or founded with. */
  probationEndsAt: string | null;
  /** The member of `circle` holding its delegate mandate, or null while the seat is vacant. */
  delegate: Address | null;
  mandateId: bigint | null;
  mandateExpiresAt: string | null;
}

export interface SeatResult {
  council: Address;
  name: string;
  openJoin: boolean;
  /** Seconds a seat taken by open join waits before it counts. */
  probation: bigint;
  maxSeats: number;
  /** The role a member circle names its delegate's mandate. */
  delegateRole: string;
  delegateRoleId: Hex;
  seats: Seat[];
}

/** Shows a council's seats: which circles hold them, filled or vacant, and their delegates. */
export async function councilSeats(c: Connection, args: SeatArgs): Promise<SeatResult> {
  const council = await resolveCouncil(c, args.council, args.registry);
  const on = { address: council.membership, abi: councilSeatsAbi } as const;
  const [name, openJoin, probation, maxSeats, delegateRole, delegateRoleId, members] = await Promise.all([
    c.publicClient.readContract({ address: council.circle, abi: circleAbi, functionName: "name" }),
    c.publicClient.readContract({ ...on, functionName: "openJoin" }),
    c.publicClient.readContract({ ...on, functionName: "probation" }),
    c.publicClient.readContract({ ...on, functionName: "maxMembers" }),
    c.publicClient.readContract({ ...on, functionName: "delegateRole" }),
    c.publicClient.readContract({ ...on, functionName: "delegateRoleId" }),
    c.publicClient.readContract({ ...on, functionName: "members" }),
  ]);
  const seats = await Promise.all(
    members.map(async (circle): Promise<Seat> => {
      const [circleName, mandates, counts, onProbation, endsAt] = await Promise.all([
        c.publicClient.readContract({ address: circle, abi: circleAbi, functionName: "name" }),
        c.publicClient.readContract({ address: circle, abi: circleAbi, functionName: "mandates" }),
        c.publicClient.readContract({ ...on, functionName: "isMember", args: [circle] }),
        c.publicClient.readContract({ ...on, functionName: "onProbation", args: [circle] }),
        c.publicClient.readContract({ ...on, functionName: "probationEndsAt", args: [circle] }),
      ]);
      const probationEndsAt = endsAt === 0n ? null : iso(endsAt);
      const [holder, mandateId] = await c.publicClient.readContract({
        address: mandates,
        abi: mandatesAbi,
        functionName: "holderOf",
        args: [delegateRoleId],
      });
      if (holder === zeroAddress) {
        return {
          circle,
          name: circleName,
          filled: false,
          counts,
          onProbation,
          probationEndsAt,
          delegate: null,
          mandateId: null,
          mandateExpiresAt: null,
        };
      }
      const mandate = await c.publicClient.readContract({
        address: mandates,
        abi: mandatesAbi,
        functionName: "mandate",
        args: [mandateId],
      });
      return {
        circle,
        name: circleName,
        filled: true,
        counts,
        onProbation,
        probationEndsAt,
        delegate: holder,
        mandateId,
        mandateExpiresAt: iso(mandate.expiresAt),
      };
    }),
  );
  return { council: council.circle, name, openJoin, probation, maxSeats, delegateRole, delegateRoleId, seats };
}

export function describeSeats(r: SeatResult): string {
  const filled = r.seats.filter((s) => s.filled).length;
  const counting = r.seats.filter((s) => s.counts).length;
  const why = (s: Seat) =>
    s.counts
      ? ""
      : s.onProbation
        ? `; on probation until ${s.probationEndsAt}`
        : "; does not count: its circle has fewer than 3 members";
  return [
    `${r.name} (council ${r.council}): ${r.seats.length} seat(s) of at most ${r.maxSeats}, ${filled} filled, ${counting} counting; ${r.openJoin ? `open join (a seat counts after a probation of ${r.probation} s)` : "circles are seated by the council's decision"}.`,
    `  A circle fills its seat by granting a member the mandate for the role "${r.delegateRole}".`,
    ...r.seats.map((s) =>
      s.filled
        ? `  ${s.circle}  ${s.name}: filled by ${s.delegate} (mandate ${s.mandateId}, until ${s.mandateExpiresAt}${why(s)})`
        : `  ${s.circle}  ${s.name}: vacant (no delegate)`,
    ),
  ].join("\n");
}

export default async function seat(args: SeatArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const result = await councilSeats(await connect(hre), args);
    report(args.json, describeSeats(result), { ...result });
  });
}
