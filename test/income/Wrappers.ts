import { expect } from "chai";
import { network } from "hardhat";

import type { DemurragedIncomeToken, StaticIncomeToken } from "../../typechain-types/index.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time, loadFixture } = networkHelpers;

const HOUR = 3_600;
const DAY = 86_400;
const E18 = 10n ** 18n;
/** `IIncomeWrappers.Flavour`. */
const DEMURRAGED = 0n;
const STATIC = 1n;
/** What the shared tests wrap: 100 tokens. */
const WRAPPED = 100n * E18;

/** The runtime code of an EIP-1167 minimal proxy to `implementation`. */
function proxyCode(implementation: string): string {
  return `0x363d3d373d3d3d363d73${implementation.slice(2).toLowerCase()}5af43d82803e903d91602b57fd5bf3`;
}

async function deployHub(registry: string, dayZero: number) {
  return ethers.deployContract("IncomeHub", [
    { registry, dayZero, bootstrapPeriod: 30 * DAY, invitationCost: 96n * E18, welcomeBonus: 48n * E18, uri: "" },
  ]);
}

/**
 * Ana and Ben registered while bootstrapping and claimed 14 days of income (about 336 tokens each) at the hub, and
 * likewise at a second, unrelated hub. The clock then stands one hour into a day, so a test's transactions never
 * cross into the next day by accident. Ana's token has both wrappers; Cai holds nothing.
 */
async function wrapperWorld() {
  const [deployer, ana, ben, cai] = await ethers.getSigners();
  const now = await time.latest();
  const dayZero = Math.floor((now - 30 * DAY) / DAY) * DAY;
  const hub = await deployHub(deployer!.address, dayZero);
  const otherHub = await deployHub(deployer!.address, dayZero);
  for (const h of [hub, otherHub]) for (const p of [ana!, ben!]) await h.connect(p).register(ethers.ZeroAddress);
  await time.increaseTo(dayZero + 45 * DAY + HOUR);
  for (const h of [hub, otherHub]) for (const p of [ana!, ben!]) await h.connect(p).claim();
  const wrappers = await ethers.deployContract("IncomeWrappers", [hub.target]);
  const anaId = BigInt(ana!.address);
  const benId = BigInt(ben!.address);
  await wrappers.createWrapper(anaId, DEMURRAGED);
  await wrappers.createWrapper(anaId, STATIC);
  const demurraged = await ethers.getContractAt("DemurragedIncomeToken", await wrappers.wrapperOf(anaId, DEMURRAGED));
  const fixed = await ethers.getContractAt("StaticIncomeToken", await wrappers.wrapperOf(anaId, STATIC));
  return { hub, otherHub, wrappers, demurraged, fixed, ana: ana!, ben: ben!, cai: cai!, anaId, benId };
}

/**
 * A hub whose day 0 is today, with Ana registered and 10 hours of income claimed (exactly 10 tokens: no day has
 * passed), and Ana's static wrapper: static units equal today's tokens on day 0.
 */
async function dayZeroWorld() {
  const [deployer, ana] = await ethers.getSigners();
  const dayZero = (Math.floor((await time.latest()) / DAY) + 1) * DAY;
  await time.increaseTo(dayZero + HOUR);
  const hub = await deployHub(deployer!.address, dayZero);
  await hub.connect(ana!).register(ethers.ZeroAddress);
  await time.increase(10 * HOUR);
  await hub.connect(ana!).claim();
  expect(await hub.balanceOf(ana!.address, BigInt(ana!.address))).to.equal(10n * E18);
  const wrappers = await ethers.deployContract("IncomeWrappers", [hub.target]);
  await wrappers.createWrapper(BigInt(ana!.address), STATIC);
  return { hub, wrappers, ana: ana! };
}

type World = Awaited<ReturnType<typeof wrapperWorld>>;

