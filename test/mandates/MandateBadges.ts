import { expect } from "chai";
import { network } from "hardhat";

import { circleFixtures, mandateSpec, roleId } from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;
const { circleWorld, grantByDecision } = circleFixtures(connection);

const DAY = 86_400;

interface Metadata {
  name: string;
  description: string;
  attributes: { trait_type: string; value: string | number; display_type?: string }[];
}

function decode(uri: string): Metadata {
  const prefix = "data:application/json;base64,";
  expect(uri.startsWith(prefix)).to.equal(true);
  return JSON.parse(Buffer.from(uri.slice(prefix.length), "base64").toString("utf8")) as Metadata;
}

function trait(metadata: Metadata, name: string) {
  return metadata.attributes.find((a) => a.trait_type === name)?.value;
}

/** A circle where Cai holds the mandate of a role whose name and title need JSON escaping. */
async function badgeWorld() {
  const world = await circleWorld();
  const role = 'tool "shed" keeper';
  const spec = mandateSpec(role, 5 * DAY, [], "Keep the shed\\tidy\nand open");
  const id = await grantByDecision(world, spec, world.founders[2]!.address);
  return { ...world, id, role, spec, holder: world.founders[2]! };
}

describe("MandateBadges", function () {
  it("mints a soulbound badge to the holder when a mandate is granted", async function () {
    const world = await networkHelpers.loadFixture(circleWorld);
    const { badges, founders } = world;
    const grant = grantByDecision(world, mandateSpec("treasurer", DAY), founders[1]!.address);
    await grant;
    const filter = badges.filters.Transfer(ethers.ZeroAddress, founders[1]!.address);
    const minted = await badges.queryFilter(filter);
    expect(minted).to.have.length(1);
    expect(minted[0]!.args.tokenId).to.equal(1n);
    expect(await badges.queryFilter(badges.filters.Locked())).to.have.length(1);
    expect(await badges.ownerOf(1n)).to.equal(founders[1]!.address);
    expect(await badges.balanceOf(founders[1]!.address)).to.equal(1n);
    expect(await badges.locked(1n)).to.equal(true);
    expect(await badges.name()).to.equal("Garden Circle mandates");
    expect(await badges.symbol()).to.equal("MANDATE");
    for (const id of ["0x80ac58cd", "0x5b5e139f", "0xb45a3c0e", "0x01ffc9a7"]) {
      expect(await badges.supportsInterface(id)).to.equal(true);
    }
    expect(await badges.supportsInterface("0xffffffff")).to.equal(false);
  });

  it("describes the mandate in on-chain JSON, escaping what the circle wrote", async function () {
    const { badges, circle, id, role, spec, holder } = await networkHelpers.loadFixture(badgeWorld);
    const metadata = decode(await badges.tokenURI(id));
    expect(metadata.name).to.equal(`${role} - Garden Circle`);
    expect(metadata.description).to.equal(spec.title);
    expect(trait(metadata, "circle")).to.equal((await circle.getAddress()).toLowerCase());
    expect(trait(metadata, "role")).to.equal(role);
    expect(trait(metadata, "scope")).to.equal(spec.scopeHash);
    expect(trait(metadata, "holder")).to.equal(holder.address.toLowerCase());
    expect(trait(metadata, "status")).to.equal("live");
    expect(Number(trait(metadata, "expires")) - Number(trait(metadata, "granted"))).to.equal(5 * DAY);
  });

  it("burns the badge when the mandate ends, and keeps its record readable", async function () {
    const { badges, mandates, id, holder } = await networkHelpers.loadFixture(badgeWorld);
    await expect(mandates.connect(holder).complete(id))
      .to.emit(badges, "Transfer")
      .withArgs(holder.address, ethers.ZeroAddress, id);
    await expect(badges.ownerOf(id)).to.be.revertedWithCustomError(badges, "ERC721NonexistentToken").withArgs(id);
    expect(await badges.balanceOf(holder.address)).to.equal(0n);
    expect(trait(decode(await badges.tokenURI(id)), "status")).to.equal("completed");
  });

  it("has no owner once the mandate expires, even before the expiry is recorded", async function () {
    const { badges, mandates, id, holder } = await networkHelpers.loadFixture(badgeWorld);
    await time.increaseTo((await mandates.mandate(id)).expiresAt);
    await expect(badges.ownerOf(id)).to.be.revertedWithCustomError(badges, "ERC721NonexistentToken");
    expect(await badges.balanceOf(holder.address)).to.equal(0n);
    expect(trait(decode(await badges.tokenURI(id)), "status")).to.equal("expired");
  });

  it("cannot be transferred or approved", async function () {
    const { badges, id, holder, outsiders } = await networkHelpers.loadFixture(badgeWorld);
    const to = outsiders[0]!.address;
    await expect(badges.connect(holder).transferFrom(holder.address, to, id))
      .to.be.revertedWithCustomError(badges, "MandateBadgesSoulbound")
      .withArgs(id);
    await expect(
      badges.connect(holder)["safeTransferFrom(address,address,uint256)"](holder.address, to, id),
    ).to.be.revertedWithCustomError(badges, "MandateBadgesSoulbound");
    await expect(
      badges.connect(holder)["safeTransferFrom(address,address,uint256,bytes)"](holder.address, to, id, "0x"),
    ).to.be.revertedWithCustomError(badges, "MandateBadgesSoulbound");
    await expect(badges.connect(holder).approve(to, id)).to.be.revertedWithCustomError(
      badges,
      "MandateBadgesSoulbound",
    );
    await expect(badges.connect(holder).setApprovalForAll(to, true)).to.be.revertedWithCustomError(
      badges,
      "MandateBadgesSoulbound",
    );
    expect(await badges.getApproved(id)).to.equal(ethers.ZeroAddress);
    expect(await badges.isApprovedForAll(holder.address, to)).to.equal(false);
    await expect(badges.balanceOf(ethers.ZeroAddress)).to.be.revertedWithCustomError(badges, "ERC721InvalidOwner");
  });

  it("keeps the history of who held a role when, readable by role", async function () {
    const world = await networkHelpers.loadFixture(badgeWorld);
    const { badges, mandates, founders, id, role, holder } = world;
    await mandates.connect(holder).complete(id);
    const second = await grantByDecision(world, mandateSpec(role, DAY), founders[3]!.address);
    const rid = roleId(role);
    expect(await badges.roleName(rid)).to.equal(role);
    expect(await badges.roleHistoryLength(rid)).to.equal(2n);
    const history = await badges.roleHistory(rid, 0, 10);
    expect(history).to.deep.equal([id, second]);
    const holders = await Promise.all(history.map(async (m) => (await mandates.mandate(m)).holder));
    expect(holders).to.deep.equal([holder.address, founders[3]!.address]);
    expect(await badges.title(second)).to.equal(`Carry out: ${role}`);
    expect(await badges.roleHistory(rid, 1, 10)).to.deep.equal([second]);
    expect(await badges.roleHistory(rid, 5, 10)).to.deep.equal([]);
    await expect(badges.roleHistory(rid, 0, 101))
      .to.be.revertedWithCustomError(badges, "MandateBadgesPageTooLarge")
      .withArgs(101, 100);
  });

  it("mints and burns only for the mandates module, and cannot be initialised twice", async function () {
    const { badges, founders } = await networkHelpers.loadFixture(circleWorld);
    await expect(badges.onGranted(1n, founders[0]!.address, ethers.ZeroHash, "x", "x"))
      .to.be.revertedWithCustomError(badges, "MandateBadgesOnlyMandates")
      .withArgs(founders[0]!.address);
    await expect(badges.onEnded(1n, founders[0]!.address)).to.be.revertedWithCustomError(
      badges,
      "MandateBadgesOnlyMandates",
    );
    await expect(badges.initialize("x")).to.be.revertedWithCustomError(badges, "InvalidInitialization");
  });
});
