/**
 * What every proposal action shares, and what an app computes offline: the Governor's states and vote values, a
 * proposal's calls and the id the circle gives it (`proposalId`, `descriptionHash`), and the errors the proposal
 * actions refuse with. The actions themselves live in `actions/proposal/`: listProposals, resolveProposalRef,
 * readTally, readSchedule, readProposal, requireNewProposal, letProposerCount, propose, castVote, signBallot,
 * castVoteBySignature and execute.
 *
 * @example
 * const proposal = { calls: [proposalCall(circle.membership, { abi: circleMembershipAbi, functionName: "admit", args: [gus] })], description: "Admit Gus" };
 * const id = proposalId(proposal); // the id `propose` will return
 */
import {
  encodeAbiParameters,
  encodeFunctionData,
  hexToBigInt,
  keccak256,
  stringToBytes,
  type Abi,
  type Address,
  type ContractFunctionName,
  type Chain,
  type Client,
  type EncodeFunctionDataParameters,
  type Hex,
  type Transport,
} from "viem";

import { dryRunAs, type DryRunAsParameters } from "./dryRun.js";
import { CommonwealError, decisionWouldFail } from "./errors.js";
import { isoTime } from "./time.js";
import type { AmountUnits } from "./units.js";

// --- States and votes -----------------------------------------------------------------------------------------------

/** IGovernor proposal states, by the number `state(proposalId)` returns. Queued is never reached (no timelock). */
export const PROPOSAL_STATES = [
  "Pending",
  "Active",
  "Canceled",
  "Defeated",
  "Succeeded",
  "Queued",
  "Expired",
  "Executed",
] as const;
/** The name of a proposal state. */
export type ProposalStateName = (typeof PROPOSAL_STATES)[number];

/** Governor vote support values. */
export const Support = { Against: 0, For: 1, Abstain: 2 } as const;
/** A vote: 0 against, 1 for, 2 abstain. */
export type Support = (typeof Support)[keyof typeof Support];

/** The names the Governor's support values stand for: 0 against, 1 for, 2 abstain. */
export const SUPPORT_NAMES = ["against", "for", "abstain"] as const;
/** A vote by name. */
export type SupportName = (typeof SUPPORT_NAMES)[number];

/** The votes counted on a proposal so far. */
export interface Tally {
  for: bigint;
  against: bigint;
  abstain: bigint;
}

// --- Calls and ids --------------------------------------------------------------------------------------------------

/** One call a proposal makes when executed: the circle calls `target` with `data`, sending `value` wei. */
export interface ProposalCall {
  target: Address;
  value?: bigint;
  data: Hex;
}

/** A proposal: the calls it makes, in order, and its description (which also identifies it). */
export interface Proposal {
  calls: readonly ProposalCall[];
  description: string;
}

/**
 * A proposal built (and tried as the body would make it) by a `prepare…` action, ready to propose in `circle`: the
 * body whose decision it is.
 */
export interface PreparedProposal extends Proposal {
  circle: Address;
  calls: readonly Required<ProposalCall>[];
}

/**
 * A proposal call from a typed contract call: `encodeFunctionData` checks the function name and arguments against
 * the ABI.
 *
 * @example
 * const admit = proposalCall(circle.membership, { abi: circleMembershipAbi, functionName: "admit", args: [gus] });
 */
export function proposalCall<
  const abi extends Abi | readonly unknown[],
  functionName extends ContractFunctionName<abi> | undefined = undefined,
>(target: Address, call: EncodeFunctionDataParameters<abi, functionName>, value = 0n): ProposalCall {
  return { target, value, data: encodeFunctionData(call as EncodeFunctionDataParameters) };
}

/**
 * What {@link decisionCall} takes: a typed contract call (checked against the ABI as `encodeFunctionData` checks it),
 * the circle whose decision it is, and optionally the wei it sends and the units of the amounts in a refusal.
 */
export type DecisionCallParameters<
  abi extends Abi = Abi,
  functionName extends ContractFunctionName<abi> | undefined = ContractFunctionName<abi>,
> = EncodeFunctionDataParameters<abi, functionName> & {
  /** The body whose decision it is: the call is tried with it as the sender. */
  circle: Address;
  /** The contract the proposal calls. */
  address: Address;
  /** Wei the call sends (default 0). */
  value?: bigint;
  /** The units of the amounts in a refusal's sentence (see decisionWouldFail). */
  units?: AmountUnits;
};

