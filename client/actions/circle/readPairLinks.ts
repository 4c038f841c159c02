/**
 * The pair-link map of a circle (issue 17), read from the chain: who votes with whom, who proposes for whom, who pays
 * whom and who holds roles after whom, for the two members a pair-link audit draws by lot. The reads are here; the
 * computation is the pure `computePairLinks` (client/pairLinks.ts).
 */
import { getAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { getBlockNumber, readContract } from "viem/actions";

import { getContractEventsPaged } from "../../pagedEvents.js";
import { circleAbi, circleMembershipAbi, mandatesAbi, mutualCreditAbi } from "../../abis.js";
import { InvalidParameterError } from "../../errors.js";
import { computePairLinks, type PairLinkProposal, type PairLinks } from "../../pairLinks.js";
import { readCurrency } from "../credit/readCurrency.js";
import { readCurrencyAddress } from "../credit/readCurrencyAddress.js";
import { resolveBody } from "./resolveBody.js";

export interface ReadPairLinksParameters {
  /** The circle (a council's links run through its delegates' circles: it is refused). */
  circle: Address;
  /** The registry the circle belongs to. */
  registry: Address;
  /** The credit factory (the deployment's `creditFactory`): without it, or without a currency, `pays` is empty. */
  creditFactory?: Address;
  /** The first block whose events count (default: the first block). */
  fromBlock?: bigint;
  /** The last block whose events count (default: the latest). */
  toBlock?: bigint;
}

/** The map, the blocks it was read over, and the currency its payments are in (null: none read). */
export interface ReadPairLinksReturnType extends PairLinks {
  fromBlock: bigint;
  toBlock: bigint;
  currency: { address: Address; symbol: string; decimals: number } | null;
}

/**
 * The pair-link map of `circle` from its events between `fromBlock` and `toBlock`: the circle's `VoteCast` and
 * `VoteCastWithParams` (agreement), `MandateGranted` of its mandates module (proposes for, holds after; the event
 * names the decision's proposer), its `ProposalCreated` and `ProposalExecuted` (admissions: `admit` calls of executed
 * proposals made within the blocks), and with `creditFactory` the `Transfer`s of its currency (pays). Members are
 * those of now; everyone ever admitted (`MemberAdmitted`, read from the first block whatever `fromBlock`) who is not
 * is a former member. Refuses a window whose first block is after its last (an InvalidParameterError), a council or an address that is no circle of `registry` (see resolveBody).
 *
 * @example
 * const links = await readPairLinks(publicClient, { circle, registry, creditFactory });
 * const [closest] = links.agreement; // { a, b, shared, agreed, opposed, rateBps }
 * console.log(`${closest.a} and ${closest.b} voted alike on ${closest.agreed} of ${closest.shared} proposals`);
 */
export async function readPairLinks<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadPairLinksParameters,
): Promise<ReadPairLinksReturnType> {
  const { registry, creditFactory, fromBlock = 0n } = parameters;
  const body = await resolveBody(client, {
    address: getAddress(parameters.circle),
    registry,
    kind: "circle",
    hint: "read the pair links of one of its member circles.",
  });
  const toBlock = parameters.toBlock ?? (await getBlockNumber(client));
  if (fromBlock > toBlock) {
    throw new InvalidParameterError(
      "fromBlock",
      `The first block ${fromBlock} is after the last block ${toBlock}: give the earlier block first.`,
    );
  }
  const window = { fromBlock, toBlock, strict: true } as const;
  const governor = { address: body.circle, abi: circleAbi, ...window } as const;
  const [members, admitted, votes, votesWithParams, created, executed, granted, currency] = await Promise.all([
    readContract(client, { address: body.membership, abi: circleMembershipAbi, functionName: "members" }),
    getContractEventsPaged(client, {
      address: body.membership,
      abi: circleMembershipAbi,
      eventName: "MemberAdmitted",
      fromBlock: 0n,
      toBlock,
      strict: true,
    }),
    getContractEventsPaged(client, { ...governor, eventName: "VoteCast" }),
    getContractEventsPaged(client, { ...governor, eventName: "VoteCastWithParams" }),
    getContractEventsPaged(client, { ...governor, eventName: "ProposalCreated" }),
    getContractEventsPaged(client, { ...governor, eventName: "ProposalExecuted" }),
    getContractEventsPaged(client, {
      address: body.mandates,
      abi: mandatesAbi,
      eventName: "MandateGranted",
      ...window,
    }),
    creditFactory ? currencyOf(client, creditFactory, body.circle) : null,
  ]);
  const payments = currency
    ? await getContractEventsPaged(client, {
        address: currency.address,
        abi: mutualCreditAbi,
        eventName: "Transfer",
        ...window,
      })
    : [];
  const done = new Set(executed.map((e) => e.args.proposalId));
  const proposals = created.map(({ args }): PairLinkProposal => ({
    proposalId: args.proposalId,
    proposer: args.proposer,
    calls: args.targets.map((target, i) => ({ target, data: args.calldatas[i] ?? "0x" })),
    executed: done.has(args.proposalId),
  }));
  const links = computePairLinks({
    circle: body.circle,
    members,
    admitted: admitted.map((e) => e.args.member),
    membership: body.membership,
    votes: [...votes, ...votesWithParams]
      .sort((x, y) => Number(x.blockNumber - y.blockNumber) || x.logIndex - y.logIndex)
      .map(({ args }) => ({ voter: args.voter, proposalId: args.proposalId, support: args.support })),
    mandates: granted.map(({ args }) => ({
      mandateId: args.mandateId,
      roleId: args.roleId,
      role: args.role,
      holder: args.holder,
      proposer: args.proposer,
      drawn: args.drawn,
    })),
    proposals,
    payments: payments.map(({ args }) => ({ from: args.from, to: args.to, amount: args.value })),
    units: currency ?? undefined,
  });
  return { ...links, fromBlock, toBlock, currency };
}

/** The circle's currency through the factory, with its units, or null when it has none yet. */
async function currencyOf<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  factory: Address,
  circle: Address,
): Promise<ReadPairLinksReturnType["currency"]> {
  const found = await readCurrencyAddress(client, { factory, circle });
  if (!found.exists) return null;
  const { address, symbol, decimals } = await readCurrency(client, { currency: found.currency });
  return { address, symbol, decimals };
}
