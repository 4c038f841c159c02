import { getAddress, type Abi, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { circleAbi, circleMembershipAbi, circleRitualsAbi, mandatesAbi, mutualCreditAbi } from "../../abis.js";
import { addr, big, filterAddress, listAll, type LedgerClient } from "../../ledger.js";
import { PROPOSAL_STATES } from "../../proposals.js";
import { listLedgerProposals } from "./listLedgerProposals.js";
import { listMembersOverTime } from "./listMembersOverTime.js";
import { readLedgerCircle } from "./readLedgerCircle.js";
import { readLedgerStatus } from "./readLedgerStatus.js";
import { readMandateHistory } from "./readMandateHistory.js";

export interface VerifyLedgerParameters {
  /** The node to check the ledger against: the contracts' state is read at the ledger's block. */
  client: Client<Transport, Chain | undefined>;
  /** One circle or council (default: every one the ledger holds). */
  circle?: Address;
}

/** One thing the ledger and the chain disagree on at the ledger's block. */
export interface LedgerMismatch {
  /** What was compared: "member", "live mandate", "proposal state", "balance" or "given". */
  what: "member" | "live mandate" | "proposal state" | "balance" | "given";
  /** The circle (or council) it belongs to. */
  circle: Address;
  /** Which one: a member's or account's address, a mandate or proposal id, `giver→receiver` for "given". */
  key: string;
  /** The value on each side, as words ("member", "not a member", a holder, a state, an amount). */
  ledger: string;
  chain: string;
}

export interface VerifyLedgerReturnType {
  /** The ledger's block, at which the chain was read. */
  block: bigint;
  /** The circles and councils verified. */
  circles: Address[];
  /** How many values were compared. */
  checked: number;
  /** Every disagreement; none when the ledger matches the chain. */
  mismatches: LedgerMismatch[];
}

/** How many times to start over when the ledger indexes a new block while it is being read. */
const ATTEMPTS = 3;

/**
 * Re-derives a circle's state from the ledger and compares it with the contracts' own views read at the ledger's
 * block (`blockNumber`), so a ledger that is behind the node is not a mismatch. For each circle (or the one given):
 * the members (`current_members` against the membership's `members()`), the live mandates and their holders
 * (`liveMandates()` and `mandate(id).holder`), every proposal's state (derived at the ledger's clock, against the
 * circle's `state(id)`; a proposal the rituals count as open that the ledger lacks is a mismatch too), and, if the
 * circle has a currency, each account's signed balance (the ledger's accounts and the chain's `accountsWithBalance()`,
 * against `signedBalanceOf`) and the pair ledger (against `givenTo`). If the ledger indexes a block while it is read,
 * the reads start over (a few times), so both sides always describe one block.
 *
 * @example
 * const { block, checked, mismatches } = await verifyLedger({ url }, { client: publicClient });
 * for (const m of mismatches) console.log(`${m.what} ${m.key}: ledger ${m.ledger}, chain ${m.chain}`);
 */
export async function verifyLedger(
  ledger: LedgerClient,
  parameters: VerifyLedgerParameters,
): Promise<VerifyLedgerReturnType> {
  for (let attempt = 1; ; attempt++) {
    const status = await readLedgerStatus(ledger);
    const circles = parameters.circle
      ? [parameters.circle]
      : (
          await listAll<{ circle: string }>(ledger, "circleOrCouncils", {
            filterType: "circleOrCouncilFilter",
            where: {},
            orderBy: "createdAtBlock",
            selection: "circle",
          })
        ).map((r) => addr(r.circle));
    const result: VerifyLedgerReturnType = { block: status.block, circles, checked: 0, mismatches: [] };
    for (const circle of circles) {
      const found = await verifyCircle(ledger, parameters.client, circle, status.block, status.timestamp);
      result.checked += found.checked;
      result.mismatches.push(...found.mismatches);
    }
    const after = await readLedgerStatus(ledger);
    if (after.block === status.block || attempt === ATTEMPTS) return result;
  }
}

/** The comparisons for one circle at `block` (whose timestamp is `at`). */
async function verifyCircle(
  ledger: LedgerClient,
  client: Client<Transport, Chain | undefined>,
  circle: Address,
  block: bigint,
  at: bigint,
): Promise<{ checked: number; mismatches: LedgerMismatch[] }> {
  const mismatches: LedgerMismatch[] = [];
  let checked = 0;
  const compare = (what: LedgerMismatch["what"], key: string, ledgerValue: string, chainValue: string) => {
    checked++;
    if (ledgerValue !== chainValue) mismatches.push({ what, circle, key, ledger: ledgerValue, chain: chainValue });
  };
  // Every view at the ledger's block: the ABIs are typed, the results are named by the caller.
  const read = <T>(call: { address: Address; abi: Abi; functionName: string; args?: readonly unknown[] }) =>
    readContract(client, { ...call, blockNumber: block } as never) as Promise<T>;

  const parts = await readLedgerCircle(ledger, { circle });
  const [members, history, proposals, chainMembers, chainLive, chainOpen] = await Promise.all([
    listMembersOverTime(ledger, { circle }),
    readMandateHistory(ledger, { circle, at }),
    listLedgerProposals(ledger, { circle, at }),
    read<readonly Address[]>({ address: parts.membership, abi: circleMembershipAbi, functionName: "members" }),
    read<readonly bigint[]>({ address: parts.mandates, abi: mandatesAbi, functionName: "liveMandates" }),
    read<readonly bigint[]>({ address: parts.rituals, abi: circleRitualsAbi, functionName: "openProposals" }),
  ]);

  // Members: everyone either side counts.
  const inLedger = new Set(members.members.map((m) => m.toLowerCase()));
  const onChain = new Set(chainMembers.map((m) => m.toLowerCase()));
  for (const member of new Set([...inLedger, ...onChain])) {
    const word = (inside: boolean) => (inside ? "member" : "not a member");
    compare("member", getAddress(member), word(inLedger.has(member)), word(onChain.has(member)));
  }

  // Live mandates: each live on either side, with its holder.
  const ledgerLive = new Map(history.mandates.filter((m) => m.status === "live").map((m) => [m.mandateId, m.holder]));
  const chainHolders = new Map(
    await Promise.all(
      chainLive.map(
        async (id) =>
          [
            id,
            (
              await read<{ holder: Address }>({
                address: parts.mandates,
                abi: mandatesAbi,
                functionName: "mandate",
                args: [id],
              })
            ).holder,
          ] as const,
      ),
    ),
  );
  for (const id of new Set([...ledgerLive.keys(), ...chainHolders.keys()])) {
    const holder = (h: Address | undefined) => (h ? `held by ${getAddress(h)}` : "not live");
    compare("live mandate", `#${id}`, holder(ledgerLive.get(id)), holder(chainHolders.get(id)));
  }

  // Proposal states: every proposal the ledger has, and any the chain counts as open that it lacks.
  const chainStates = await Promise.all(
    proposals.proposals.map((p) =>
      read<number>({ address: circle, abi: circleAbi, functionName: "state", args: [p.proposalId] }),
    ),
  );
  proposals.proposals.forEach((p, i) =>
    compare("proposal state", p.proposalId.toString(), p.state, PROPOSAL_STATES[chainStates[i]!] ?? "unknown"),
  );
  const known = new Set(proposals.proposals.map((p) => p.proposalId));
  for (const id of chainOpen) {
    if (!known.has(id)) compare("proposal state", id.toString(), "unknown", "open");
  }

  // The circle's currency, if it has one: balances and the pair ledger.
  const currencies = await listAll<{ address: string }>(ledger, "currencys", {
    filterType: "currencyFilter",
    where: { circle: filterAddress(circle) },
    orderBy: "address",
    selection: "address",
  });
  for (const { address } of currencies) {
    const currency = addr(address);
    const where = { currency: filterAddress(currency) };
    const [accounts, pairs, withBalance] = await Promise.all([
      listAll<{ account: string; balance: string }>(ledger, "creditAccounts", {
        filterType: "creditAccountFilter",
        where,
        orderBy: "account",
        selection: "account balance",
      }),
      listAll<{ giver: string; receiver: string; given: string }>(ledger, "creditPairs", {
        filterType: "creditPairFilter",
        where,
        orderBy: "giver",
        selection: "giver receiver given",
      }),
      read<readonly Address[]>({ address: currency, abi: mutualCreditAbi, functionName: "accountsWithBalance" }),
    ]);
    const balances = new Map(accounts.map((a) => [getAddress(a.account), big(a.balance)]));
    const all = [...new Set([...balances.keys(), ...withBalance.map((a) => getAddress(a))])];
    const chainBalances = await Promise.all(
      all.map((account) =>
        read<bigint>({ address: currency, abi: mutualCreditAbi, functionName: "signedBalanceOf", args: [account] }),
      ),
    );
    all.forEach((account, i) =>
      compare("balance", account, (balances.get(account) ?? 0n).toString(), chainBalances[i]!.toString()),
    );
    const chainGiven = await Promise.all(
      pairs.map((p) =>
        read<bigint>({
          address: currency,
          abi: mutualCreditAbi,
          functionName: "givenTo",
          args: [addr(p.giver), addr(p.receiver)],
        }),
      ),
    );
    pairs.forEach((p, i) =>
      compare("given", `${addr(p.giver)}→${addr(p.receiver)}`, big(p.given).toString(), chainGiven[i]!.toString()),
    );
  }
  return { checked, mismatches };
}
