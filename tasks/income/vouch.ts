/**
 * `npx hardhat income vouch --circle <address> --people 0x…,0x… [--payers 0x…,…] [--fund <tokens>] [--hub <address>]
 * [--from <address>] [--json]`
 *
 * Proposes, in the signer's circle, that it register in the income hub (if it has not) and vouch for members: each
 * vouch burns what an invitation costs of a member's token the circle holds (members give it to the circle first;
 * `--fund` has the signer give that much of their own). Each person then accepts with `income accept-vouch`.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, type Address, type Hex } from "viem";

import { prepareVouch } from "../../client/actions/income/prepareVouch.js";
import { sendIncome } from "../../client/actions/income/sendIncome.js";
import { connect, parseAmount, report, runTask, type Connection } from "../cli.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { nextSteps, parseAddressList, proposalMade, resolveBody, type ProposalMade } from "../circle/shared.js";
import { hubOf } from "./hub.js";

export interface VouchArgs {
  circle?: string;
  people?: string;
  payers?: string;
  fund?: string;
  hub?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface VouchResult extends ProposalMade {
  hub: Address;
  people: Address[];
  payers: Address[];
  /** The transaction that gave the circle the signer's tokens, if `--fund` was given. */
  funded: Hex | null;
}

/** Proposes the vouching (the client's `prepareVouch`); `--payers` defaults to the signer for every person. */
export async function proposeVouch(c: Connection, args: VouchArgs): Promise<VouchResult> {
  const people = parseAddressList("people", args.people);
  const wallet = c.wallet(args.from);
  const signer = getAddress(wallet.account.address);
  const payers = args.payers ? parseAddressList("payers", args.payers) : people.map(() => signer);
  const fund = args.fund ? parseAmount("fund", args.fund) : undefined;
  const hub = await hubOf(c, args.hub);
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  // Checked before the circle is funded, so a malformed vouch sends nothing.
  const { calls, description } = await prepareVouch(c.publicClient, { hub, circle: body.circle, people, payers });
  const funded =
    fund === undefined ? null : (await sendIncome(wallet, { hub, to: body.circle, amount: fund })).transaction;
  const made = proposalMade(await propose(wallet, { circle: body.circle, calls, description }));
  return { ...made, hub, people, payers, funded };
}

export default async function vouch(args: VouchArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeVouch(await connect(hre), args);
    report(
      args.json,
      `${r.proposer} proposed that ${r.circle} vouch for ${r.people.join(", ")}: ${nextSteps(r)} ` +
        `Each vouch burns an invitation's cost of a payer's token held by the circle; each person then runs npx hardhat income accept-vouch --circle ${r.circle}.`,
      { ...r },
    );
  });
}
