/**
 * Proposing a decision of a circle from the command line: what `mandate grant`, `mandate draw`, `credit create`,
 * `credit limits` and `credit jubilee` share. Next to `circle propose`'s helper it adds a refusal of duplicate
 * proposals and the execution data in the result; the preview of each decision's call made as the circle would make
 * it is the client's (grantMandateCall, requestDrawCall, `wouldFail`).
 */
import { getAddress, keccak256, toBytes, type Address, type Hex } from "viem";

import { circleAbi } from "../../client/abis.js";
import { CliError, send, type Connection, type Wallet } from "../cli.js";

/**
 * The refusal of a decision's call, simulated as if the circle made it now, as the client's DecisionWouldFailError
 * (a sentence); other errors pass through unchanged. Kept here for the credit tasks that import it.
 */
export { decisionWouldFail as wouldFail } from "../../client/errors.js";

/** One call a decision makes the circle perform. */
export interface DecisionCall {
  target: Address;
  data: Hex;
  value?: bigint;
}

/** A proposal made: everything needed to vote on it and, once it passes, to execute it. */
export interface ProposedDecision {
  circle: Address;
  proposalId: bigint;
  proposer: Address;
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  description: string;
  /** What `execute(targets, values, calldatas, descriptionHash)` takes. */
  descriptionHash: Hex;
  /** When voting opens and closes, ISO 8601 UTC. */
  votingStarts: string;
  votingEnds: string;
  transaction: Hex;
}

/** A unix time in seconds as ISO 8601 UTC (whole seconds). */
export const isoTime = (seconds: bigint | number): string =>
  new Date(Number(seconds) * 1000).toISOString().replace(/\.000Z$/, "Z");

/**
 * Proposes `calls` as one decision of `circle`, signed by `wallet`. Refuses, before sending, a proposal identical
 * to one already made (same calls and description), and any refusal of the circle (a proposer who is not a member,
 * a dissolved circle, a call the charter does not allow) as a sentence.
 */
export async function proposeDecision(
  c: Connection,
  circle: Address,
  wallet: Wallet,
  calls: readonly DecisionCall[],
  description: string,
): Promise<ProposedDecision> {
  const targets = calls.map((call) => call.target);
  const values = calls.map((call) => call.value ?? 0n);
  const calldatas = calls.map((call) => call.data);
  const descriptionHash = keccak256(toBytes(description));
  const read = { address: circle, abi: circleAbi } as const;
  const existing = await c.publicClient.readContract({
    ...read,
    functionName: "hashProposal",
    args: [targets, values, calldatas, descriptionHash],
  });
  if ((await c.publicClient.readContract({ ...read, functionName: "proposalSnapshot", args: [existing] })) !== 0n) {
    throw new CliError(
      `Proposal ${existing} makes the same calls with the same description already: vote on it, or give another --description.`,
    );
  }
  const { request, result: proposalId } = await c.publicClient.simulateContract({
    ...read,
    functionName: "propose",
    args: [targets, values, calldatas, description],
    account: wallet.account,
  });
  const { hash: transaction } = await send(c, wallet, request);
  const [starts, ends] = await Promise.all([
    c.publicClient.readContract({ ...read, functionName: "proposalVotingOpensAt", args: [proposalId] }),
    c.publicClient.readContract({ ...read, functionName: "proposalDeadline", args: [proposalId] }),
  ]);
  return {
    circle,
    proposalId,
    proposer: getAddress(wallet.account.address),
    targets,
    values,
    calldatas,
    description,
    descriptionHash,
    votingStarts: isoTime(starts),
    votingEnds: isoTime(ends),
    transaction,
  };
}

/** What to tell the proposer after a proposal: its id, the vote's window, and how it takes effect. */
export function nextSteps(d: ProposedDecision): string {
  return (
    `Proposal ${d.proposalId} is made (transaction ${d.transaction}). Voting opens at ${d.votingStarts} and closes at ` +
    `${d.votingEnds}. Next: members vote (npx hardhat circle vote --circle ${d.circle} --proposal ${d.proposalId} ` +
    `--support for), then, once it has passed, anyone executes it (npx hardhat circle execute --circle ${d.circle} ` +
    `--proposal ${d.proposalId}).`
  );
}
