/**
 * The money part of the ledger's end-to-end test (`e2e/indexer.ts`): a money story on the node, then checks of the
 * indexer against it. The story: a currency created, payments with and without memos, an allowance spent, limits, an
 * admitted account, a departure settled to the commons, a jubilee; income registrations (bootstrap and invitation),
 * claims, trust (one soon expired), a path payment, a group mint and redemption, an operator transfer, wrappers of
 * both flavours wrapped and unwrapped, an income stopped. The circle's own calls are made by impersonating it: a
 * decision's execution makes the same calls, and governance is exercised by the governance story. Every money event
 * kind is counted with `eth_getLogs` against its table's rows (through GraphQL); derived tables are checked against
 * the contracts' own views; the trust graph read from the ledger equals the one read from the chain.
 */
import { expect } from "chai";
import {
  createWalletClient,
  getAddress,
  http,
  keccak256,
  parseEther,
  stringToHex,
  toEventSelector,
  type Abi,
  type Address,
  type Hash,
  type PublicClient,
} from "viem";
import { hardhat as hardhatChain } from "viem/chains";

import {
  circleAbi,
  circleMembershipAbi,
  creditFactoryAbi,
  demurragedIncomeTokenAbi,
  incomeHubAbi,
  incomeWrappersAbi,
  mutualCreditAbi,
} from "../client/abis.js";
import {
  payAlongTrust,
  readIncomeGraph,
  readReciprocityGraph,
  readTrustGraphAround,
  readTrustGraphFromLedger,
  type DeploymentAddresses,
} from "../client/index.js";
import { expectMoneyLedgerMatchesChain } from "./ledgerHarness.js";
import { rpc, type RunningNode } from "./nodes.js";

const DAY = 86_400;

/** The event kinds this story emits at least once (the others must count zero on both sides). */
const EMITTED = new Set([
  "CreditFactory:CurrencyCreated",
  ...[
    "Transfer",
    "Memo",
    "Approval",
    "LimitsSet",
    "DefaultLimitsSet",
    "AccountAdmitted",
    "BalanceMovedToCommons",
    "BalanceCleared",
    "Jubilee",
    "Initialized",
  ].map((e) => `MutualCredit:${e}`),
  ...[
    "PersonRegistered",
    "CircleRegistered",
    "Trust",
    "IncomeClaimed",
    "IncomeStopped",
    "PaidAlongTrust",
    "GroupMinted",
    "GroupRedeemed",
    "TransferSingle",
    "ApprovalForAll",
  ].map((e) => `IncomeHub:${e}`),
  "IncomeWrappers:WrapperCreated",
  ...["Transfer", "Approval", "Wrapped", "Unwrapped", "Initialized"].map((e) => `IncomeWrapper:${e}`),
]);

/** A payment the story made in the currency, as its receipt recorded it. */
export interface StoryPayment {
  payer: Address;
  payee: Address;
  amount: bigint;
  memo: string | null;
  block: bigint;
  transactionHash: Hash;
  /** The log index of its `Transfer`. */
  logIndex: number;
}

/** What the story made, for the checks. */
export interface MoneyStory {
  currency: Address;
  /** Every payment that moved balances, in order (not the zero self-transfer). */
  payments: StoryPayment[];
  /** Fay's departure from the circle (she leaves during the story). */
  left: { member: Address; block: bigint };
}

/** The node, the client and the suite the story runs on, and the accounts it uses (unlocked on the node). */
export interface MoneyContext {
  node: RunningNode;
  client: PublicClient;
  addresses: DeploymentAddresses;
  /** A circle whose members include ana…gus but not hal (fay leaves during the story). */
  circle: Address;
  people: { ana: Address; ben: Address; cai: Address; dee: Address; fay: Address; hal: Address };
}

/**
 * Runs the money story; one transaction per block (hardhat's automine), time moved with `evm_mine` only. With
 * `income: false`, the mutual-credit part alone (the basic-income part registers people by bootstrap, which a chain
 * whose clock has already passed the hub's bootstrap period refuses).
 */
