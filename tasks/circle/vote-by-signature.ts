/**
 * `npx hardhat circle vote-by-signature --sign --circle <address> --proposal <id> --support for [--from <voter>]`
 * prints a signed EIP-712 ballot as JSON; `npx hardhat circle vote-by-signature --relay '<that JSON>' [--from <relayer>]`
 * submits it (`castVoteBySig`), paying the gas for the voter.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { parseSignedBallot, signedBallotText } from "../../client/ballots.js";

import { castVoteBySignature } from "../../client/actions/proposal/castVoteBySignature.js";
import { signBallot as signClientBallot, type SignedBallot } from "../../client/actions/proposal/signBallot.js";
import { CliError, connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import type { ResolveBodyReturnType } from "../../client/actions/circle/resolveBody.js";
import { SUPPORT_NAMES, parseSupport, resolveBody, resolveProposal, voted, type Support } from "./shared.js";
import { describeTally, taskTally, type Tally } from "./vote.js";

export interface VoteBySignatureArgs {
  sign: boolean;
  relay?: string;
  circle?: string;
  proposal?: string;
  support?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

/** A signed ballot, as `--sign` prints it and `--relay` takes it (the client's signBallot result). */
export type { SignedBallot };

export interface RelayResult {
  circle: Address;
  proposalId: bigint;
  voter: Address;
  relayer: Address;
  support: (typeof SUPPORT_NAMES)[Support];
  tally: Tally;
  transaction: Hex;
  /** What was done first to reach the opening second, if anything (the client mined or waited for a block). */
  note?: string;
}

function refuseCouncil(body: ResolveBodyReturnType): void {
  if (body.council) {
    throw new CliError(
      `${body.circle} is a council: its member circles vote through their delegates, not by signature.`,
    );
  }
}

/** The signer (`--from`, a member) signs a ballot for someone else to relay, with the client's signBallot. */
export async function signBallot(c: Connection, args: VoteBySignatureArgs): Promise<SignedBallot> {
  const support = parseSupport(args.support);
  const wallet = c.wallet(args.from);
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  refuseCouncil(body);
  const proposalId = await resolveProposal(c, body.circle, args.proposal);
  return signClientBallot(wallet, { circle: body.circle, proposalId, support });
}

/** A ballot read from `--relay`, every field checked (the client's parseSignedBallot). */
export function parseBallot(json: string): SignedBallot {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new CliError("--relay is not JSON: pass the ballot exactly as `circle vote-by-signature --sign` printed it.");
  }
  return parseSignedBallot(raw);
}

/**
 * Submits a signed ballot from the signer's account (`--from`, anyone) with the client's castVoteBySignature, which
 * checks it first: this chain, the voter's next nonce, and a signature that is the voter's.
 */
export async function relayBallot(c: Connection, args: VoteBySignatureArgs): Promise<RelayResult> {
  const ballot = parseBallot(args.relay ?? "");
  if (args.circle && requireAddress("circle", args.circle) !== ballot.circle) {
    throw new CliError(`The ballot is for circle ${ballot.circle}, not --circle ${args.circle}.`);
  }
  const wallet = c.wallet(args.from);
  const body = await resolveBody(c, "circle", ballot.circle, args.registry);
  refuseCouncil(body);
  const r = await castVoteBySignature(wallet, { ballot: { ...ballot, circle: body.circle } });
  const { circle, proposalId, voter, relayer, support, transaction, note } = r;
  return { circle, proposalId, voter, relayer, support, tally: taskTally(r), transaction, ...(note ? { note } : {}) };
}

export default async function voteBySignature(
  args: VoteBySignatureArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runTask(args.json, async () => {
    if (args.sign === Boolean(args.relay)) {
      throw new CliError(
        "Give either --sign (to sign a ballot) or --relay '<ballot JSON>' (to submit one), not both or neither.",
      );
    }
    const c = await connect(hre);
    if (args.sign) {
      const ballot = await signBallot(c, args);
      const json = signedBallotText(ballot);
      report(
        args.json,
        `${ballot.voter} signed a ballot (${SUPPORT_NAMES[ballot.support]}) on proposal ${ballot.proposalId} in ${ballot.circle}. ` +
          `Nothing was sent. Anyone can submit it with:\n  npx hardhat circle vote-by-signature --relay '${json}'`,
        { ...ballot },
      );
    } else {
      const r = await relayBallot(c, args);
      report(
        args.json,
        `${r.note ? `${r.note} ` : ""}${r.relayer} relayed the ballot of ${r.voter}, who ${voted(r.support)} proposal ${r.proposalId} in ${r.circle} (transaction ${r.transaction}): ${describeTally(r.tally)}.`,
        { ...r },
      );
    }
  });
}
