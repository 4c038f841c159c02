// `circle pair-links` (issue 17) on a chain: members vote on decisions and on one contested proposal, a mandate is
// granted by decision and passes from one holder to the next, a newcomer is admitted, and members pay each other in
// the circle's currency. The map is checked as JSON and as the readable table.
import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, type Address } from "viem";

import { readPairLinks } from "../../client/actions/circle/readPairLinks.js";
import { WrongBodyKindError } from "../../client/errors.js";
import { connection } from "../../tasks/cli.js";
import pairLinksTask, { pairLinks } from "../../tasks/circle/pair-links.js";
import { circleFixtures, mandateSpec, Vote } from "../fixtures/circles.js";
import { failure, hreOf, printed } from "../fixtures/cli.js";

const net = await network.create();
const { ethers, viem, networkHelpers } = net;
const { circleWorld, decide, grantByDecision, admitByDecision, proposal, propose, openVoting, foundCouncil } =
  circleFixtures(net);
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const cli = () => connection(publicClient, wallets, 31337);
const DAY = 86_400;

/**
 * Garden Circle with its currency (HRS, 2 decimals). Decisions, each proposed by the first named and voted for by
 * the next three: the currency (Ana: Ana, Ben, Cai, Dan), treasurer to Ben (Ana), treasurer to Cai after Ben hands it
 * back (Dan: Dan, Ana, Ben, Cai), Gus admitted (Ana). Then Eve proposes a transfer: Eve and Fay for, Ana against, Ben
 * abstains. Ben pays Cai 12.50 and 2.50 HRS, Cai pays Ana 1 HRS.
 */
async function world() {
  const w = await circleWorld();
  const [ana, ben, cai, dan, eve, fay] = w.founders;
  const factory = await ethers.deployContract("CreditFactory", [await w.registry.getAddress()]);
  const circle = getAddress(await w.circle.getAddress());
  const currency = getAddress(await factory.currencyOf(circle));
  const rituals = await w.circle.rituals();
  await (
    await decide(
      w,
      [
        {
          target: await factory.getAddress(),
          data: factory.interface.encodeFunctionData("createCurrency", ["Elm hours", "HRS", 2, 100_00n, 200_00n]),
        },
        { target: rituals, data: w.rituals.interface.encodeFunctionData("addRoleModule", [currency]) },
      ],
      "Create our currency",
    )
  ).wait();
  const first = await grantByDecision(w, mandateSpec("treasurer", 10 * DAY), ben!.address);
  await (await w.mandates.connect(ben!).handBack(first)).wait();
  await grantByDecision(w, mandateSpec("treasurer", 10 * DAY), cai!.address, dan);
  const gus = w.outsiders[0]!;
  await (await admitByDecision(w, gus)).wait();

  await networkHelpers.time.increase(1);
  const contested = proposal(
    [
      {
        target: await w.token.getAddress(),
        data: w.token.interface.encodeFunctionData("transfer", [eve!.address, 1n]),
      },
    ],
    "Give Eve a token",
  );
  const id = await propose(w.circle, eve!, contested);
  await openVoting(w.circle);
  for (const [voter, support] of [
    [eve, Vote.For],
    [fay, Vote.For],
    [ana, Vote.Against],
    [ben, Vote.Abstain],
  ] as const)
    await (await w.circle.connect(voter!).castVote(id, support)).wait();

  const credit = await ethers.getContractAt("MutualCredit", currency);
  await (await credit.connect(ben!).transfer(cai!.address, 12_50n)).wait();
  await (await credit.connect(ben!).transfer(cai!.address, 2_50n)).wait();
  await (await credit.connect(cai!).transfer(ana!.address, 1_00n)).wait();

  const [a, b, c, d, e, f] = w.founders.map((s) => getAddress(s.address)) as Address[];
  return {
    w,
    circle,
    currency,
    registry: getAddress(await w.registry.getAddress()),
    factory: getAddress(await factory.getAddress()),
    ana: a!,
    ben: b!,
    cai: c!,
    dan: d!,
    eve: e!,
    fay: f!,
    gus: getAddress(gus.address),
  };
}

