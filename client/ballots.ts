/**
 * EIP-712 typed data for votes by signature (OpenZeppelin Governor's `Ballot`). The domain name is the circle's
 * name and the version is "1"; the nonce is `circle.nonces(voter)`.
 */
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
