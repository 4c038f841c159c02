/**
 * Circles from an app, with viem: read a circle, list the registry's circles and proposals, and build the
 * propose / vote / execute calls for `simulateContract` or `writeContract`. Every read goes through viem's
 * `readContract` with the `as const` ABIs, so results are typed from the contracts without the Hardhat runtime.
 *
 * @example
 * const circles = await listCircles(publicClient, registry);
 * const circle = await readCircle(publicClient, circles[0]!);
 * console.log(circle.name, circle.members, circle.rules.quorumPercent);
 */
import {
  BaseError,
  ContractFunctionZeroDataError,
  encodeAbiParameters,
  encodeFunctionData,
  hexToBigInt,
  keccak256,
  stringToBytes,
  type Abi,
  type Chain,
  type Client,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type EncodeFunctionDataParameters,
  type Hex,
  type Transport,
} from "viem";
import { getContractEvents, readContract } from "viem/actions";

import { circleAbi, circleMembershipAbi, circleRegistryAbi, circleRitualsAbi, mandatesAbi } from "./abis.js";
import type { Address } from "./pathfinder.js";
import { CommonwealError } from "./errors.js";

/**
 * A state-changing contract call ready for viem's `simulateContract` or `writeContract` (add `account`, `value`, gas
 * options as needed). The arguments are typed from the `as const` ABI.
 */
export interface WriteRequest<
  abi extends Abi,
  functionName extends ContractFunctionName<abi, "nonpayable" | "payable">,
> {
  readonly address: Address;
  readonly abi: abi;
  readonly functionName: functionName;
  readonly args: ContractFunctionArgs<abi, "nonpayable" | "payable", functionName>;
}

/** Governor vote support values. */
export const Support = { Against: 0, For: 1, Abstain: 2 } as const;
/** A vote: 0 against, 1 for, 2 abstain. */
export type Support = (typeof Support)[keyof typeof Support];

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

/** The most entries `registry.circles(offset, limit)` returns at once (the registry's `MAX_PAGE_SIZE`). */
export const MAX_PAGE_SIZE = 100n;

/** Thrown when an address does not answer as a circle. */
export class NotACircleError extends CommonwealError {
  override readonly name = "NotACircleError";
  constructor(readonly address: Address) {
    super(
      `${address} is not a circle on this chain (no contract answered there): check the address and the network, or find the circles with listCircles.`,
    );
  }
}

// --- Reading --------------------------------------------------------------------------------------------------------

/**
 * Everything a circle shows about itself: name, parts, members, rules, charter, reset epoch and role modules.
 * The circles expose no proposal count; {@link listProposals} rebuilds the proposals from the circle's events.
 *
 * Throws a {@link NotACircleError} if nothing answers at `circle`.
 *
 * @example
 * const { name, members, charter, charterLapsed } = await readCircle(publicClient, circle);
 */
export async function readCircle<chain extends Chain | undefined>(client: Client<Transport, chain>, circle: Address) {
  const read = { address: circle, abi: circleAbi } as const;
  const parts = await Promise.all([
    readContract(client, { ...read, functionName: "name" }),
    readContract(client, { ...read, functionName: "membership" }),
    readContract(client, { ...read, functionName: "rituals" }),
    readContract(client, { ...read, functionName: "mandates" }),
    readContract(client, { ...read, functionName: "rules" }),
    readContract(client, { ...read, functionName: "charter" }),
    readContract(client, { ...read, functionName: "charterLapsed" }),
    readContract(client, { ...read, functionName: "dissolved" }),
    readContract(client, { ...read, functionName: "resetEpoch" }),
  ]).catch((error: unknown) => {
    if (error instanceof BaseError && error.walk((cause) => cause instanceof ContractFunctionZeroDataError)) {
      throw new NotACircleError(circle);
    }
    throw error;
  });
  const [name, membership, rituals, mandates, rules, charter, charterLapsed, dissolved, resetEpoch] = parts;
  // Role modules are kept by the circle's rituals.
  const roleModules = await readContract(client, {
    address: rituals,
    abi: circleRitualsAbi,
    functionName: "roleModules",
  });
  const [members, memberCount, maxMembers, badges] = await Promise.all([
    readContract(client, { address: membership, abi: circleMembershipAbi, functionName: "members" }),
    readContract(client, { address: membership, abi: circleMembershipAbi, functionName: "memberCount" }),
    readContract(client, { address: membership, abi: circleMembershipAbi, functionName: "maxMembers" }),
    readContract(client, { address: mandates, abi: mandatesAbi, functionName: "badges" }),
  ]);
  return {
    address: circle,
    name,
    /** The circle's parts: membership token, rituals (temperature check, hard reset), mandates and their badges. */
    membership,
    rituals,
    mandates,
    badges,
    members,
    memberCount,
    maxMembers,
    rules,
    charter,
    charterLapsed,
    dissolved,
    /** How many hard resets the circle has had; proposals of earlier epochs read as Canceled. */
    resetEpoch,
    roleModules,
  };
}