export async function runMoneyStory(context: MoneyContext, { income = true } = {}): Promise<MoneyStory> {
  const { node, client, addresses, circle } = context;
  const { ana, ben, cai, dee, fay, hal } = context.people;
  /** Sends a contract call from `from` (unlocked or impersonated) and waits for it to succeed. */
  async function send(
    from: Address,
    call: { address: Address; abi: Abi; functionName: string; args: readonly unknown[] },
  ) {
    const wallet = createWalletClient({ account: from, transport: http(node.url) });
    const hash = await wallet.writeContract({ ...call, chain: null });
    const receipt = await client.waitForTransactionReceipt({ hash });
    expect(receipt.status, `${call.functionName} from ${from}`).to.equal("success");
    return receipt;
  }
  const payments: StoryPayment[] = [];
  const transferTopic = toEventSelector("Transfer(address,address,uint256)");
  /** A payment in the currency (`transfer`, `transferFrom` or `transferWithMemo`), recorded for the checks. */
  async function pay(
    from: Address,
    currency: Address,
    payment: { payer: Address; payee: Address; amount: bigint; memo?: string },
  ) {
    const { payer, payee, amount, memo } = payment;
    const call =
      memo !== undefined
        ? { functionName: "transferWithMemo", args: [payee, amount, keccak256(stringToHex(memo)), memo] }
        : from === payer
          ? { functionName: "transfer", args: [payee, amount] }
          : { functionName: "transferFrom", args: [payer, payee, amount] };
    const receipt = await send(from, { address: currency, abi: mutualCreditAbi, ...call });
    const log = receipt.logs.find((l) => l.address === currency.toLowerCase() && l.topics[0] === transferTopic)!;
    payments.push({
      payer,
      payee,
      amount,
      memo: memo ?? null,
      block: receipt.blockNumber,
      transactionHash: receipt.transactionHash,
      logIndex: log.logIndex,
    });
  }
  async function travel(seconds: number) {
    await rpc(node.url, "evm_increaseTime", [seconds]);
    await rpc(node.url, "evm_mine");
  }
  // The circle's own calls, as its decisions would make them.
  await rpc(node.url, "hardhat_impersonateAccount", [circle]);
  await rpc(node.url, "hardhat_setBalance", [circle, "0x56BC75E2D63100000"]);

  // --- Mutual credit ---
  const factory = { address: addresses.creditFactory, abi: creditFactoryAbi } as const;
  await send(circle, { ...factory, functionName: "createCurrency", args: ["Ledger hours", "LHR", 0, 100n, 200n] });
  const currency = (await client.readContract({ ...factory, functionName: "currencyOf", args: [circle] })) as Address;
  const credit = { address: currency, abi: mutualCreditAbi } as const;
  await pay(ana, currency, { payer: ana, payee: ben, amount: 10n, memo: "fixed the tap" });
  await pay(ben, currency, { payer: ben, payee: cai, amount: 4n });
  await send(cai, { ...credit, functionName: "transfer", args: [cai, 0n] }); // a transfer, not a payment
  await send(ana, { ...credit, functionName: "approve", args: [ben, 5n] });
  await pay(ben, currency, { payer: ana, payee: dee, amount: 3n }); // transferFrom, spending the allowance
  await send(circle, { ...credit, functionName: "setLimits", args: [dee, 50n, 50n] });
  await send(circle, { ...credit, functionName: "setDefaultLimits", args: [120n, 200n] });
  await send(circle, { ...credit, functionName: "admitAccount", args: [hal] });
  await pay(ana, currency, { payer: ana, payee: hal, amount: 2n, memo: "seeds" });
  await pay(hal, currency, { payer: hal, payee: fay, amount: 1n });
  // Fay leaves; her balance (+1) is settled to the commons (the currency is not a role module here).
  const membership = (await client.readContract({
    address: circle,
    abi: circleAbi,
    functionName: "membership",
  })) as Address;
  const left = await send(fay, { address: membership, abi: circleMembershipAbi, functionName: "leave", args: [] });
  await send(hal, { ...credit, functionName: "settleDeparted", args: [fay] });
  await pay(cai, currency, { payer: cai, payee: ana, amount: 1n });
  await send(circle, { ...credit, functionName: "jubilee", args: [] });
  await pay(ben, currency, { payer: ben, payee: ana, amount: 7n, memo: "after" });

  const story = { currency, payments, left: { member: fay, block: left.blockNumber } };
  if (!income) {
    await rpc(node.url, "hardhat_stopImpersonatingAccount", [circle]);
    return story;
  }

  // --- Basic income ---
  const hub = { address: addresses.incomeHub, abi: incomeHubAbi } as const;
  for (const person of [ana, ben, cai]) {
    await send(person, { ...hub, functionName: "register", args: ["0x0000000000000000000000000000000000000000"] });
  }
  await travel(5 * DAY); // enough income for an invitation (96 tokens)
  for (const person of [ana, ben, cai]) await send(person, { ...hub, functionName: "claim", args: [] });
  const now = async () => (await client.getBlock()).timestamp;
  await send(ben, { ...hub, functionName: "trust", args: [ana, (await now()) + BigInt(30 * DAY)] });
  await send(cai, { ...hub, functionName: "trust", args: [ben, (await now()) + BigInt(30 * DAY)] });
  await send(ana, { ...hub, functionName: "trust", args: [dee, (await now()) + BigInt(30 * DAY)] });
  await send(ana, { ...hub, functionName: "trust", args: [hal, (await now()) + 60n] }); // expires soon
  await send(dee, { ...hub, functionName: "register", args: [ana] }); // invited by Ana
  // Ana pays Cai along Ana → Ben → Cai (the client plans the flow from the chain's events).
  const wallet = createWalletClient({ account: ana, chain: hardhatChain, transport: http(node.url) });
  const paid = await payAlongTrust(wallet, { hub: addresses.incomeHub, to: cai, amount: parseEther("3") });
  expect(paid.hops).to.equal(2);
  await send(circle, { ...hub, functionName: "registerCircle", args: [] });
  await send(circle, { ...hub, functionName: "trust", args: [ana, (await now()) + BigInt(30 * DAY)] });
  await send(ana, { ...hub, functionName: "groupMint", args: [circle, [ana], [parseEther("2")]] });
  await send(ana, { ...hub, functionName: "groupRedeem", args: [circle, [ana], [parseEther("1")]] });
  await send(ana, { ...hub, functionName: "setApprovalForAll", args: [ben, true] });
  await send(ben, { ...hub, functionName: "safeTransferFrom", args: [ana, ben, BigInt(ana), parseEther("1"), "0x"] });
  // Wrappers: both flavours of Ana's token; Ana wraps some (an ERC-1155 transfer to the wrapper) and unwraps half.
  const wrappers = { address: addresses.incomeWrappers, abi: incomeWrappersAbi } as const;
  await send(ana, { ...wrappers, functionName: "createWrapper", args: [BigInt(ana), 0] });
  await send(ana, { ...wrappers, functionName: "createWrapper", args: [BigInt(ana), 1] });
  const wrapper = (await client.readContract({
    ...wrappers,
    functionName: "wrapperOf",
    args: [BigInt(ana), 0],
  })) as Address;
  await send(ana, {
    ...hub,
    functionName: "safeTransferFrom",
    args: [ana, wrapper, BigInt(ana), parseEther("2"), "0x"],
  });
  const token = { address: wrapper, abi: demurragedIncomeTokenAbi } as const;
  await send(ana, { ...token, functionName: "approve", args: [ben, 1n] });
  await send(ana, { ...token, functionName: "unwrap", args: [parseEther("1")] });
  await send(cai, { ...hub, functionName: "stop", args: [] });
  await travel(120); // Ana's trust in Eli has expired
  await rpc(node.url, "hardhat_stopImpersonatingAccount", [circle]);
  return story;
}

