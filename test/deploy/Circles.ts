import { expect } from "chai";
import { network } from "hardhat";

import CirclesModule from "../../deploy/modules/Circles.js";
import { CHARTER_HASH, CHARTER_URI, TEST_MANDATE_RULES, TEST_RULES, circleFixtures } from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, ignition } = connection;
const { consentedFounding } = circleFixtures(connection);

describe("deploy/modules/Circles", function () {
  it("deploys the implementations, a registry wired to them that founds circles, and the profiles registry", async function () {
    const deployed = await ignition.deploy(CirclesModule);
    // Ignition returns untyped contracts; read them back through the typechain bindings.
    const registry = await ethers.getContractAt("CircleRegistry", await deployed.registry.getAddress());
    expect(await registry.circleImplementation()).to.equal(await deployed.circleImplementation.getAddress());
    expect(await registry.membershipImplementation()).to.equal(await deployed.membershipImplementation.getAddress());
    expect(await registry.ritualsImplementation()).to.equal(await deployed.ritualsImplementation.getAddress());
    expect(await registry.mandatesImplementation()).to.equal(await deployed.mandatesImplementation.getAddress());
    expect(await registry.defaultRandomness()).to.equal(await deployed.randomness.getAddress());
    const factory = await ethers.getContractAt("CreditFactory", await deployed.creditFactory.getAddress());
    expect(await factory.registry()).to.equal(await registry.getAddress());
    const hub = await ethers.getContractAt("IncomeHub", await deployed.incomeHub.getAddress());
    expect(await hub.registry()).to.equal(await registry.getAddress());
    expect(await hub.dayZero()).to.equal(1_602_720_000n);
    expect(await hub.invitationCost()).to.equal(96n * 10n ** 18n);
    const wrappers = await ethers.getContractAt("IncomeWrappers", await deployed.incomeWrappers.getAddress());
    expect(await wrappers.hub()).to.equal(await hub.getAddress());
    const profiles = await ethers.getContractAt("Profiles", await deployed.profiles.getAddress());
    expect(await profiles.MAX_NAME_LENGTH()).to.equal(64n);

    const founders = (await ethers.getSigners()).slice(0, 6).map((s) => s.address);
    await expect(
      registry.createCircle(
        await consentedFounding(
          registry,
          { name: "Deployed", founders, charterHash: CHARTER_HASH, charterURI: CHARTER_URI },
          TEST_RULES,
          TEST_MANDATE_RULES,
          founders[0]!,
        ),
        TEST_RULES,
        TEST_MANDATE_RULES,
      ),
    ).to.emit(registry, "CircleCreated");
    expect(await registry.circleCount()).to.equal(1n);
  });
});