/** What {@link readCircle} returns. */
export type ReadCircleReturnType = Awaited<ReturnType<typeof readCircle>>;

/**
 * One page of the registry's circles (and councils), oldest first. `limit` is at most {@link MAX_PAGE_SIZE}; the
 * page is shorter at the end, and empty past it. The total is `registry.circleCount()`.
 *
 * @example
 * const first = await listCircles(publicClient, registry); // the first 100
 */
export async function listCircles<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  registry: Address,
  offset = 0n,
  limit = MAX_PAGE_SIZE,
) {
  return readContract(client, {
    address: registry,
    abi: circleRegistryAbi,
    functionName: "circles",
    args: [offset, limit],
  });
}

/**
 * Every proposal made in a circle since `fromBlock` (default: the first block), rebuilt from its `ProposalCreated`
 * events, with its current state read from the circle. Its length is the circle's proposal count.
 *
 * @example
 * const open = (await listProposals(publicClient, circle)).filter((p) => p.stateName === "Active");
 */
export async function listProposals<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  circle: Address,
  options: { fromBlock?: bigint } = {},
) {
  const logs = await getContractEvents(client, {
    address: circle,
    abi: circleAbi,
    eventName: "ProposalCreated",
    fromBlock: options.fromBlock ?? 0n,
    strict: true,
  });
  return Promise.all(
    logs.map(async ({ args, blockNumber, transactionHash }) => {
      const state = await readContract(client, {
        address: circle,
        abi: circleAbi,
        functionName: "state",
        args: [args.proposalId],
      });
      return {
        id: args.proposalId,
        proposer: args.proposer,
        description: args.description,
        calls: args.targets.map((target, i): ProposalCall => ({
          target,
          value: args.values[i] ?? 0n,
          data: args.calldatas[i] ?? "0x",
        })),
        voteStart: args.voteStart,
        voteEnd: args.voteEnd,
        state,
        stateName: PROPOSAL_STATES[state] ?? "Pending",
        blockNumber,
        transactionHash,
      };
    }),
  );
}

/** What {@link listProposals} returns. */
export type ListProposalsReturnType = Awaited<ReturnType<typeof listProposals>>;

// --- Deciding -------------------------------------------------------------------------------------------------------

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

function proposalArgs(proposal: Proposal) {
  return [
    proposal.calls.map((c) => c.target),
    proposal.calls.map((c) => c.value ?? 0n),
    proposal.calls.map((c) => c.data),
  ] as const;
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
  const [targets, values, calldatas] = proposalArgs(proposal);
  return hexToBigInt(
    keccak256(
      encodeAbiParameters(
        [{ type: "address[]" }, { type: "uint256[]" }, { type: "bytes[]" }, { type: "bytes32" }],
        [targets, values, calldatas, descriptionHash(proposal.description)],
      ),
    ),
  );
}

/**
 * The `propose` call of a proposal, for viem's `simulateContract` (whose `result` is the proposal id) or
 * `writeContract`. Only members may propose.
 *
 * @example
 * const proposal = { calls: [admit], description: "Admit Gus" };
 * const { request, result: id } = await publicClient.simulateContract({ account, ...proposeRequest(circle, proposal) });
 * await walletClient.writeContract(request);
 */
export function proposeRequest(circle: Address, proposal: Proposal): WriteRequest<typeof circleAbi, "propose"> {
  const [targets, values, calldatas] = proposalArgs(proposal);
  return {
    address: circle,
    abi: circleAbi,
    functionName: "propose",
    args: [targets, values, calldatas, proposal.description],
  } as const;
}

/**
 * The vote on a proposal: `castVote`, or `castVoteWithReason` when a reason is given.
 *
 * @example
 * await walletClient.writeContract(voteRequest(circle, id, Support.For));
 */
export function voteRequest(
  circle: Address,
  proposalId: bigint,
  support: Support,
): WriteRequest<typeof circleAbi, "castVote">;
export function voteRequest(
  circle: Address,
  proposalId: bigint,
  support: Support,
  reason: string,
): WriteRequest<typeof circleAbi, "castVoteWithReason">;
export function voteRequest(
  circle: Address,
  proposalId: bigint,
  support: Support,
  reason?: string,
): WriteRequest<typeof circleAbi, "castVote" | "castVoteWithReason"> {
  return reason === undefined
    ? ({ address: circle, abi: circleAbi, functionName: "castVote", args: [proposalId, support] } as const)
    : ({
        address: circle,
        abi: circleAbi,
        functionName: "castVoteWithReason",
        args: [proposalId, support, reason],
      } as const);
}

/**
 * The `execute` call of a succeeded proposal: anyone may send it, within the circle's execution window.
 *
 * @example
 * await walletClient.writeContract(executeRequest(circle, proposal));
 */
export function executeRequest(circle: Address, proposal: Proposal): WriteRequest<typeof circleAbi, "execute"> {
  const [targets, values, calldatas] = proposalArgs(proposal);
  return {
    address: circle,
    abi: circleAbi,
    functionName: "execute",
    args: [targets, values, calldatas, descriptionHash(proposal.description)],
  } as const;
}
