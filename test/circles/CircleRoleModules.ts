import { expect } from "chai";
import { network } from "hardhat";

import { TEST_RULES, circleFixtures } from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { circleWorld, proposal, pass } = circleFixtures(connection);

const Behaviour = { Record: 0, Revert: 1, BurnGas: 2 } as const;

/** A circle with two registered role modules. */
async function circleWithModules() {
  const world = await circleWorld();
  const { circle, rituals, founders } = world;
  const first = await ethers.deployContract("MockRoleModule");
  const second = await ethers.deployContract("MockRoleModule");
  const keeper = await rituals.getAddress();
  const registration = proposal(
    [first, second].map((m) => ({
      target: keeper,
      data: rituals.interface.encodeFunctionData("addRoleModule", [m.target as string]),
    })),
    "Register role modules",
  );
  await (await pass(circle, founders.slice(0, 3), registration)).execute();
  return { ...world, first, second };
}

describe("Circle role modules", function () {
  it("registers modules only by decision, and lists them", async function () {
    const { rituals, first, second, founders } = await networkHelpers.loadFixture(circleWithModules);
    expect(await rituals.roleModules()).to.deep.equal([first.target, second.target]);
    await expect(rituals.connect(founders[0]!).addRoleModule(founders[0]!.address))
      .to.be.revertedWithCustomError(rituals, "CircleRitualsOnlyCircle")
      .withArgs(founders[0]!.address);
    await expect(rituals.connect(founders[0]!).removeRoleModule(first.target))
      .to.be.revertedWithCustomError(rituals, "CircleRitualsOnlyCircle")
      .withArgs(founders[0]!.address);
    await expect(rituals.connect(founders[0]!).notifyRoleModules("0x"))
      .to.be.revertedWithCustomError(rituals, "CircleRitualsOnlyCircle")
      .withArgs(founders[0]!.address);
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
      .to.emit(rituals, "RoleModuleHookFailed")
      .withArgs(first.target, first.interface.getFunction("onMemberLeft").selector, failure)
      .and.to.emit(rituals, "RoleModuleHookFailed")
      .withArgs(second.target, first.interface.getFunction("onMemberLeft").selector, "0x");
    expect(await membership.isMember(founders[5]!.address)).to.equal(false);
    expect(await first.departures()).to.equal(0n);

    for (const member of founders.slice(0, 3)) await rituals.connect(member).signalReset();
    expect(await circle.resetEpoch()).to.equal(1n);
    expect(await second.resets()).to.equal(0n);
  });

  it("refuses an exit sent with too little gas for the hooks, leaving nothing half-done", async function () {
    const { rituals, membership, founders } = await networkHelpers.loadFixture(circleWithModules);
    await expect(membership.connect(founders[5]!).leave({ gasLimit: 200_000 })).to.be.revertedWithCustomError(
      rituals,
      "CircleInsufficientGasForHooks",
    );
    expect(await membership.isMember(founders[5]!.address)).to.equal(true);
  });

  it("refuses a module twice, unknown removals, and more than the cap", async function () {
    const { circle, rituals, first, founders } = await networkHelpers.loadFixture(circleWithModules);
    const keeper = await rituals.getAddress();
    const add = (m: string) => ({ target: keeper, data: rituals.interface.encodeFunctionData("addRoleModule", [m]) });
    const remove = (m: string) => ({
      target: keeper,
      data: rituals.interface.encodeFunctionData("removeRoleModule", [m]),
    });

    const twice = await pass(circle, founders.slice(0, 3), proposal([add(first.target as string)], "Twice"));
    await expect(twice.execute())
      .to.be.revertedWithCustomError(rituals, "CircleRoleModuleAlreadyAdded")
      .withArgs(first.target);
    const unknown = await pass(circle, founders.slice(0, 3), proposal([remove(founders[0]!.address)], "Unknown"));
    await expect(unknown.execute())
      .to.be.revertedWithCustomError(rituals, "CircleRoleModuleNotFound")
      .withArgs(founders[0]!.address);

    const removal = await pass(circle, founders.slice(0, 3), proposal([remove(first.target as string)], "Drop first"));
    await expect(removal.execute()).to.emit(rituals, "RoleModuleRemoved").withArgs(first.target);
    expect(await rituals.roleModules()).to.have.length(1);

    const cap = Number(await rituals.MAX_ROLE_MODULES());
    const fillers = Array.from({ length: cap }, (_, i) => ethers.getAddress(ethers.toBeHex(0x1000 + i, 20)));
    const overfill = await pass(circle, founders.slice(0, 3), proposal(fillers.map(add), "Overfill"));
    await expect(overfill.execute()).to.be.revertedWithCustomError(rituals, "CircleRoleModulesFull").withArgs(cap);
    const fill = await pass(circle, founders.slice(0, 3), proposal(fillers.slice(0, cap - 1).map(add), "Fill"));
    await fill.execute();
    expect(await rituals.roleModules()).to.have.length(cap);
  });

  it("lets the rituals make the circle call nothing but a role-module hook", async function () {
    const { circle, rituals, founders, first } = await networkHelpers.loadFixture(circleWithModules);
    await expect(circle.connect(founders[0]!).callRoleModule(first.target, "0x"))
      .to.be.revertedWithCustomError(circle, "CircleOnlyRituals")
      .withArgs(founders[0]!.address);
    const keeper = await rituals.getAddress();
    await networkHelpers.impersonateAccount(keeper);
    await networkHelpers.setBalance(keeper, 10n ** 18n);
    const asRituals = await ethers.getSigner(keeper);
    const transfer = circle.interface.encodeFunctionData("updateRules", [TEST_RULES]);
    await expect(circle.connect(asRituals).callRoleModule(first.target, transfer))
      .to.be.revertedWithCustomError(circle, "CircleNotARoleModuleHook")
      .withArgs(transfer.slice(0, 10));
    const hook = first.interface.encodeFunctionData("onMemberLeft", [founders[1]!.address]);
    await circle.connect(asRituals).callRoleModule(first.target, hook);
    expect(await first.lastMemberLeft()).to.equal(founders[1]!.address);
  });
});