/** The world above, after Ana wrapped 100 of her tokens into each wrapper. */
async function wrappedWorld() {
  const world = await wrapperWorld();
  const { hub, ana, anaId } = world;
  for (const wrapper of [world.demurraged, world.fixed]) {
    await hub.connect(ana).safeTransferFrom(ana.address, wrapper.target, anaId, WRAPPED, "0x");
  }
  return world;
}

/** Ana sends `amount` of her hub token to `wrapper`, which wraps it. */
function wrap(world: World, wrapper: { target: unknown }, amount: bigint) {
  const { hub, ana, anaId } = world;
  return hub.connect(ana).safeTransferFrom(ana.address, wrapper.target as string, anaId, amount, "0x");
}

const flavours: [string, (world: World) => DemurragedIncomeToken | StaticIncomeToken][] = [
  ["demurraged", (world) => world.demurraged],
  ["static", (world) => world.fixed],
];

describe("IncomeWrappers", function () {
  it("predicts one CREATE2 clone address per id and flavour, and anyone can create it", async function () {
    const { hub, wrappers, cai, anaId, benId } = await loadFixture(wrapperWorld);
    const predicted = [
      await wrappers.wrapperOf(anaId, DEMURRAGED),
      await wrappers.wrapperOf(anaId, STATIC),
      await wrappers.wrapperOf(benId, DEMURRAGED),
      await wrappers.wrapperOf(benId, STATIC),
    ];
    expect(new Set(predicted).size).to.equal(4);
    const implementation = await wrappers.implementationOf(DEMURRAGED);
    expect(implementation).to.not.equal(await wrappers.implementationOf(STATIC));
    const salt = ethers.keccak256(ethers.AbiCoder.defaultAbiCoder().encode(["uint256", "uint8"], [benId, DEMURRAGED]));
    const initCode = `0x3d602d80600a3d3981f3${proxyCode(implementation).slice(2)}`;
    expect(predicted[2]).to.equal(
      ethers.getCreate2Address(wrappers.target as string, salt, ethers.keccak256(initCode)),
    );

    expect(await ethers.provider.getCode(predicted[2]!)).to.equal("0x");
    await expect(wrappers.connect(cai).createWrapper(benId, DEMURRAGED))
      .to.emit(wrappers, "WrapperCreated")
      .withArgs(benId, DEMURRAGED, predicted[2]);
    expect(await ethers.provider.getCode(predicted[2]!)).to.equal(proxyCode(implementation));
    const wrapper = await ethers.getContractAt("DemurragedIncomeToken", predicted[2]!);
    expect(await wrapper.id()).to.equal(benId);
    expect(await wrapper.hub()).to.equal(hub.target);
    expect(await wrapper.factory()).to.equal(wrappers.target);
    expect(await wrappers.hub()).to.equal(hub.target);
  });

  it("returns the existing wrapper without creating or announcing it again", async function () {
    const { wrappers, demurraged, cai, anaId } = await loadFixture(wrapperWorld);
    expect(await wrappers.connect(cai).createWrapper.staticCall(anaId, DEMURRAGED)).to.equal(demurraged.target);
    await expect(wrappers.connect(cai).createWrapper(anaId, DEMURRAGED)).to.not.emit(wrappers, "WrapperCreated");
    expect(await demurraged.id()).to.equal(anaId);
  });

  it("refuses ids that are not addresses", async function () {
    const { wrappers } = await loadFixture(wrapperWorld);
    const id = 2n ** 160n;
    await expect(wrappers.createWrapper(id, STATIC))
      .to.be.revertedWithCustomError(wrappers, "IncomeWrappersInvalidId")
      .withArgs(id);
    await expect(wrappers.wrapperOf(id, DEMURRAGED))
      .to.be.revertedWithCustomError(wrappers, "IncomeWrappersInvalidId")
      .withArgs(id);
  });

  it("names each wrapper after the person whose token it wraps, with 18 decimals", async function () {
    const { demurraged, fixed, ana } = await loadFixture(wrapperWorld);
    const address = ana.address.toLowerCase();
    expect(await demurraged.name()).to.equal(`Commonweal income ${address}`);
    expect(await demurraged.symbol()).to.equal(`CWI-${address.slice(0, 6)}`);
    expect(await fixed.name()).to.equal(`Commonweal static income ${address}`);
    expect(await fixed.symbol()).to.equal(`sCWI-${address.slice(0, 6)}`);
    expect(await demurraged.decimals()).to.equal(18n);
    expect(await fixed.decimals()).to.equal(18n);
  });

  it("lets only the factory initialize a clone, and only once", async function () {
    const { wrappers, demurraged, cai, anaId, benId } = await loadFixture(wrapperWorld);
    await expect(demurraged.connect(cai).initialize(benId)).to.be.revertedWithCustomError(
      demurraged,
      "InvalidInitialization",
    );
    const implementation = await ethers.getContractAt("StaticIncomeToken", await wrappers.implementationOf(STATIC));
    await expect(implementation.connect(cai).initialize(anaId)).to.be.revertedWithCustomError(
      implementation,
      "InvalidInitialization",
    );
    // A clone of the genuine implementation made by someone else cannot be initialized either.
    const code = `0x3d602d80600a3d3981f3${proxyCode(implementation.target as string).slice(2)}`;
    const receipt = await (await cai.sendTransaction({ data: code })).wait();
    const foreign = await ethers.getContractAt("StaticIncomeToken", receipt!.contractAddress!);
    await expect(foreign.connect(cai).initialize(anaId))
      .to.be.revertedWithCustomError(foreign, "IncomeWrapperOnlyFactory")
      .withArgs(cai.address);
    expect(await demurraged.id()).to.equal(anaId);
  });
});

