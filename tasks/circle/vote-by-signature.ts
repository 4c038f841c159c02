/**
 * `npx hardhat circle vote-by-signature --sign --circle <address> --proposal <id> --support for [--from <voter>]`
 * prints a signed EIP-712 ballot as JSON; `npx hardhat circle vote-by-signature --relay '<that JSON>' [--from <relayer>]`
 * submits it (`castVoteBySig`), paying the gas for the voter.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, isAddress, recoverTypedDataAddress, type Address, type Hex } from "viem";

import { circleAbi, circleMembershipAbi } from "../../client/abis.js";
import { BALLOT_TYPES, ballotDomain } from "../../client/ballots.js";
import { CliError, connect, report, requireAddress, runTask, send, type Connection } from "../cli.js";
import type { CircleParts } from "../resolve.js";
import {
  SUPPORT_NAMES,
  circleCallAbi,
  parseSupport,
  proposalState,
  resolveBody,
  resolveProposal,
  voted,
  type Support,
} from "./shared.js";
import { describeTally, tally, type Tally } from "./vote.js";

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

/** A signed ballot, as `--sign` prints it and `--relay` takes it. */
export interface SignedBallot {
  circle: Address;
  chainId: number;
  proposalId: bigint;
  support: Support;
  voter: Address;
  nonce: bigint;
  signature: Hex;
}

export interface RelayResult {
  circle: Address;
  proposalId: bigint;
  voter: Address;
  relayer: Address;
  support: (typeof SUPPORT_NAMES)[Support];
  tally: Tally;
  transaction: Hex;
}

function refuseCouncil(body: CircleParts): void {
  if (body.council) {
    throw new CliError(
      `${body.circle} is a council: its member circles vote through their delegates, not by signature.`,
    );
  }
}

async function domainOf(c: Connection, circle: Address) {
  const name = await c.publicClient.readContract({ address: circle, abi: circleAbi, functionName: "name" });
  return ballotDomain(name, BigInt(c.chainId), circle) as {
    name: string;
    version: "1";
    chainId: bigint;
    verifyingContract: Address;
  };
}

/** The signer (`--from`, a member) signs a ballot for someone else to relay. Nothing is sent. */
export async function signBallot(c: Connection, args: VoteBySignatureArgs): Promise<SignedBallot> {
  const support = parseSupport(args.support);
  const wallet = c.wallet(args.from);
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  refuseCouncil(body);
  const proposalId = await resolveProposal(c, body.circle, args.proposal);
  const voter = getAddress(wallet.account.address);
  const { state } = await proposalState(c, body.circle, proposalId);
  if (state !== "pending" && state !== "active") {
    throw new CliError(`Proposal ${proposalId} is ${state}: a ballot for it would not count.`);
  }
  const [member, nonce] = await Promise.all([
    c.publicClient.readContract({
      address: body.membership,
      abi: circleMembershipAbi,
      functionName: "isMember",
      args: [voter],
    }),
    c.publicClient.readContract({ address: body.circle, abi: circleAbi, functionName: "nonces", args: [voter] }),
  ]);
  if (!member) throw new CliError(`${voter} is not a member of ${body.circle}, so their ballot would not count.`);
  const signature = await wallet.signTypedData({
    account: wallet.account,
    domain: await domainOf(c, body.circle),
    types: BALLOT_TYPES,
    primaryType: "Ballot",
    message: { proposalId, support, voter, nonce },
  });
  return { circle: body.circle, chainId: c.chainId, proposalId, support, voter, nonce, signature };
}

