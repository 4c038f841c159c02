import { getAddress, type Abi, type Address, type Chain, type Client, type Hex, type Transport } from "viem";
import { readContract } from "viem/actions";

import {
  circleAbi,
  circleMembershipAbi,
  circleRitualsAbi,
  councilSeatsAbi,
  incomeHubAbi,
  mandatesAbi,
  mutualCreditAbi,
} from "../../abis.js";
import { incomeBalancesFromTransfers } from "../../income.js";
import { addr, big, filterAddress, listAll, type LedgerClient } from "../../ledger.js";
import { PROPOSAL_STATES } from "../../proposals.js";
import { formatAmount, INCOME_UNITS } from "../../units.js";
import { listLedgerCharters } from "./listLedgerCharters.js";
import { listLedgerProposals } from "./listLedgerProposals.js";
import { listMembersOverTime } from "./listMembersOverTime.js";
import { readLedgerCircle } from "./readLedgerCircle.js";
import { readLedgerStatus } from "./readLedgerStatus.js";
import { readMandateHistory } from "./readMandateHistory.js";

/**
 * A mismatch as the sentence `ledger verify` prints: the thing, where, the ledger's value and the chain's.
 *
 * @example
 * ledgerMismatchSentence({ what: "balance", circle, key: ana, ledger: "18 HRS", chain: "17 HRS" });
 * // "The balance of 0xAna… in 0xElm…'s currency is 18 HRS by the ledger, but 17 HRS on chain."
 */
export function ledgerMismatchSentence(m: LedgerMismatch): string {
  const where = `in ${m.circle}`;
  const sides = `${m.ledger} by the ledger, but ${m.chain} on chain`;
  switch (m.what) {
    case "member":
      return `${m.key} is ${m.ledger === "member" ? "" : "not "}a member ${where} by the ledger, but ${m.chain === "member" ? "is" : "is not"} on chain.`;
    case "live mandate":
      return `Mandate ${m.key} ${where} is ${sides}.`;
    case "proposal state":
      return `Proposal ${m.key} ${where} is ${sides}.`;
    case "balance":
      return `The balance of ${m.key} ${where}'s currency is ${sides}.`;
    case "given":
      return `What ${m.key.replace("→", " gave ")} ${where}'s currency is ${sides}.`;
    case "seat":
      return `The seat of ${m.key} in the council ${m.circle} is ${sides}.`;
    case "dissolved":
      return `The circle ${m.circle} is ${sides}.`;
    case "charter":
      return `The charter of ${m.circle} is ${sides}.`;
    case "income balance": {
      const [holder, owner] = m.key.split("→");
      return `${holder}'s balance of ${owner}'s income token in the hub ${m.circle} is ${sides}.`;
    }
  }
}

export interface VerifyLedgerParameters {
  /** The node to check the ledger against: the contracts' state is read at the ledger's block. */
  client: Client<Transport, Chain | undefined>;
  /** One circle or council (default: every one the ledger holds). */
  circle?: Address;
}

/** One thing the ledger and the chain disagree on at the ledger's block. */
export interface LedgerMismatch {
  /** What was compared. */
  what:
    | "member"
    | "live mandate"
    | "proposal state"
    | "balance"
    | "given"
    | "seat"
    | "dissolved"
    | "charter"
    | "income balance";
  /** The circle (or council) it belongs to; for an income balance, the income hub. */
  circle: Address;
  /**
   * Which one: a member's, account's or seated circle's address (checksummed), a mandate or proposal id,
   * `giver→receiver` for "given", `holder→token owner` for an income balance, empty for "dissolved" and "charter".
   */
  key: string;
  /** The value on each side, as words ("member", "not a member", a holder, a state, an amount with its unit). */
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
 * against `signedBalanceOf`) and the pair ledger (against `givenTo`); whether it is dissolved (`dissolved()`) and its
 * charter lapsed (the ledger's charter expiry at its clock, against `charterLapsed()`); for a council, each seat
 * (verifySeats); and the income hub's balances replayed from the ledger's transfers with the hub's demurrage (against
 * `balanceOf`: every holder's, or with `circle`, the circle's and its members'). Proposal states include those a reset
 * ended (its ProposalCanceled events) and those a defeat or an expiry ended, which no event marks (ledgerProposalState
 * at the ledger's clock). Amounts are written in their units, addresses checksummed. If the ledger indexes a block
 * while it is read,
 * the reads start over (a few times), so both sides always describe one block.
 *
 * @example
 * const { block, checked, mismatches } = await verifyLedger({ url }, { client: publicClient });
 * for (const m of mismatches) console.log(ledgerMismatchSentence(m));
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
    // With one circle: the income balances its commons and its members hold; without: every balance in the hub.
    const holders = new Set<string>();
    for (const circle of circles) {
      const found = await verifyCircle(ledger, parameters.client, circle, status.block, status.timestamp);
      result.checked += found.checked;
      result.mismatches.push(...found.mismatches);
      for (const member of [circle, ...found.members]) holders.add(member.toLowerCase());
    }
    const income = await verifyIncome(
      ledger,
      parameters.client,
      status.block,
      status.timestamp,
      parameters.circle ? holders : undefined,
    );
    result.checked += income.checked;
    result.mismatches.push(...income.mismatches);
    const after = await readLedgerStatus(ledger);
    if (after.block === status.block || attempt === ATTEMPTS) return result;
  }
}

