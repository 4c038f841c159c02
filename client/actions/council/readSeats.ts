/**
 * A council's seats: which circles hold them, whether each is filled (its circle has a live delegate mandate for the
 * council), whether it counts (filled, its circle of three members or more, out of probation), and its delegate.
 */
import { zeroAddress, type Address, type Chain, type Client, type Hex, type Transport } from "viem";
import { readContract } from "viem/actions";

import { circleAbi, councilSeatsAbi, mandatesAbi } from "../../abis.js";
import { resolveCouncil } from "./resolveCouncil.js";

export interface ReadSeatsParameters {
  council: Address;
  registry: Address;
}

/** One seat: the circle holding it and, while filled, its delegate. Times are unix seconds. */
export interface Seat {
  circle: Address;
  name: string;
  filled: boolean;
  /** Whether the seat counts: filled, its circle of three members or more, out of probation. */
  counts: boolean;
  /** Whether the seat, taken by open join, is still on probation. */
  onProbation: boolean;
  /** When the seat's probation (open join) ends, or null for a seat the council admitted or founded with. */
  probationEndsAt: bigint | null;
  /** The member of `circle` holding its delegate mandate, or null while the seat is vacant. */
  delegate: Address | null;
  mandateId: bigint | null;
  mandateExpiresAt: bigint | null;
}

export interface ReadSeatsReturnType {
  council: Address;
  name: string;
  openJoin: boolean;
  /** Seconds a seat taken by open join waits before it counts. */
  probation: bigint;
  maxSeats: number;
  /** The role a member circle names its delegate's mandate: "delegate to council 0x<lower-case address>". */
  delegateRole: string;
  delegateRoleId: Hex;
  seats: Seat[];
}

/**
 * Reads a council's seats. Refuses an address that is not a council of the registry.
 *
 * @example
 * const { seats, delegateRole } = await readSeats(publicClient, { council, registry });
 */
export async function readSeats<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadSeatsParameters,
): Promise<ReadSeatsReturnType> {
  const council = await resolveCouncil(client, parameters);
  const on = { address: council.membership, abi: councilSeatsAbi } as const;
  const [name, openJoin, probation, maxSeats, delegateRole, delegateRoleId, members] = await Promise.all([
    readContract(client, { address: council.circle, abi: circleAbi, functionName: "name" }),
    readContract(client, { ...on, functionName: "openJoin" }),
    readContract(client, { ...on, functionName: "probation" }),
    readContract(client, { ...on, functionName: "maxMembers" }),
    readContract(client, { ...on, functionName: "delegateRole" }),
    readContract(client, { ...on, functionName: "delegateRoleId" }),
    readContract(client, { ...on, functionName: "members" }),
  ]);
  const seats = await Promise.all(
    members.map(async (circle): Promise<Seat> => {
      const [circleName, mandates, counts, onProbation, endsAt] = await Promise.all([
        readContract(client, { address: circle, abi: circleAbi, functionName: "name" }),
        readContract(client, { address: circle, abi: circleAbi, functionName: "mandates" }),
        readContract(client, { ...on, functionName: "isMember", args: [circle] }),
        readContract(client, { ...on, functionName: "onProbation", args: [circle] }),
        readContract(client, { ...on, functionName: "probationEndsAt", args: [circle] }),
      ]);
      const [holder, mandateId] = await readContract(client, {
        address: mandates,
        abi: mandatesAbi,
        functionName: "holderOf",
        args: [delegateRoleId],
      });
      const seat = {
        circle,
        name: circleName,
        counts,
        onProbation,
        probationEndsAt: endsAt === 0n ? null : BigInt(endsAt),
      };
      if (holder === zeroAddress) {
        return { ...seat, filled: false, delegate: null, mandateId: null, mandateExpiresAt: null };
      }
      const mandate = await readContract(client, {
        address: mandates,
        abi: mandatesAbi,
        functionName: "mandate",
        args: [mandateId],
      });
      return { ...seat, filled: true, delegate: holder, mandateId, mandateExpiresAt: BigInt(mandate.expiresAt) };
    }),
  );
  return { council: council.circle, name, openJoin, probation, maxSeats, delegateRole, delegateRoleId, seats };
}