/** A ballot read from `--relay`, every field checked. */
export function parseBallot(json: string): SignedBallot {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new CliError("--relay is not JSON: pass the ballot exactly as `circle vote-by-signature --sign` printed it.");
  }
  if (typeof raw !== "object" || raw === null) throw new CliError("--relay must be a JSON object: a signed ballot.");
  const b = raw as Record<string, unknown>;
  const address = (field: string): Address => {
    const v = b[field];
    if (typeof v !== "string" || !isAddress(v, { strict: false })) {
      throw new CliError(`The ballot's "${field}" is not an address.`);
    }
    return getAddress(v);
  };
  const whole = (field: string): bigint => {
    const v = b[field];
    if ((typeof v === "string" && /^\d+$/.test(v)) || (typeof v === "number" && Number.isSafeInteger(v) && v >= 0)) {
      return BigInt(v);
    }
    throw new CliError(`The ballot's "${field}" is not a whole number.`);
  };
  const support = b.support;
  if (support !== 0 && support !== 1 && support !== 2) {
    throw new CliError('The ballot\'s "support" must be 0 (against), 1 (for) or 2 (abstain).');
  }
  const signature = b.signature;
  if (typeof signature !== "string" || !/^0x[0-9a-fA-F]{130}$/.test(signature)) {
    throw new CliError('The ballot\'s "signature" is not a signature (0x and 130 hex digits).');
  }
  return {
    circle: address("circle"),
    chainId: Number(whole("chainId")),
    proposalId: whole("proposalId"),
    support,
    voter: address("voter"),
    nonce: whole("nonce"),
    signature: signature as Hex,
  };
}

/**
 * Submits a signed ballot from the signer's account (`--from`, anyone). The ballot is checked first: this chain and
 * circle, the voter's next nonce, and a signature that is the voter's.
 */
export async function relayBallot(c: Connection, args: VoteBySignatureArgs): Promise<RelayResult> {
  const ballot = parseBallot(args.relay ?? "");
  if (ballot.chainId !== c.chainId) {
    throw new CliError(`The ballot was signed for chain ${ballot.chainId}; this network is chain ${c.chainId}.`);
  }
  if (args.circle && requireAddress("circle", args.circle) !== ballot.circle) {
    throw new CliError(`The ballot is for circle ${ballot.circle}, not --circle ${args.circle}.`);
  }
  const wallet = c.wallet(args.from);
  const body = await resolveBody(c, "circle", ballot.circle, args.registry);
  refuseCouncil(body);
  const nonce = await c.publicClient.readContract({
    address: body.circle,
    abi: circleAbi,
    functionName: "nonces",
    args: [ballot.voter],
  });
  if (nonce !== ballot.nonce) {
    throw new CliError(
      `The ballot was signed with nonce ${ballot.nonce}, but ${ballot.voter}'s next is ${nonce}: it was already used, or another signed vote came first. Ask the voter to sign again.`,
    );
  }
  const signer = await recoverTypedDataAddress({
    domain: await domainOf(c, body.circle),
    types: BALLOT_TYPES,
    primaryType: "Ballot",
    message: { proposalId: ballot.proposalId, support: ballot.support, voter: ballot.voter, nonce: ballot.nonce },
    signature: ballot.signature,
  });
  if (signer !== ballot.voter) {
    throw new CliError(`The signature is not ${ballot.voter}'s for this ballot (it recovers to ${signer}).`);
  }
  const { request } = await c.publicClient.simulateContract({
    address: body.circle,
    abi: circleCallAbi,
    functionName: "castVoteBySig",
    args: [ballot.proposalId, ballot.support, ballot.voter, ballot.signature],
    account: wallet.account,
  });
  const { hash } = await send(c, wallet, request);
  return {
    circle: body.circle,
    proposalId: ballot.proposalId,
    voter: ballot.voter,
    relayer: getAddress(wallet.account.address),
    support: SUPPORT_NAMES[ballot.support],
    tally: await tally(c, body.circle, ballot.proposalId),
    transaction: hash,
  };
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
      const json = JSON.stringify(ballot, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
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
        `${r.relayer} relayed the ballot of ${r.voter}, who ${voted(r.support)} proposal ${r.proposalId} in ${r.circle} (transaction ${r.transaction}): ${describeTally(r.tally)}.`,
        { ...r },
      );
    }
  });
}
