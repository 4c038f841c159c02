import { expect } from "chai";
import { network } from "hardhat";

import { circleFixtures } from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { circleWorld, proposal, pass } = circleFixtures(connection);

const Behaviour = { Record: 0, Revert: 1, BurnGas: 2 } as const;

/** A circle with two registered role modules. */
async function circleWithModules() {
  const world = await circleWorld();
  const { circle, founders } = world;
  const first = await ethers.deployContract("MockRoleModule");
  const second = await ethers.deployContract("MockRoleModule");
  const self = await circle.getAddress();
  const registration = proposal(
    [first, second].map((m) => ({
      target: self,
      data: circle.interface.encodeFunctionData("addRoleModule", [m.target as string]),
    })),
    "Register role modules",
  );
  await (await pass(circle, founders.slice(0, 3), registration)).execute();
  return { ...world, first, second };
}

describe("Circle role modules", function () {
  it("registers modules only by decision, and lists them", async function () {
    const { circle, first, second, founders } = await networkHelpers.loadFixture(circleWithModules);
    expect(await circle.roleModules()).to.deep.equal([first.target, second.target]);
    await expect(circle.connect(founders[0]!).addRoleModule(founders[0]!.address)).to.be.revertedWithCustomError(
      circle,
      "GovernorOnlyExecutor",
    );
  });

  it("tells every module of a hard reset, with the new epoch", async function () {
    const { rituals, first, second, founders } = await networkHelpers.loadFixture(circleWithModules);
    for (const member of founders.slice(0, 3)) await rituals.connect(member).signalReset();
    expect(await first.lastEpoch()).to.equal(1n);
    expect(await second.resets()).to.equal(1n);
  });

  it("tells every module when a member leaves or is removed", async function () {
    const { circle, membership, first, second, founders } = await networkHelpers.loadFixture(circleWithModules);
    await membership.connect(founders[5]!).leave();
    expect(await first.lastMemberLeft()).to.equal(founders[5]!.address);
    expect(await second.departures()).to.equal(1n);
    const removal = proposal(
      [
        {
          target: await membership.getAddress(),
          data: membership.interface.encodeFunctionData("remove", [founders[4]!.address]),
        },
      ],
      "Remove E",
    );
    await (await pass(circle, founders.slice(0, 3), removal)).execute();
    expect(await first.lastMemberLeft()).to.equal(founders[4]!.address);
    expect(await first.departures()).to.equal(2n);
  });

  it("never lets a failing module block an exit or a reset", async function () {
    const { circle, membership, rituals, first, second, founders } =
      await networkHelpers.loadFixture(circleWithModules);
    await first.setBehaviour(Behaviour.Revert);
    await second.setBehaviour(Behaviour.BurnGas);
    const failure = first.interface.encodeErrorResult("MockRoleModuleFailed");
    await expect(membership.connect(founders[5]!).leave())
      .to.emit(circle, "RoleModuleHookFailed")
      .withArgs(first.target, first.interface.getFunction("onMemberLeft").selector, failure)
      .and.to.emit(circle, "RoleModuleHookFailed")
      .withArgs(second.target, first.interface.getFunction("onMemberLeft").selector, "0x");
    expect(await membership.isMember(founders[5]!.address)).to.equal(false);
    expect(await first.departures()).to.equal(0n);

    for (const member of founders.slice(0, 3)) await rituals.connect(member).signalReset();
    expect(await circle.resetEpoch()).to.equal(1n);
    expect(await second.resets()).to.equal(0n);
  });

  it("refuses an exit sent with too little gas for the hooks, leaving nothing half-done", async function () {
    const { circle, membership, founders } = await networkHelpers.loadFixture(circleWithModules);
    await expect(membership.connect(founders[5]!).leave({ gasLimit: 200_000 })).to.be.revertedWithCustomError(
      circle,
      "CircleInsufficientGasForHooks",
    );
    expect(await membership.isMember(founders[5]!.address)).to.equal(true);
  });

  it("refuses a module twice, unknown removals, and more than the cap", async function () {
    const { circle, first, founders } = await networkHelpers.loadFixture(circleWithModules);
    const self = await circle.getAddress();
    const add = (m: string) => ({ target: self, data: circle.interface.encodeFunctionData("addRoleModule", [m]) });
    const remove = (m: string) => ({
      target: self,
      data: circle.interface.encodeFunctionData("removeRoleModule", [m]),
    });

    const twice = await pass(circle, founders.slice(0, 3), proposal([add(first.target as string)], "Twice"));
    await expect(twice.execute())
      .to.be.revertedWithCustomError(circle, "CircleRoleModuleAlreadyAdded")
      .withArgs(first.target);
    const unknown = await pass(circle, founders.slice(0, 3), proposal([remove(founders[0]!.address)], "Unknown"));
    await expect(unknown.execute())
      .to.be.revertedWithCustomError(circle, "CircleRoleModuleNotFound")
      .withArgs(founders[0]!.address);

    const removal = await pass(circle, founders.slice(0, 3), proposal([remove(first.target as string)], "Drop first"));
    await expect(removal.execute()).to.emit(circle, "RoleModuleRemoved").withArgs(first.target);
    expect(await circle.roleModules()).to.have.length(1);

    const cap = Number(await circle.MAX_ROLE_MODULES());
    const fillers = Array.from({ length: cap }, (_, i) => ethers.getAddress(ethers.toBeHex(0x1000 + i, 20)));
    const overfill = await pass(circle, founders.slice(0, 3), proposal(fillers.map(add), "Overfill"));
    await expect(overfill.execute()).to.be.revertedWithCustomError(circle, "CircleRoleModulesFull").withArgs(cap);
    const fill = await pass(circle, founders.slice(0, 3), proposal(fillers.slice(0, cap - 1).map(add), "Fill"));
    await fill.execute();
    expect(await circle.roleModules()).to.have.length(cap);
  });
});
