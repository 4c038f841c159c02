/**
 * Circles' proposals from an app, with viem: list a circle's proposals, and build the propose / vote / execute calls
 * for `simulateContract` or `writeContract`. (Reading a circle and listing the registry are the actions `readCircle`
 * and `listCircles`.) Every read goes through viem's `readContract` with the `as const` ABIs, so results are typed
 * from the contracts without the Hardhat runtime.
 *
 * @example
 * const proposals = await listProposals(publicClient, circle);
 */
import {
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

import { circleAbi } from "./abis.js";
import type { Address } from "./pathfinder.js";

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
