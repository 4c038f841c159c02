import type { Address, Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";

import { getContractEventsPaged } from "../../pagedEvents.js";
import { circleAbi } from "../../abis.js";
import { PROPOSAL_STATES, type ProposalCall } from "../../proposals.js";

export interface ListProposalsParameters {
  /** The circle (or council) whose proposals to list. */
  circle: Address;
  /** The first block to read events from (default: the first block). */
  fromBlock?: bigint;
}

/**
 * Every proposal made in a circle since `fromBlock`, oldest first, rebuilt from its `ProposalCreated` events, with
 * its current state read from the circle. The circles keep no proposal count: this list is the one way the client
 * finds proposals, so its length is the circle's proposal count.
 *
 * @example
 * const open = (await listProposals(publicClient, { circle })).filter((p) => p.stateName === "Active");
 */
export async function listProposals<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ListProposalsParameters,
) {
  const { circle, fromBlock = 0n } = parameters;
  const logs = await getContractEventsPaged(client, {
    address: circle,
    abi: circleAbi,
    eventName: "ProposalCreated",
    fromBlock,
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
        calls: args.targets.map((target, i): Required<ProposalCall> => ({
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
/** One proposal listed by {@link listProposals}. */
export type ListedProposal = ListProposalsReturnType[number];
