// Income hub benchmarks: personal mint, trust, a plain transfer and payments along trust of 1 to 8 hops, next to
// OpenZeppelin's ERC-1155 doing the nearest thing in the same run. Called by scripts/bench/index.ts.

import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";

import { gasOf, type OperationRow } from "./gas.js";

const DAY = 86_400;
const TOKEN = 10n ** 18n;
export const MAX_HOPS = 8;

/** One row of the bench's operations table. */
export type IncomeRow = OperationRow;

/**
 * Measures the hub. Steady state throughout: every balance a measured operation writes is already non-zero, as in
 * the reference (each payment is made once to warm up, then measured).
 */
export async function benchIncome(ethers: HardhatEthers, networkHelpers: NetworkHelpers, registry: string) {
  const { time } = networkHelpers;
  const now = await time.latest();
  const hub = await ethers.deployContract("IncomeHub", [
    {
      registry,
      dayZero: Math.floor(now / DAY) * DAY,
      bootstrapPeriod: 30 * DAY,
      invitationCost: 96n * TOKEN,
      welcomeBonus: 48n * TOKEN,
      uri: "",
    },
  ]);
  const reference = await ethers.deployContract("ReferenceERC1155");
  // Nine people on a chain of trust: person i+1 trusts person i.
  const people = await Promise.all(
    Array.from({ length: MAX_HOPS + 1 }, async (_, i) => {
      const wallet = new ethers.Wallet(ethers.id(`income bench person ${i}`), ethers.provider);
      await networkHelpers.setBalance(wallet.address, 10n ** 20n);
      return wallet;
    }),
  );
  for (const p of people) await hub.connect(p).register(ethers.ZeroAddress);
  await time.increase(DAY);
  const claim = await gasOf(hub.connect(people[0]!).claim());
  for (const p of people.slice(1)) await hub.connect(p).claim();
  const referenceMint = await gasOf(reference.mint(people[0]!.address, 1n, 24n * TOKEN));
  const expiry = (await time.latest()) + 365 * DAY;
  const trust = await gasOf(hub.connect(people[1]!).trust(people[0]!.address, expiry));
  for (let i = 2; i < people.length; ++i) await hub.connect(people[i]!).trust(people[i - 1]!.address, expiry);

  const [a, b] = [people[0]!, people[1]!];
  const idA = BigInt(a.address);
  await hub.connect(a).safeTransferFrom(a.address, b.address, idA, TOKEN, "0x");
  const transfer = await gasOf(hub.connect(a).safeTransferFrom(a.address, b.address, idA, TOKEN, "0x"));
  await reference.mint(b.address, 1n, TOKEN);
  const referenceTransfer = await gasOf(reference.connect(a).safeTransferFrom(a.address, b.address, 1n, TOKEN, "0x"));

  const payments: { hops: number; gas: bigint }[] = [];
  for (let hops = 1; hops <= MAX_HOPS; ++hops) {
    const hopsList = Array.from({ length: hops }, (_, i) => ({
      from: people[i]!.address,
      to: people[i + 1]!.address,
      token: people[i]!.address,
    }));
    const vertices = [...new Set(hopsList.flatMap((h) => [h.from, h.to]))].sort((x, y) =>
      BigInt(x) < BigInt(y) ? -1 : 1,
    );
    const at = (address: string) => vertices.indexOf(address);
    const edges = hopsList.map((h) => ({ from: at(h.from), to: at(h.to), token: at(h.token), amount: TOKEN / 10n }));
    const receiver = people[hops]!.address;
    await hub.connect(a).payAlongTrust(vertices, edges, receiver, TOKEN / 10n);
    payments.push({
      hops,
      gas: await gasOf(hub.connect(a).payAlongTrust(vertices, edges, receiver, TOKEN / 10n)),
    });
  }

  // The reference's marginal transfer: one more id in one `safeBatchTransferFrom` from one holder to one receiver,
  // both holding every id before (each id's two balances non-zero before and after). Batches of 1 to MAX_HOPS ids;
  // the marginal is (batch of n + 1 ids) - (batch of n ids), averaged over the range.
  const ids = Array.from({ length: MAX_HOPS }, (_, i) => BigInt(i + 2));
  for (const id of ids) {
    await reference.mint(a.address, id, TOKEN);
    await reference.mint(b.address, id, TOKEN);
  }
  const batches: { ids: number; gas: bigint }[] = [];
  for (let n = 1; n <= MAX_HOPS; ++n) {
    const batch = ids.slice(0, n);
    const gas = await gasOf(
      reference.connect(a).safeBatchTransferFrom(
        a.address,
        b.address,
        batch,
        batch.map(() => 1n),
        "0x",
      ),
    );
    batches.push({ ids: n, gas });
  }
  const perHop = (first: bigint, last: bigint) => (last - first) / BigInt(MAX_HOPS - 1);
  const hopMarginal = perHop(payments[0]!.gas, payments.at(-1)!.gas);
  const batchMarginal = perHop(batches[0]!.gas, batches.at(-1)!.gas);

  // A claim after 15 days away (the most a claim pays for is 14 days, Demurrage.MAX_CLAIM): the person has claimed
  // before, so its balance is non-zero before and after; the reference mints to a holder.
  await time.increase(15 * DAY);
  const longClaim = await gasOf(hub.connect(a).claim());
  const referenceMintToHolder = await gasOf(reference.mint(a.address, 1n, 24n * TOKEN));

  const rows: IncomeRow[] = [
    {
      operation: "income: claim a day of income",
      circle: claim,
      reference: referenceMint,
      note: "the claimer's balance 0 -> 24 tokens; reference: OZ ERC-1155 mint to an account that never held the id",
    },
    {
      operation: "income: claim after 15 days away",
      circle: longClaim,
      reference: referenceMintToHolder,
      note: "14 days paid (the cap), demurrage on the balance; reference: OZ ERC-1155 mint to a holder",
    },
    { operation: "income: trust a person", circle: trust, note: "one storage write and an event" },
    {
      operation: "income: plain ERC-1155 transfer",
      circle: transfer,
      reference: referenceTransfer,
      note: "reference: OZ ERC-1155 safeTransferFrom between holders",
    },
    ...payments.map((p) => ({
      operation: `income: pay along trust, ${p.hops} hop${p.hops === 1 ? "" : "s"}`,
      circle: p.gas,
      reference: referenceTransfer * BigInt(p.hops),
      note: `reference: ${p.hops} OZ ERC-1155 transfer${p.hops === 1 ? "" : "s"}`,
    })),
  ];
  rows.push({
    operation: "income: pay along trust, marginal gas per hop",
    circle: hopMarginal,
    reference: batchMarginal,
    note: `(${MAX_HOPS} hops - 1 hop) / ${MAX_HOPS - 1}; reference: one more id in an OZ ERC-1155 safeBatchTransferFrom, (${MAX_HOPS} ids - 1 id) / ${MAX_HOPS - 1}, one sender to one receiver holding every id`,
  });
  const growth = [
    ...payments.map((p) => ({ series: "pay along trust, by hops", size: p.hops, gas: p.gas })),
    ...batches.map((b) => ({
      series: "reference: OZ ERC-1155 safeBatchTransferFrom, by ids",
      size: b.ids,
      gas: b.gas,
    })),
  ];
  return { rows, growth, referenceTransfer, hopMarginal, batchMarginal, longClaim };
}