/** Reads a view at the ledger's block. */
type ReadAt = <T>(call: { address: Address; abi: Abi; functionName: string; args?: readonly unknown[] }) => Promise<T>;

/**
 * A council's seats, as `[circle, ledger's words, chain's words]`: for every circle the ledger holds an open seat row
 * for, or the chain counts as seated, whether it is seated or has asked, when its probation ends, and whether its seat
 * is filled. Filled, as `isSeatFilled` reads it: seated, at least MIN_SEAT_MEMBERS members a second before `at` (the
 * members' checkpoint), and a live holder of the council's delegate role in the circle's mandates.
 */
async function verifySeats(
  ledger: LedgerClient,
  read: ReadAt,
  council: Address,
  seats: Address,
  at: bigint,
  seatedOnChain: string[],
): Promise<[string, string, string][]> {
  const rows = await listAll<{
    circle: string;
    requestedAt: string | null;
    probationEndsAt: string | null;
    seatedAt: string | null;
  }>(ledger, "councilSeats", {
    filterType: "councilSeatFilter",
    where: { council: filterAddress(council), leftAt: null },
    orderBy: "id",
    selection: "circle requestedAt probationEndsAt seatedAt",
  });
  const [roleId, minimum] = await Promise.all([
    read<Hex>({ address: seats, abi: councilSeatsAbi, functionName: "delegateRoleId" }),
    read<bigint>({ address: seats, abi: councilSeatsAbi, functionName: "MIN_SEAT_MEMBERS" }),
  ]);
  const byCircle = new Map(rows.map((r) => [r.circle.toLowerCase(), r]));
  const found: [string, string, string][] = [];
  for (const member of new Set([...byCircle.keys(), ...seatedOnChain])) {
    const circle = getAddress(member);
    const row = byCircle.get(member);
    // The ledger's side: the seat row, the seated circle's members a second ago, its live delegate.
    let filled = false;
    if (row?.seatedAt) {
      const [terms, history] = await Promise.all([
        listMembersOverTime(ledger, { circle }),
        readMandateHistory(ledger, { circle, at }),
      ]);
      const before = at - 1n;
      const size = terms.terms.filter((t) => t.joinedAt <= before && (t.leftAt === null || t.leftAt > before)).length;
      const delegate = history.mandates.some((m) => m.roleId === roleId && m.status === "live");
      filled = BigInt(size) >= minimum && delegate;
    }
    const [hasSeat, requested, probationEndsAt, chainFilled] = await Promise.all([
      read<boolean>({ address: seats, abi: councilSeatsAbi, functionName: "hasSeat", args: [circle] }),
      read<boolean>({ address: seats, abi: councilSeatsAbi, functionName: "hasRequested", args: [circle] }),
      read<bigint>({ address: seats, abi: councilSeatsAbi, functionName: "probationEndsAt", args: [circle] }),
      read<boolean>({ address: seats, abi: councilSeatsAbi, functionName: "isSeatFilled", args: [circle] }),
    ]);
    const words = (seated: boolean, asked: boolean, probation: bigint, isFilled: boolean) =>
      seated
        ? `seated, ${isFilled ? "filled" : "vacant"}${probation > 0n ? `, probation until ${probation}` : ""}`
        : asked
          ? "requested"
          : "no seat";
    found.push([
      circle,
      words(
        Boolean(row?.seatedAt),
        Boolean(row?.requestedAt) && !row?.seatedAt,
        row?.probationEndsAt ? big(row.probationEndsAt) : 0n,
        filled,
      ),
      words(hasSeat, requested, BigInt(probationEndsAt), chainFilled),
    ]);
  }
  return found;
}

/**
 * The income hub's balances: every (holder, token) the ledger's transfers replay to (incomeBalancesFromTransfers:
 * the hub's demurrage to the wei, from the hub's `dayZero`), against the hub's `balanceOf` at the ledger's block.
 * With `holders`, only theirs.
 */
