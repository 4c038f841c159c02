/**
 * EIP-712 typed data for votes by signature (OpenZeppelin Governor's `Ballot`). The domain name is the circle's
 * name and the version is "1"; the nonce is `circle.nonces(voter)`.
 */
import { getAddress, isAddress } from "viem";

import { CommonwealError } from "./errors.js";
import { toJson } from "./json.js";

export const BALLOT_TYPES = {
  Ballot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

/** A ballot to sign. `support`: 0 against, 1 for, 2 abstain. */
export interface Ballot {
  proposalId: bigint;
  support: 0 | 1 | 2;
  voter: string;
  nonce: bigint;
}

/**
 * The EIP-712 domain of a circle. `verifyingContract` keeps the type of `circleAddress` (a viem `Address` stays one).
 *
 * @example
 * const signature = await signer.signTypedData(ballotDomain(name, chainId, circle), BALLOT_TYPES, ballot);
 */
export function ballotDomain<A extends string>(circleName: string, chainId: bigint, circleAddress: A) {
  return { name: circleName, version: "1", chainId, verifyingContract: circleAddress } as const;
}

/** EIP-712 typed data of an EIP-2612 `permit` (the mutual-credit currencies accept them). */
export const PERMIT_TYPES = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

// --- A signed ballot as text: what a voter copies and a relayer pastes -------------------------------------------

/** A signed ballot as signBallot returns it (circle, chain, proposal, support, voter, nonce, signature). */
export interface SignedBallotFields {
  circle: `0x${string}`;
  chainId: number;
  proposalId: bigint;
  support: 0 | 1 | 2;
  voter: `0x${string}`;
  nonce: bigint;
  signature: `0x${string}`;
}

/** A ballot that is not one: missing or malformed fields. */
export class BallotTextError extends CommonwealError {
  override name = "BallotTextError";
}

/**
 * A signed ballot as JSON text, bigints as decimal strings: what the CLI's `--sign` prints and the app shows, and
 * what {@link readSignedBallot} reads back.
 *
 * @example
 * const text = signedBallotText(await signBallot(voterClient, { circle, proposalId, support: Support.For }));
 */
export function signedBallotText(ballot: SignedBallotFields): string {
  return toJson(ballot);
}

/**
 * A signed ballot from JSON already parsed, every field checked (addresses checksummed): a BallotTextError names
 * the first field that is wrong. Whether it counts (chain, nonce, signer) is castVoteBySignature's to check.
 *
 * @example
 * const ballot = parseSignedBallot(JSON.parse(text));
 */
export function parseSignedBallot(raw: unknown): SignedBallotFields {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new BallotTextError("A ballot is a JSON object: paste the signed ballot whole.");
  }
  const b = raw as Record<string, unknown>;
  const address = (field: string): `0x${string}` => {
    const v = b[field];
    if (typeof v !== "string" || !isAddress(v, { strict: false })) {
      throw new BallotTextError(`The ballot's "${field}" is not an address.`);
    }
    return getAddress(v);
  };
  const whole = (field: string): bigint => {
    const v = b[field];
    if ((typeof v === "string" && /^\d+$/.test(v)) || (typeof v === "number" && Number.isSafeInteger(v) && v >= 0)) {
      return BigInt(v);
    }
    throw new BallotTextError(`The ballot's "${field}" is not a whole number.`);
  };
  const support = b.support;
  if (support !== 0 && support !== 1 && support !== 2) {
    throw new BallotTextError('The ballot\'s "support" must be 0 (against), 1 (for) or 2 (abstain).');
  }
  const signature = b.signature;
  if (typeof signature !== "string" || !/^0x[0-9a-fA-F]{130}$/.test(signature)) {
    throw new BallotTextError('The ballot\'s "signature" is not a signature (0x and 130 hex digits).');
  }
  return {
    circle: address("circle"),
    chainId: Number(whole("chainId")),
    proposalId: whole("proposalId"),
    support,
    voter: address("voter"),
    nonce: whole("nonce"),
    signature: signature as `0x${string}`,
  };
}

/**
 * A signed ballot from its text ({@link signedBallotText}), refused with a BallotTextError when it is not JSON or a
 * field is wrong.
 *
 * @example
 * await castVoteBySignature(relayerClient, { ballot: readSignedBallot(pasted) });
 */
export function readSignedBallot(text: string): SignedBallotFields {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BallotTextError("The ballot is not JSON: paste it exactly as it was signed.");
  }
  return parseSignedBallot(raw);
}
