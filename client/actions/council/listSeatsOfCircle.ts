/**
 * The council seats a circle holds, for its page: in which councils of the registry it sits (or asked to), whether
 * each seat counts or is on probation, and who its delegate there is. A council's own seats are readSeats.
 */
import { isAddressEqual, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { councilSeatsAbi } from "../../abis.js";
import { isoTime } from "../../time.js";
import { listCircles, MAX_PAGE_SIZE } from "../circle/listCircles.js";
import { resolveBody } from "../circle/resolveBody.js";
import { readSeats, type Seat } from "./readSeats.js";

export interface ListSeatsOfCircleParameters {
  /** The circle (a council may sit in another council too). */
  circle: Address;
  registry: Address;
}

/** The circle's seat in one council: readSeats' seat, with its council and its times as ISO dates. */
export interface SeatOfCircle extends Seat {
  council: Address;
  councilName: string;
  probationEndsAtIso: string | null;
  mandateExpiresAtIso: string | null;
}

export type ListSeatsOfCircleReturnType = SeatOfCircle[];

/**
 * The seats `circle` holds in the registry's councils, oldest council first: every council of the registry (read
 * page by page, {@link MAX_PAGE_SIZE} at a time, all of them) is asked `hasSeat(circle)`, and each council it sits in
 * is read with readSeats. Refuses an address that is not a body of `registry` (see resolveBody).
 *
 * @example
 * for (const s of await listSeatsOfCircle(publicClient, { circle, registry })) console.log(s.councilName, s.delegate);
 */
export async function listSeatsOfCircle<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ListSeatsOfCircleParameters,
): Promise<ListSeatsOfCircleReturnType> {
  const { registry } = parameters;
  const { circle } = await resolveBody(client, { address: parameters.circle, registry });
  const councils: Address[] = [];
  for (let offset = 0n; ; offset += MAX_PAGE_SIZE) {
    const page = await listCircles(client, { registry, offset });
    councils.push(...page.circles.filter((c) => c.council && !isAddressEqual(c.address, circle)).map((c) => c.address));
    if (offset + MAX_PAGE_SIZE >= page.total) break;
  }
  const seated = await Promise.all(
    councils.map(async (council) => {
      const { membership } = await resolveBody(client, { address: council, registry, kind: "council" });
      const has = await readContract(client, {
        address: membership,
        abi: councilSeatsAbi,
        functionName: "hasSeat",
        args: [circle],
      });
      if (!has) return null;
      const seats = await readSeats(client, { council, registry });
      const seat = seats.seats.find((s) => isAddressEqual(s.circle, circle));
      if (!seat) return null;
      return {
        ...seat,
        council: seats.council,
        councilName: seats.name,
        probationEndsAtIso: seat.probationEndsAt === null ? null : isoTime(seat.probationEndsAt),
        mandateExpiresAtIso: seat.mandateExpiresAt === null ? null : isoTime(seat.mandateExpiresAt),
      };
    }),
  );
  return seated.filter((s) => s !== null);
}