describe("DemurragedIncomeToken", function () {
  it("wraps hub tokens one for one and unwraps them back", async function () {
    const world = await loadFixture(wrapperWorld);
    const { hub, demurraged, ana, anaId } = world;
    const before = await hub.balanceOf(ana.address, anaId);
    expect(await demurraged.previewWrap(WRAPPED)).to.equal(WRAPPED);
    await expect(wrap(world, demurraged, WRAPPED))
      .to.emit(demurraged, "Wrapped")
      .withArgs(ana.address, WRAPPED, WRAPPED)
      .and.to.emit(demurraged, "Transfer")
      .withArgs(ethers.ZeroAddress, ana.address, WRAPPED)
      .and.to.emit(hub, "TransferSingle")
      .withArgs(ana.address, ana.address, demurraged.target, anaId, WRAPPED);
    expect(await demurraged.balanceOf(ana.address)).to.equal(WRAPPED);
    expect(await demurraged.totalSupply()).to.equal(WRAPPED);
    expect(await hub.balanceOf(demurraged.target, anaId)).to.equal(WRAPPED);
    expect(await hub.balanceOf(ana.address, anaId)).to.equal(before - WRAPPED);

    const back = 40n * E18;
    expect(await demurraged.previewUnwrap(back)).to.equal(back);
    await expect(demurraged.connect(ana).unwrap(back))
      .to.emit(demurraged, "Unwrapped")
      .withArgs(ana.address, back, back)
      .and.to.emit(demurraged, "Transfer")
      .withArgs(ana.address, ethers.ZeroAddress, back)
      .and.to.emit(hub, "TransferSingle")
      .withArgs(demurraged.target, demurraged.target, ana.address, anaId, back);
    expect(await demurraged.balanceOf(ana.address)).to.equal(WRAPPED - back);
    expect(await demurraged.totalSupply()).to.equal(WRAPPED - back);
    expect(await hub.balanceOf(demurraged.target, anaId)).to.equal(WRAPPED - back);
    expect(await hub.balanceOf(ana.address, anaId)).to.equal(before - WRAPPED + back);
  });

  it("decays day after day exactly like the hub balance it stands for", async function () {
    const world = await loadFixture(wrapperWorld);
    const { hub, demurraged, ana, cai, anaId } = world;
    // Cai holds at the hub what Ana holds wrapped, both written on the same day: they must stay equal to the wei.
    await wrap(world, demurraged, WRAPPED);
    await hub.connect(ana).safeTransferFrom(ana.address, cai.address, anaId, WRAPPED, "0x");
    let previous = WRAPPED;
    for (const days of [1, 1, 1, 7, 30, 365]) {
      await time.increase(days * DAY);
      const balance = await demurraged.balanceOf(ana.address);
      expect(balance).to.be.lessThan(previous);
      expect(balance).to.equal(await hub.balanceOf(cai.address, anaId));
      expect(balance).to.equal(await hub.balanceOf(demurraged.target, anaId));
      expect(await demurraged.totalSupply()).to.equal(balance);
      previous = balance;
    }
    // 405 days at 7% a year leave about 92.3%.
    expect(previous).to.be.within((WRAPPED * 9225n) / 10000n, (WRAPPED * 9235n) / 10000n);
    const held = await hub.balanceOf(ana.address, anaId);
    await expect(demurraged.connect(ana).unwrap(previous))
      .to.emit(demurraged, "Unwrapped")
      .withArgs(ana.address, previous, previous);
    expect(await hub.balanceOf(ana.address, anaId)).to.equal(held + previous);
    expect(await hub.balanceOf(demurraged.target, anaId)).to.equal(0n);
    expect(await demurraged.totalSupply()).to.equal(0n);
  });

  it("keeps the sum of balances within the hub's own rounding of what the wrapper holds", async function () {
    const world = await loadFixture(wrapperWorld);
    const { hub, demurraged, ana, ben, cai, anaId } = world;
    const holders = [ana, ben, cai];
    await wrap(world, demurraged, 200n * E18);
    let rewrites = 1n; // days on which the hub rounded its balance of the wrapper
    for (let day = 1; day <= 20; day++) {
      await time.increase(DAY);
      const [from, to] = [holders[day % 3]!, holders[(day + 1) % 3]!];
      await demurraged.connect(from).transfer(to.address, (await demurraged.balanceOf(from.address)) / 3n);
      if (day % 5 === 0) {
        await wrap(world, demurraged, E18);
        rewrites++;
      }
      let sum = 0n;
      for (const holder of holders) sum += await demurraged.balanceOf(holder.address);
      const held = await hub.balanceOf(demurraged.target, anaId);
      // Each rounding of the hub's balance (on each day it was rewritten, and today's reading of it) keeps under
      // 1 wei + balance / 2^64 back; the balances here never exceed their exact values.
      expect(sum - held).to.be.at.most((rewrites + 1n) * (1n + (held >> 64n)));
      const supply = await demurraged.totalSupply();
      expect(supply - sum).to.be.within(-100n, 100n);
    }
  });

  it("sends what it holds when separate rounding leaves it a few wei short", async function () {
    const world = await loadFixture(wrapperWorld);
    const { hub, demurraged, ana, ben, anaId } = world;
    // Found by replaying the 64.64 maths: the hub's one rounding of 100 tokens over two days keeps 2 wei less than
    // Ana's and Ben's roundings over one day each.
    await wrap(world, demurraged, WRAPPED);
    await time.increase(DAY);
    await demurraged.connect(ana).transfer(ben.address, 30n * E18);
    await time.increase(DAY);
    const anaBalance = await demurraged.balanceOf(ana.address);
    const benBalance = await demurraged.balanceOf(ben.address);
    const held = await hub.balanceOf(demurraged.target, anaId);
    expect(anaBalance + benBalance).to.be.greaterThan(held);
    expect(anaBalance + benBalance - held).to.be.lessThan(10n);

    await demurraged.connect(ben).unwrap(benBalance);
    const rest = held - benBalance;
    expect(await demurraged.previewUnwrap(anaBalance)).to.equal(rest);
    await expect(demurraged.connect(ana).unwrap(anaBalance))
      .to.emit(demurraged, "Unwrapped")
      .withArgs(ana.address, anaBalance, rest);
    expect(await hub.balanceOf(demurraged.target, anaId)).to.equal(0n);
    expect(await demurraged.balanceOf(ana.address)).to.equal(0n);
    expect(await demurraged.totalSupply()).to.equal(0n);
  });
});

