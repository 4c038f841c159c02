import { expect } from "chai";
import { network } from "hardhat";

import { blockHeaderRlp } from "../../client/blockHeader.js";

const { ethers, networkHelpers } = await network.create();

describe("PrevrandaoRandomness", function () {
  async function deploy() {
    return { source: await ethers.deployContract("PrevrandaoRandomness") };
  }

  it("fixes a block DELAY blocks ahead and reveals its RANDAO value from the block header", async function () {
    const { source } = await networkHelpers.loadFixture(deploy);
    const ticket = await source.request();
    expect(ticket).to.equal(BigInt(await ethers.provider.getBlockNumber()) + 4n);
    expect(await source.isReady(ticket)).to.equal(false);
    await expect(source.reveal(ticket, "0x"))
      .to.be.revertedWithCustomError(source, "RandomnessNotReady")
      .withArgs(ticket);

    await networkHelpers.mine(5);
    expect(await source.isReady(ticket)).to.equal(true);
    const block = await ethers.provider.send("eth_getBlockByNumber", [ethers.toQuantity(ticket), false]);
    const value = await source.reveal(ticket, blockHeaderRlp(block));
    expect(value).to.equal(BigInt(block.mixHash));
  });

  it("rejects a header of another block and expires after the reveal window", async function () {
    const { source } = await networkHelpers.loadFixture(deploy);
    const ticket = await source.request();
    await networkHelpers.mine(6);
    const other = await ethers.provider.send("eth_getBlockByNumber", [ethers.toQuantity(ticket + 1n), false]);
    await expect(source.reveal(ticket, blockHeaderRlp(other)))
      .to.be.revertedWithCustomError(source, "RandomnessInvalidProof")
      .withArgs(ticket);
    await networkHelpers.mine(256);
    expect(await source.isExpired(ticket)).to.equal(true);
    expect(await source.isReady(ticket)).to.equal(false);
    await expect(source.reveal(ticket, "0x")).to.be.revertedWithCustomError(source, "RandomnessExpired");
  });
});
