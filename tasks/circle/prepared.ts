/**
 * Proposing what a client `prepare…` action built: the one place the lifecycle tasks hand a prepared decision to the
 * proposing flow (today `proposeInCircle`; the client's propose action once it lands).
 */
import type { Address } from "viem";

import type { PreparedProposal } from "../../client/proposals.js";
import type { Connection, Wallet } from "../cli.js";
import { resolveCircle } from "../resolve.js";
import { proposeInCircle, type ProposalMade } from "./shared.js";

/** Proposes `prepared` in its body from `wallet`, a member. */
export async function proposePrepared(
  c: Connection,
  wallet: Wallet,
  prepared: PreparedProposal,
  registry: Address,
): Promise<ProposalMade> {
  const body = await resolveCircle(c, "circle", prepared.circle, registry);
  return proposeInCircle(c, wallet, body, prepared.calls, prepared.description);
}