/**
 * One call of a circle's decision, tried first as the circle would make it now (see dryRunAs): a call the contract
 * would refuse is thrown now as a DecisionWouldFailError with the contract's sentence, its amounts in `units`, before
 * anything is proposed. Sends nothing; returns the call for the proposal.
 *
 * @example
 * const call = await decisionCall(publicClient, {
 *   circle, address: currency, abi: mutualCreditAbi, functionName: "setLimits", args: [ben, 150_00n, maxUint256], units,
 * });
 * await propose(walletClient, { circle, calls: [call], description: "Raise Ben's credit limit" });
 */
export async function decisionCall<
  chain extends Chain | undefined,
  const abi extends Abi,
  functionName extends ContractFunctionName<abi> | undefined = undefined,
>(
  client: Client<Transport, chain>,
  parameters: DecisionCallParameters<abi, functionName>,
): Promise<Required<ProposalCall>> {
  const { circle, address, value, units, ...call } = parameters;
  const encode = call as EncodeFunctionDataParameters;
  // The parameters' type checks the call against the ABI, as encodeFunctionData's does; dryRunAs passes it through.
  const attempt = { ...encode, address, value, account: circle } as DryRunAsParameters<Abi, string>;
  await dryRunAs(client, attempt).catch((error: unknown) => {
    throw decisionWouldFail(error, units);
  });
  return { target: address, value: value ?? 0n, data: encodeFunctionData(encode) };
}

/** A proposal's calls as the Governor takes them: targets, values and calldatas, in order. */
export function proposalOperations(calls: readonly ProposalCall[]) {
  return [calls.map((c) => c.target), calls.map((c) => c.value ?? 0n), calls.map((c) => c.data)] as const;
}

/** The hash by which `execute` and `cancel` name a proposal's description: keccak256 of its UTF-8 bytes. */
export function descriptionHash(description: string): Hex {
  return keccak256(stringToBytes(description));
}

/**
 * A proposal's id, computed offline exactly as the circle does (`hashProposal`): keccak256 of the ABI-encoded
 * targets, values, calldatas and description hash.
 */
export function proposalId(proposal: Proposal): bigint {
  const [targets, values, calldatas] = proposalOperations(proposal.calls);
  return hexToBigInt(
    keccak256(
      encodeAbiParameters(
        [{ type: "address[]" }, { type: "uint256[]" }, { type: "bytes[]" }, { type: "bytes32" }],
        [targets, values, calldatas, descriptionHash(proposal.description)],
      ),
    ),
  );
}

// --- Refusals -------------------------------------------------------------------------------------------------------

/** Thrown when a proposal reference names no proposal, or more than one. Its message says which, and what to do. */
export class ProposalRefError extends CommonwealError {
  override readonly name = "ProposalRefError";
  constructor(
    readonly ref: string,
    readonly reason: "malformed" | "none" | "ambiguous",
    message: string,
  ) {
    super(message);
  }
}

/** Thrown when a proposal is not in a state for what was asked (a vote before voting opens, an early execution). */
export class ProposalStateError extends CommonwealError {
  override name = "ProposalStateError";
  constructor(
    readonly proposalId: bigint,
    readonly state: ProposalStateName,
    message: string,
  ) {
    super(message);
  }
}

/** Thrown by castVote (and its delegate and ballot forms) while a proposal waits for its voting to open. */
export class VotingNotOpenError extends ProposalStateError {
  override name = "VotingNotOpenError";
  constructor(
    proposalId: bigint,
    readonly votingOpensAt: bigint,
  ) {
    super(proposalId, "Pending", `Voting on proposal ${proposalId} opens at ${isoTime(votingOpensAt)}: vote then.`);
  }
}

/** Thrown when a signed ballot would not count: wrong chain or circle, a used nonce, someone else's signature. */
export class BallotError extends CommonwealError {
  override name = "BallotError";
}

/**
 * Thrown by propose (and a delegate's proposal in a council) before anything is sent, when the body already has a
 * proposal making the same calls with the same description: the Governor gives it the same id, and would refuse it.
 */
export class DuplicateProposalError extends CommonwealError {
  override name = "DuplicateProposalError";
  constructor(readonly proposalId: bigint) {
    super(
      `Proposal ${proposalId} makes the same calls with the same description already: vote on it, or give another description.`,
    );
  }
}

/** Thrown by propose when a live network makes no new block in time for a just-admitted proposer to count. */
export class NoNewBlockError extends CommonwealError {
  override name = "NoNewBlockError";
}