describe("StaticIncomeToken", function () {
  it("mints today's static equivalent of what it receives", async function () {
    const world = await loadFixture(wrapperWorld);
    const { hub, fixed, ana, anaId } = world;
    const minted = await hub.toStatic(WRAPPED);
    // Day 45: a static unit is worth less than a token today, so more static units are minted.
    expect(minted).to.be.greaterThan(WRAPPED);
    expect(await fixed.previewWrap(WRAPPED)).to.equal(minted);
    await expect(wrap(world, fixed, WRAPPED))
      .to.emit(fixed, "Wrapped")
      .withArgs(ana.address, WRAPPED, minted)
      .and.to.emit(fixed, "Transfer")
      .withArgs(ethers.ZeroAddress, ana.address, minted);
    expect(await fixed.balanceOf(ana.address)).to.equal(minted);
    expect(await fixed.totalSupply()).to.equal(minted);
    expect(await hub.balanceOf(fixed.target, anaId)).to.equal(WRAPPED);
  });

  it("keeps balances constant while the hub tokens they stand for decay, and unwraps into today's equivalent", async function () {
    const world = await loadFixture(wrapperWorld);
    const { hub, fixed, ana, anaId } = world;
    await wrap(world, fixed, WRAPPED);
    const minted = await fixed.balanceOf(ana.address);
    let previous = WRAPPED;
    for (const days of [1, 7, 30, 365]) {
      await time.increase(days * DAY);
      expect(await fixed.balanceOf(ana.address)).to.equal(minted);
      expect(await fixed.totalSupply()).to.equal(minted);
      const worth = await hub.fromStatic(minted);
      const held = await hub.balanceOf(fixed.target, anaId);
      expect(worth).to.be.lessThan(previous);
      expect(await fixed.previewUnwrap(minted)).to.equal(worth < held ? worth : held);
      // Static and demurraged rounding differ by a few wei at most.
      expect(worth - held).to.be.within(-1000n, 1000n);
      previous = worth;
    }
    // Wrapping the same amount again, a year later, mints more static units: each is worth less today.
    const again = await fixed.previewWrap(WRAPPED);
    expect(again).to.be.greaterThan(minted);

    const half = minted / 2n;
    const expected = await hub.fromStatic(half);
    const before = await hub.balanceOf(ana.address, anaId);
    await expect(fixed.connect(ana).unwrap(half))
      .to.emit(fixed, "Unwrapped")
      .withArgs(ana.address, half, expected)
      .and.to.emit(fixed, "Transfer")
      .withArgs(ana.address, ethers.ZeroAddress, half);
    expect(await hub.balanceOf(ana.address, anaId)).to.equal(before + expected);
    expect(await fixed.balanceOf(ana.address)).to.equal(minted - half);
    expect(await fixed.totalSupply()).to.equal(minted - half);
  });

  it("unwraps everything into today's equivalent, leaving only rounding dust at the hub", async function () {
    const world = await loadFixture(wrapperWorld);
    const { hub, fixed, ana, anaId } = world;
    await wrap(world, fixed, WRAPPED);
    await time.increase(400 * DAY);
    const balance = await fixed.balanceOf(ana.address);
    const held = await hub.balanceOf(fixed.target, anaId);
    const worth = await hub.fromStatic(balance);
    // Both conversions round down, in the wrapper's favour here.
    expect(worth).to.be.at.most(held);
    await expect(fixed.connect(ana).unwrap(balance)).to.emit(fixed, "Unwrapped").withArgs(ana.address, balance, worth);
    expect(await hub.balanceOf(fixed.target, anaId)).to.equal(held - worth);
    expect(held - worth).to.be.lessThan(1000n);
    expect(await fixed.totalSupply()).to.equal(0n);
  });

  it("sends what it holds when the static equivalent comes to a wei more", async function () {
    const { hub, wrappers, ana } = await loadFixture(dayZeroWorld);
    const anaId = BigInt(ana.address);
    const fixed = await ethers.getContractAt("StaticIncomeToken", await wrappers.wrapperOf(anaId, STATIC));
    // Found by replaying the 64.64 maths: wrapped on day 0, 1 token unwrapped on day 2, the rest on day 3, when the
    // hub's two roundings of its balance keep 1 wei less than one rounding of the static rest.
    await hub.connect(ana).safeTransferFrom(ana.address, fixed.target, anaId, 5n * E18, "0x");
    expect(await fixed.balanceOf(ana.address)).to.equal(5n * E18);
    await time.increase(2 * DAY);
    await fixed.connect(ana).unwrap(E18);
    await time.increase(DAY);
    const rest = 4n * E18;
    const held = await hub.balanceOf(fixed.target, anaId);
    expect(await hub.fromStatic(rest)).to.equal(held + 1n);
    expect(await fixed.previewUnwrap(rest)).to.equal(held);
    await expect(fixed.connect(ana).unwrap(rest)).to.emit(fixed, "Unwrapped").withArgs(ana.address, rest, held);
    expect(await hub.balanceOf(fixed.target, anaId)).to.equal(0n);
    expect(await fixed.totalSupply()).to.equal(0n);
  });
});