describe("circle pair-links (the pair-link map, from the chain)", function () {
  it("maps who votes with whom, proposes for whom, pays whom and holds a role after whom", async function () {
    const x = await networkHelpers.loadFixture(world);
    const r = await pairLinks(cli(), { circle: x.circle, registry: x.registry, factory: x.factory, json: true });
    expect(r.currency).to.deep.equal({ address: x.currency, symbol: "HRS", decimals: 2 });
    expect(r.accounts).to.deep.equal(
      [x.ana, x.ben, x.cai, x.dan, x.eve, x.fay, x.gus].map((account) => ({ account, status: "member" })),
    );
    const pair = (a: Address, b: Address) => r.agreement.find((l) => l.a === a && l.b === b);
    expect(pair(x.ana, x.cai)).to.deep.equal({ a: x.ana, b: x.cai, shared: 4, agreed: 4, opposed: 0, rateBps: 10_000 });
    expect(pair(x.ana, x.ben)).to.deep.equal({ a: x.ana, b: x.ben, shared: 5, agreed: 4, opposed: 0, rateBps: 8000 });
    expect(pair(x.ana, x.eve)).to.deep.equal({ a: x.ana, b: x.eve, shared: 1, agreed: 0, opposed: 1, rateBps: 0 });
    expect(pair(x.eve, x.fay)).to.deep.equal({ a: x.eve, b: x.fay, shared: 1, agreed: 1, opposed: 0, rateBps: 10_000 });
    expect(r.agreement.some((l) => l.a === x.gus || l.b === x.gus)).to.equal(false);
    expect(r.proposesFor).to.deep.equal([
      { proposer: x.ana, member: x.ben, mandates: 1, admissions: 0, drawn: 0, strength: 1 },
      { proposer: x.ana, member: x.gus, mandates: 0, admissions: 1, drawn: 0, strength: 1 },
      { proposer: x.dan, member: x.cai, mandates: 1, admissions: 0, drawn: 0, strength: 1 },
    ]);
    expect(r.pays).to.deep.equal([
      { payer: x.ben, payee: x.cai, amount: 15_00n, formatted: "15 HRS", payments: 2 },
      { payer: x.cai, payee: x.ana, amount: 1_00n, formatted: "1 HRS", payments: 1 },
    ]);
    expect(r.holdsAfter).to.deep.equal([{ previous: x.ben, next: x.cai, count: 1, roles: ["treasurer"] }]);
    const cai = r.summary.find((s) => s.account === x.cai)!;
    expect(cai).to.deep.include({
      votes: 4,
      proposedBy: { account: x.dan, strength: 1 },
      paidBy: { account: x.ben, strength: 15_00n },
      pays: { account: x.ana, strength: 1_00n },
      follows: { account: x.ben, strength: 1 },
      followedBy: null,
    });

    // The last block alone: Cai's payment to Ana, nothing else; the same members.
    const head = await publicClient.getBlockNumber();
    const last = await readPairLinks(publicClient, {
      circle: x.circle,
      registry: x.registry,
      creditFactory: x.factory,
      fromBlock: head,
      toBlock: head,
    });
    expect([last.agreement, last.proposesFor, last.holdsAfter]).to.deep.equal([[], [], []]);
    expect(last.pays).to.deep.equal([{ payer: x.cai, payee: x.ana, amount: 1_00n, formatted: "1 HRS", payments: 1 }]);
    expect(last.accounts).to.have.length(7);
  });

  it("prints the whole map as JSON (bigints as strings) and as a table naming the pairs", async function () {
    const x = await networkHelpers.loadFixture(world);
    const args = { circle: x.circle, registry: x.registry, factory: x.factory };
    const json = await printed(() => pairLinksTask({ ...args, json: true }, hreOf(net)));
    expect(json.exitCode).to.equal(0);
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(Object.keys(parsed)).to.have.members([
      "circle",
      "accounts",
      "agreement",
      "proposesFor",
      "pays",
      "holdsAfter",
      "summary",
      "fromBlock",
      "toBlock",
      "currency",
      "names",
    ]);
    expect(parsed.pays).to.deep.equal([
      { payer: x.ben, payee: x.cai, amount: "1500", formatted: "15 HRS", payments: 2 },
      { payer: x.cai, payee: x.ana, amount: "100", formatted: "1 HRS", payments: 1 },
    ]);
    expect(parsed.fromBlock).to.equal("0");

    const table = await printed(() => pairLinksTask({ ...args, json: false }, hreOf(net)));
    expect(table.exitCode, table.stderr).to.equal(0);
    const out = table.stdout;
    expect(out).to.contain(`Pair links of circle ${x.circle}, blocks 0 to`);
    expect(out).to.contain("7 member(s); payments in HRS");
    expect(out).to.contain("Agreement matrix (proposals voted alike / voted on by both):");
    const short = (a: Address) => `${a.slice(0, 6)}…${a.slice(-4)}`;
    const anaRow = out.split("\n").find((l) => l.trimStart().startsWith(short(x.ana)) && l.includes("—"))!;
    expect(anaRow.trim().split(/\s+/)).to.deep.equal([short(x.ana), "—", "4/5", "4/4", "4/4", "0/1", "0/1", "·"]);
    expect(out).to.contain(`${x.ana} & ${x.ben}: 4 of 5 alike (80%), 0 opposed`);
    expect(out).to.contain(`${x.ana} → ${x.ben}: 1 mandate(s), 0 admission(s)`);
    expect(out).to.contain(`${x.ana} → ${x.gus}: 0 mandate(s), 1 admission(s)`);
    expect(out).to.contain(`${x.ben} → ${x.cai}: 15 HRS in 2 payment(s)`);
    expect(out).to.contain(`${x.cai} after ${x.ben}: 1 time(s) ("treasurer")`);
    expect(out).to.contain(`${x.cai}: voted on 4 proposal(s); agrees most with ${x.ana} (100% of 4)`);
  });

  it("names members by their profiles: short names head the matrix, display names label the lists", async function () {
    const x = await networkHelpers.loadFixture(world);
    const profiles = await ethers.deployContract("Profiles");
    await (await profiles.connect(x.w.founders[0]!).setProfile("Ana", "")).wait();
    await (await profiles.connect(x.w.founders[1]!).setProfile("Benedicta Longname", "")).wait();
    const args = { circle: x.circle, registry: x.registry, factory: x.factory, profiles: await profiles.getAddress() };
    const r = await pairLinks(cli(), { ...args, json: true });
    expect(r.names).to.deep.equal({ [x.ana]: "Ana", [x.ben]: "Benedicta Longname" });
    const { stdout } = await printed(() => pairLinksTask({ ...args, json: false }, hreOf(net)));
    const header = stdout.split("\n").find((l) => l.includes("Benedicta L…"))!;
    expect(header).to.match(/^ +Ana +Benedicta L… +0x3C44…93BC +/);
    expect(stdout).to.match(/\n {2}Ana +— +4\/5 +4\/4/);
    expect(stdout).to.contain(`Ana (0xf39F…2266) & Benedicta Longname (0x7099…79C8): 4 of 5 alike (80%), 0 opposed`);
  });

  it("refuses a malformed address, a reversed window and a council in sentences", async function () {
    const x = await networkHelpers.loadFixture(world);
    const base = { circle: x.circle, registry: x.registry, factory: x.factory, json: false };
    expect((await failure(pairLinks(cli(), { ...base, circle: "0x1234" }))).sentence).to.equal(
      `--circle "0x1234" is not an address (0x and 40 hex digits).`,
    );
    expect((await failure(pairLinks(cli(), { ...base, fromBlock: "9", toBlock: "3" }))).sentence).to.equal(
      "The first block 9 is after the last block 3: give the earlier block first.",
    );
    const { council } = await foundCouncil(x.w, "Water council");
    const refused = await failure(pairLinks(cli(), { ...base, circle: getAddress(await council.getAddress()) }));
    expect(refused.error).to.be.instanceOf(WrongBodyKindError);
    expect(refused.sentence).to.contain("read the pair links of one of its member circles");
  });
});
