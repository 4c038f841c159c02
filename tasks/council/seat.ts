/** `npx hardhat council seat --council <address> [--registry <address>] [--json]`: read only, no signer needed. */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import {
  readSeats,
  type ReadSeatsReturnType,
  type Seat as ClientSeat,
} from "../../client/actions/council/readSeats.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { iso, registryOf } from "../circle/shared.js";

export interface SeatArgs {
  council?: string;
  registry?: string;
  json: boolean;
}

/** One seat as printed: the client's, with its times as ISO dates. */
export interface Seat extends Omit<ClientSeat, "probationEndsAt" | "mandateExpiresAt"> {
  probationEndsAt: string | null;
  mandateExpiresAt: string | null;
}

export interface SeatResult extends Omit<ReadSeatsReturnType, "seats"> {
  seats: Seat[];
}

/** Shows a council's seats (the client's readSeats): which circles hold them, filled or vacant, and their delegates. */
export async function councilSeats(c: Connection, args: SeatArgs): Promise<SeatResult> {
  const council = requireAddress("council", args.council);
  const r = await readSeats(c.publicClient, { council, registry: registryOf(c, args.registry) });
  const date = (seconds: bigint | null) => (seconds === null ? null : iso(seconds));
  return {
    ...r,
    seats: r.seats.map((s) => ({
      ...s,
      probationEndsAt: date(s.probationEndsAt),
      mandateExpiresAt: date(s.mandateExpiresAt),
    })),
  };
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
    `  A circle fills its seat by granting a member the mandate for the role "${r.delegateRole}" (npx hardhat council appoint).`,
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