for (const [flavour, pick] of flavours) {
  describe(`Income wrapper (${flavour}): receipts`, function () {
    it("accepts hub tokens only from the hub", async function () {
      const world = await loadFixture(wrapperWorld);
      const { otherHub, ana, anaId } = world;
      const wrapper = pick(world);
      const before = await otherHub.balanceOf(ana.address, anaId);
      await expect(otherHub.connect(ana).safeTransferFrom(ana.address, wrapper.target, anaId, E18, "0x"))
        .to.be.revertedWithCustomError(wrapper, "IncomeWrapperNotHub")
        .withArgs(otherHub.target);
      await expect(wrapper.connect(ana).onERC1155Received(ana.address, ana.address, anaId, E18, "0x"))
        .to.be.revertedWithCustomError(wrapper, "IncomeWrapperNotHub")
        .withArgs(ana.address);
      expect(await otherHub.balanceOf(ana.address, anaId)).to.equal(before);
      expect(await wrapper.balanceOf(ana.address)).to.equal(0n);
      expect(await wrapper.totalSupply()).to.equal(0n);
    });

    it("accepts only its own token", async function () {
      const world = await loadFixture(wrapperWorld);
      const { hub, ben, anaId, benId } = world;
      const wrapper = pick(world);
      const before = await hub.balanceOf(ben.address, benId);
      await expect(hub.connect(ben).safeTransferFrom(ben.address, wrapper.target, benId, E18, "0x"))
        .to.be.revertedWithCustomError(wrapper, "IncomeWrapperWrongId")
        .withArgs(benId, anaId);
      expect(await hub.balanceOf(ben.address, benId)).to.equal(before);
      expect(await hub.balanceOf(wrapper.target, benId)).to.equal(0n);
      expect(await wrapper.balanceOf(ben.address)).to.equal(0n);
    });

    it("refuses batch transfers, even of its own token", async function () {
      const world = await loadFixture(wrapperWorld);
      const { hub, ana, anaId } = world;
      const wrapper = pick(world);
      const before = await hub.balanceOf(ana.address, anaId);
      await expect(
        hub.connect(ana).safeBatchTransferFrom(ana.address, wrapper.target, [anaId], [E18], "0x"),
      ).to.be.revertedWithCustomError(wrapper, "IncomeWrapperBatchRefused");
      expect(await hub.balanceOf(ana.address, anaId)).to.equal(before);
      expect(await wrapper.totalSupply()).to.equal(0n);
    });

    it("declares itself an ERC-1155 receiver", async function () {
      const wrapper = pick(await loadFixture(wrapperWorld));
      expect(await wrapper.supportsInterface("0x4e2312e0")).to.equal(true); // IERC1155Receiver
      expect(await wrapper.supportsInterface("0x01ffc9a7")).to.equal(true); // IERC165
      expect(await wrapper.supportsInterface("0xffffffff")).to.equal(false);
    });
  });

  describe(`Income wrapper (${flavour}): ERC-20`, function () {
    it("transfers with a Transfer event and refuses more than the balance", async function () {
      const world = await loadFixture(wrappedWorld);
      const { ana, ben } = world;
      const wrapper = pick(world);
      const balance = await wrapper.balanceOf(ana.address);
      const amount = 25n * E18;
      await expect(wrapper.connect(ana).transfer(ben.address, amount))
        .to.emit(wrapper, "Transfer")
        .withArgs(ana.address, ben.address, amount);
      expect(await wrapper.balanceOf(ana.address)).to.equal(balance - amount);
      expect(await wrapper.balanceOf(ben.address)).to.equal(amount);
      expect(await wrapper.totalSupply()).to.equal(balance);
      await expect(wrapper.connect(ben).transfer(ana.address, amount + 1n))
        .to.be.revertedWithCustomError(wrapper, "ERC20InsufficientBalance")
        .withArgs(ben.address, amount, amount + 1n);
      await expect(wrapper.connect(ana).transfer(ethers.ZeroAddress, 1n))
        .to.be.revertedWithCustomError(wrapper, "ERC20InvalidReceiver")
        .withArgs(ethers.ZeroAddress);
      expect(await wrapper.balanceOf(ben.address)).to.equal(amount);
    });

    it("spends allowances, except an infinite one", async function () {
      const world = await loadFixture(wrappedWorld);
      const { ana, ben, cai } = world;
      const wrapper = pick(world);
      await expect(wrapper.connect(ana).approve(cai.address, 30n * E18))
        .to.emit(wrapper, "Approval")
        .withArgs(ana.address, cai.address, 30n * E18);
      expect(await wrapper.allowance(ana.address, cai.address)).to.equal(30n * E18);
      await expect(wrapper.connect(cai).transferFrom(ana.address, ben.address, 20n * E18))
        .to.emit(wrapper, "Transfer")
        .withArgs(ana.address, ben.address, 20n * E18);
      expect(await wrapper.allowance(ana.address, cai.address)).to.equal(10n * E18);
      expect(await wrapper.balanceOf(ben.address)).to.equal(20n * E18);
      await expect(wrapper.connect(cai).transferFrom(ana.address, ben.address, 10n * E18 + 1n))
        .to.be.revertedWithCustomError(wrapper, "ERC20InsufficientAllowance")
        .withArgs(cai.address, 10n * E18, 10n * E18 + 1n);

      await wrapper.connect(ana).approve(cai.address, ethers.MaxUint256);
      await wrapper.connect(cai).transferFrom(ana.address, cai.address, 5n * E18);
      expect(await wrapper.allowance(ana.address, cai.address)).to.equal(ethers.MaxUint256);
      expect(await wrapper.balanceOf(cai.address)).to.equal(5n * E18);
    });

    it("refuses to unwrap more than the balance", async function () {
      const world = await loadFixture(wrappedWorld);
      const { hub, ana, anaId } = world;
      const wrapper = pick(world);
      const balance = await wrapper.balanceOf(ana.address);
      const held = await hub.balanceOf(wrapper.target, anaId);
      await expect(wrapper.connect(ana).unwrap(balance + 1n))
        .to.be.revertedWithCustomError(wrapper, "ERC20InsufficientBalance")
        .withArgs(ana.address, balance, balance + 1n);
      expect(await wrapper.balanceOf(ana.address)).to.equal(balance);
      expect(await hub.balanceOf(wrapper.target, anaId)).to.equal(held);
    });
  });
}