async function verifyIncome(
  ledger: LedgerClient,
  client: Client<Transport, Chain | undefined>,
  block: bigint,
  at: bigint,
  holders?: Set<string>,
): Promise<{ checked: number; mismatches: LedgerMismatch[] }> {
  const read: ReadAt = <T>(call: Parameters<ReadAt>[0]) =>
    readContract(client, { ...call, blockNumber: block } as never) as Promise<T>;
  const rows = await listAll<{
    contract: string;
    from: string;
    to: string;
    tokenOwner: string;
    value: string;
    timestamp: string;
  }>(ledger, "incomeTransferSingles", {
    filterType: "incomeTransferSingleFilter",
    where: {},
    orderBy: "id",
    selection: "contract from to tokenOwner value timestamp",
  });
  const mismatches: LedgerMismatch[] = [];
  let checked = 0;
  for (const hub of new Set(rows.map((r) => addr(r.contract)))) {
    const dayZero = await read<bigint>({ address: hub, abi: incomeHubAbi, functionName: "dayZero" });
    const transfers = rows
      .filter((r) => addr(r.contract) === hub)
      .map((r) => ({
        from: addr(r.from),
        to: addr(r.to),
        tokenOwner: addr(r.tokenOwner),
        value: big(r.value),
        timestamp: big(r.timestamp),
      }));
    const balances = incomeBalancesFromTransfers(transfers, dayZero, at);
    for (const [key, balance] of balances) {
      const [holder, owner] = key.split("-") as [Address, Address];
      if (holders && !holders.has(holder.toLowerCase())) continue;
      const chain = await read<bigint>({
        address: hub,
        abi: incomeHubAbi,
        functionName: "balanceOf",
        args: [holder, BigInt(owner)],
      });
      checked++;
      const tokens = (value: bigint) => formatAmount(value, INCOME_UNITS);
      if (balance !== chain) {
        mismatches.push({
          what: "income balance",
          circle: hub,
          key: `${holder}→${owner}`,
          ledger: tokens(balance),
          chain: tokens(chain),
        });
      }
    }
  }
  return { checked, mismatches };
}

/** The comparisons for one circle at `block` (whose timestamp is `at`). */
async function verifyCircle(
  ledger: LedgerClient,
  client: Client<Transport, Chain | undefined>,
  circle: Address,
  block: bigint,
  at: bigint,
): Promise<{ checked: number; mismatches: LedgerMismatch[]; members: Address[] }> {
  const mismatches: LedgerMismatch[] = [];
  let checked = 0;
  const compare = (what: LedgerMismatch["what"], key: string, ledgerValue: string, chainValue: string) => {
    checked++;
    if (ledgerValue !== chainValue) mismatches.push({ what, circle, key, ledger: ledgerValue, chain: chainValue });
  };
  // Every view at the ledger's block: the ABIs are typed, the results are named by the caller.
  const read: ReadAt = <T>(call: Parameters<ReadAt>[0]) =>
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

  // Dissolved or not, and whether its charter has lapsed (derived from the charter's expiry at the ledger's clock).
  const [chainDissolved, chainLapsed, charters] = await Promise.all([
    read<boolean>({ address: circle, abi: circleAbi, functionName: "dissolved" }),
    read<boolean>({ address: circle, abi: circleAbi, functionName: "charterLapsed" }),
    listLedgerCharters(ledger, { circle, at }),
  ]);
  const dissolvedWord = (dissolved: boolean) => (dissolved ? "dissolved" : "not dissolved");
  compare("dissolved", "", dissolvedWord(parts.dissolvedAt !== null), dissolvedWord(chainDissolved));
  const lapsedWord = (lapsed: boolean) => (lapsed ? "lapsed" : "in force");
  compare("charter", "", lapsedWord(charters.lapsed), lapsedWord(chainLapsed));

  // A council's seats: each circle seated or asking on either side, with its probation and whether its seat is filled.
  if (parts.kind === "council") {
    const found = await verifySeats(ledger, read, circle, parts.membership, at, [...onChain]);
    for (const [key, ledgerValue, chainValue] of found) compare("seat", key, ledgerValue, chainValue);
  }

  // The circle's currency, if it has one: balances and the pair ledger.
  const currencies = await listAll<{ address: string; symbol: string; decimals: number }>(ledger, "currencys", {
    filterType: "currencyFilter",
    where: { circle: filterAddress(circle) },
    orderBy: "address",
    selection: "address symbol decimals",
  });
  for (const { address, symbol, decimals } of currencies) {
    const currency = addr(address);
    const amount = (value: bigint) => formatAmount(value, { decimals, symbol });
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
      compare("balance", account, amount(balances.get(account) ?? 0n), amount(chainBalances[i]!)),
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
      compare("given", `${addr(p.giver)}→${addr(p.receiver)}`, amount(big(p.given)), amount(chainGiven[i]!)),
    );
  }
  return { checked, mismatches, members: members.members };
}