/** Checks the indexer at `api` (caught up with the node) against the chain after the story. */
export async function checkMoneyLedger(context: MoneyContext, story: MoneyStory, api: string): Promise<void> {
  const { client, addresses, circle } = context;
  const { ana, ben, cai, dee } = context.people;
  const { currency } = story;
  async function graphql<T>(query: string): Promise<T> {
    const response = await fetch(`${api}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown };
    if (!body.data || body.errors) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}\n${query}`);
    return body.data;
  }

  // --- Every money event kind: eth_getLogs against the rows ---
  const { mismatches, counts } = await expectMoneyLedgerMatchesChain(client, { graphql }, addresses);
  for (const kind of EMITTED) if (!counts.get(kind)) mismatches.push(`${kind}: no log`);
  expect(mismatches).to.deep.equal([]);

  // --- Credit: accounts, payments with memos, the pair ledger, the currency, jubilees ---
  const credit = { address: currency, abi: mutualCreditAbi } as const;
  const { creditAccounts } = await graphql<{
    creditAccounts: { items: { account: Address; balance: string; given: string; received: string }[] };
  }>(`
    {
      creditAccounts(limit: 100) {
        items {
          account
          balance
          given
          received
        }
      }
    }
  `);
  expect(creditAccounts.items.length).to.be.greaterThan(4);
  let sum = 0n;
  for (const row of creditAccounts.items) {
    const [balance, [given, received]] = await Promise.all([
      client.readContract({ ...credit, functionName: "signedBalanceOf", args: [row.account] }),
      client.readContract({ ...credit, functionName: "totals", args: [row.account] }),
    ]);
    expect([BigInt(row.balance), BigInt(row.given), BigInt(row.received)], row.account).to.deep.equal([
      balance,
      given,
      received,
    ]);
    sum += BigInt(row.balance);
  }
  expect(sum).to.equal(0n);

  const { creditPairs } = await graphql<{
    creditPairs: { items: { giver: Address; receiver: Address; given: string }[] };
  }>(`
    {
      creditPairs(limit: 100) {
        items {
          giver
          receiver
          given
        }
      }
    }
  `);
  for (const pair of creditPairs.items) {
    const given = await client.readContract({
      ...credit,
      functionName: "givenTo",
      args: [pair.giver, pair.receiver],
    });
    expect(BigInt(pair.given), `${pair.giver} → ${pair.receiver}`).to.equal(given);
  }

  const { creditPayments } = await graphql<{
    creditPayments: { items: { payer: Address; payee: Address; amount: string; memo: string | null }[] };
  }>(`
    {
      creditPayments(orderBy: "blockNumber", limit: 100) {
        items {
          payer
          payee
          amount
          memo
        }
      }
    }
  `);
  // Seven payments moved balances (not the zero self-transfer); three carried memos.
  expect(creditPayments.items).to.have.length(7);
  expect(creditPayments.items[0]).to.deep.include({
    payer: ana.toLowerCase(),
    payee: ben.toLowerCase(),
    amount: "10",
  });
  expect(creditPayments.items.map((p) => p.memo).filter((m) => m !== null)).to.deep.equal([
    "fixed the tap",
    "seeds",
    "after",
  ]);

  const { currencys } = await graphql<{
    currencys: {
      items: { circle: Address; name: string; symbol: string; decimals: number; defaultCreditLimit: string }[];
    };
  }>(`
    {
      currencys {
        items {
          circle
          name
          symbol
          decimals
          defaultCreditLimit
        }
      }
    }
  `);
  // Read once at creation; the defaults from the initializer's event (before CurrencyCreated), then changed.
  expect(currencys.items).to.deep.equal([
    { circle: circle.toLowerCase(), name: "Ledger hours", symbol: "LHR", decimals: 0, defaultCreditLimit: "120" },
  ]);

  const { jubilees } = await graphql<{
    jubilees: { items: { number: number; accounts: string; creditCleared: string; debtCleared: string }[] };
  }>(`
    {
      jubilees {
        items {
          number
          accounts
          creditCleared
          debtCleared
        }
      }
    }
  `);
  expect(jubilees.items).to.have.length(1);
  expect(BigInt(jubilees.items[0]!.creditCleared) + BigInt(jubilees.items[0]!.debtCleared)).to.equal(0n);

  // --- Income: registrations, path payments, claims, groups, wrappers ---
  const data = await graphql<{
    incomeAccounts: { items: { account: Address; kind: string; registeredBy: string | null; stopped: boolean }[] };
    pathPayments: { items: { payer: Address; to: Address; hops: string }[] };
    incomeClaims: { totalCount: number };
    incomeGroups: { items: { minted: string; redeemed: string }[] };
    incomeWrappers: { items: { flavour: string; supply: string; tokenOwner: Address }[] };
  }>(`
    {
      incomeAccounts {
        items {
          account
          kind
          registeredBy
          stopped
        }
      }
      pathPayments {
        items {
          payer
          to
          hops
        }
      }
      incomeClaims {
        totalCount
      }
      incomeGroups {
        items {
          minted
          redeemed
        }
      }
      incomeWrappers(orderBy: "flavour") {
        items {
          flavour
          supply
          tokenOwner
        }
      }
    }
  `);
  const byAccount = new Map(data.incomeAccounts.items.map((a) => [getAddress(a.account), a]));
  expect(byAccount.get(ana)).to.deep.include({ kind: "person", registeredBy: "bootstrap", stopped: false });
  expect(byAccount.get(dee)).to.deep.include({ kind: "person", registeredBy: "invitation" });
  expect(byAccount.get(cai)).to.deep.include({ stopped: true });
  expect(byAccount.get(circle)).to.deep.include({ kind: "circle" });
  expect(data.pathPayments.items).to.deep.equal([{ payer: ana.toLowerCase(), to: cai.toLowerCase(), hops: "2" }]);
  expect(data.incomeClaims.totalCount).to.equal(4); // three claims, and the one `stop` makes
  expect(data.incomeGroups.items).to.deep.equal([
    { minted: parseEther("2").toString(), redeemed: parseEther("1").toString() },
  ]);
  expect(data.incomeWrappers.items.map((w) => w.flavour)).to.deep.equal(["demurraged", "static"]);
  const wrapper = await client.readContract({
    address: addresses.incomeWrappers,
    abi: incomeWrappersAbi,
    functionName: "wrapperOf",
    args: [BigInt(ana), 0],
  });
  const supply = await client.readContract({
    address: wrapper,
    abi: demurragedIncomeTokenAbi,
    functionName: "totalSupply",
  });
  expect(BigInt(data.incomeWrappers.items[0]!.supply)).to.equal(supply);

  // --- The pathfinder's trust graph, from the ledger ---
  const fromLedger = await readTrustGraphFromLedger({ url: api }, { hub: addresses.incomeHub });
  const fromChain = await readIncomeGraph(client, { hub: addresses.incomeHub });
  const plain = (graph: ReadonlyMap<Address, ReadonlySet<Address>>) =>
    Object.fromEntries(
      [...graph].map(([k, v]) => [k, [...v].sort()]).sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  expect(plain(fromLedger.graph)).to.deep.equal(plain(fromChain.graph));
  // Ana's trust in Eli expired: not in the graph. Four live edges: Ben → Ana, Cai → Ben, Ana → Dee, circle → Ana.
  expect(fromLedger.edges).to.equal(4);
  expect(fromLedger.block).to.equal(await client.getBlockNumber());
  // The trust around Ana, for her page: whom she trusts, who trusts her, and Cai two steps out (through Ben).
  const around = await readTrustGraphAround({ url: api }, { person: ana, depth: 2, hub: addresses.incomeHub });
  expect(around.trusts.map((e) => e.trustee)).to.deep.equal([getAddress(dee)]);
  expect(around.trustedBy.map((e) => e.truster).sort()).to.deep.equal([getAddress(ben), getAddress(circle)].sort());
  expect(around.nodes.find((n) => n.account === getAddress(cai))?.distance).to.equal(2);
  // The reciprocity graph: Ana and Ben paid each other both ways.
  const reciprocity = await readReciprocityGraph({ url: api }, { circle });
  const anaToBen = reciprocity.edges.find((e) => e.giver === getAddress(ana) && e.receiver === getAddress(ben));
  expect(anaToBen).to.deep.include({ counted: true, oneSided: false });
}
