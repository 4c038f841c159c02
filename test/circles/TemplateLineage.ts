import { expect } from "chai";
import { network } from "hardhat";

import { findEvent } from "../../client/events.js";
import { mandateRulesFromChain, rulesFromChain } from "../../client/rules.js";
import {
  CHARTER_HASH,
  CHARTER_URI,
  TEST_MANDATE_RULES,
  TEST_RULES,
  circleFixtures,
  type CircleWorld,
} from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { deployRegistry, consentedFounding, decide } = circleFixtures(connection);

type Registry = Awaited<ReturnType<typeof deployRegistry>>["registry"];

/** Founds a circle of signers 0–5 from a template, as signer 0, and returns a world `decide` can govern. */
async function foundFrom(registry: Registry, templateId: string, name: string): Promise<CircleWorld> {
  const signers = await ethers.getSigners();
  const founders = signers.slice(0, 6);
  const t = await registry.template(templateId);
  const founding = {
    name,
    founders: founders.map((f) => f.address),
    charterHash: CHARTER_HASH,
    charterURI: CHARTER_URI,
  };
  const consented = await consentedFounding(
    registry,
    founding,
    rulesFromChain(t.rules),
    mandateRulesFromChain(t.mandateRules),
    signers[0]!.address,
  );
  const receipt = await (await registry.createCircleFromTemplate(consented, templateId)).wait();
  const created = findEvent(registry.interface, receipt!.logs, "CircleCreated");
  const circle = await ethers.getContractAt("Circle", (created!.args.parts as { circle: string }).circle);
  return { registry, circle, founders, outsiders: signers.slice(6, 16) } as unknown as CircleWorld;
}

/** Three generations: Root (by a person) → Child (by a circle founded from Root) → Grandchild (by one from Child). */
async function threeGenerations() {
  const { registry } = await deployRegistry();
  const root = ethers.id("Root");
  const child = ethers.id("Child");
  const grandchild = ethers.id("Grandchild");
  await (await registry.publishTemplate("Root", TEST_RULES, TEST_MANDATE_RULES)).wait();
  const a = await foundFrom(registry, root, "A");
  const aAddress = await a.circle.getAddress();
  await (
    await decide(
      a,
      [
        {
          target: await registry.getAddress(),
          data: registry.interface.encodeFunctionData("publishCircleRulesWithParent", [aAddress, "Child", root]),
        },
      ],
      "Publish our rules as Child",
    )
  ).wait();
  const b = await foundFrom(registry, child, "B");
  await (
    await decide(
      b,
      [
        {
          target: await registry.getAddress(),
          data: registry.interface.encodeFunctionData("publishTemplateWithParent", [
            "Grandchild",
            { ...TEST_RULES, quorumPercent: 60 },
            TEST_MANDATE_RULES,
            child,
          ]),
        },
      ],
      "Publish Grandchild",
    )
  ).wait();
  const c = await foundFrom(registry, grandchild, "C");
  const a2 = await foundFrom(registry, root, "A2");
  return { registry, root, child, grandchild, a, b, c, a2 };
}

function reportCall(registry: Registry, templateId: string, hash: string, uri: string) {
  return {
    target: registry.target as string,
    data: registry.interface.encodeFunctionData("reportTemplateResult", [templateId, hash, uri]),
  };
}

describe("CircleRegistry template lineage", function () {
  it("records lineage across three generations, verified when the publisher was founded from the parent", async function () {
    const { registry, root, child, grandchild, a, b, c, a2 } = await networkHelpers.loadFixture(threeGenerations);
    const [aAddr, bAddr, cAddr, a2Addr] = (await Promise.all([a, b, c, a2].map((w) => w.circle.getAddress()))) as [
      string,
      string,
      string,
      string,
    ];

    const rootT = await registry.template(root);
    expect([rootT.parent, rootT.parentVerified]).to.deep.equal([ethers.ZeroHash, false]);
    const childT = await registry.template(child);
    expect([childT.publisher, childT.parent, childT.parentVerified]).to.deep.equal([aAddr, root, true]);
    const grandT = await registry.template(grandchild);
    expect([grandT.publisher, grandT.parent, grandT.parentVerified]).to.deep.equal([bAddr, child, true]);
    expect(grandT.rules.quorumPercent).to.equal(60n);

    expect(await registry.foundingTemplate(aAddr)).to.equal(root);
    expect(await registry.foundingTemplate(bAddr)).to.equal(child);
    expect(await registry.foundingTemplate(cAddr)).to.equal(grandchild);

    expect(await registry.templateCounts(root)).to.deep.equal([1n, 2n, 0n]);
    expect(await registry.templateCounts(child)).to.deep.equal([1n, 1n, 0n]);
    expect(await registry.templateCounts(grandchild)).to.deep.equal([0n, 1n, 0n]);
    expect(await registry.templateChildren(root, 0, 10)).to.deep.equal([child]);
    expect(await registry.templateChildren(child, 0, 10)).to.deep.equal([grandchild]);
    expect(await registry.templateAdopters(root, 0, 10)).to.deep.equal([aAddr, a2Addr]);
    expect(await registry.templateAdopters(root, 1, 10)).to.deep.equal([a2Addr]);
    expect(await registry.templateAdopters(child, 0, 10)).to.deep.equal([bAddr]);
    expect(await registry.templateAdopters(grandchild, 0, 10)).to.deep.equal([cAddr]);
  });

  it("emits TemplateParentNamed, and marks a parent only declared when the publisher was not founded from it", async function () {
    const { registry, root, child, a } = await networkHelpers.loadFixture(threeGenerations);
    const [person] = await ethers.getSigners();
    const aAddr = await a.circle.getAddress();
    // A person claiming Child as parent: declared, not verified.
    await expect(registry.publishTemplateWithParent("Pretender", TEST_RULES, TEST_MANDATE_RULES, child))
      .to.emit(registry, "TemplateParentNamed")
      .withArgs(ethers.id("Pretender"), child, person!.address, false);
    // Publishing circle A's rules on its behalf (not by its decision): declared only, even though A was founded from Root.
    await expect(registry.publishCircleRulesWithParent(aAddr, "On A's behalf", root))
      .to.emit(registry, "TemplateParentNamed")
      .withArgs(ethers.id("On A's behalf"), root, person!.address, false);
    expect((await registry.template(ethers.id("Pretender"))).parentVerified).to.equal(false);
    // Circle A naming Child (which it was not founded from) by its own decision: declared only.
    await (
      await decide(
        a,
        [
          {
            target: registry.target as string,
            data: registry.interface.encodeFunctionData("publishTemplateWithParent", [
              "A's cousin",
              TEST_RULES,
              TEST_MANDATE_RULES,
              child,
            ]),
          },
        ],
        "Publish a cousin",
      )
    ).wait();
    expect((await registry.template(ethers.id("A's cousin"))).parentVerified).to.equal(false);
    expect(await registry.templateChildren(child, 0, 10)).to.have.length(3);
    expect((await registry.templateCounts(root))[0]).to.equal(2n);
  });

  it("takes one report per adopting circle, by its decision, and pages them", async function () {
    const { registry, root, child, grandchild, a, b, c, a2 } = await networkHelpers.loadFixture(threeGenerations);
    const hashA = ethers.id("A's year with Root");
    await expect(await decide(a, [reportCall(registry, root, hashA, "ipfs://a")], "Report to Root"))
      .to.emit(registry, "TemplateResultReported")
      .withArgs(root, await a.circle.getAddress(), 0n, hashA, "ipfs://a");
    await (await decide(a2, [reportCall(registry, root, ethers.id("A2"), "ipfs://a2")], "Report")).wait();
    await (await decide(b, [reportCall(registry, child, ethers.id("B"), "")], "Report")).wait();
    await (await decide(c, [reportCall(registry, grandchild, ethers.id("C"), "ipfs://c")], "Report")).wait();

    expect(await registry.templateCounts(root)).to.deep.equal([1n, 2n, 2n]);
    expect(await registry.templateCounts(child)).to.deep.equal([1n, 1n, 1n]);
    expect(await registry.templateCounts(grandchild)).to.deep.equal([0n, 1n, 1n]);
    const reports = await registry.templateReports(root, 0, 10);
    expect(reports.map((r) => [r.circle, r.reportHash, r.uri])).to.deep.equal([
      [await a.circle.getAddress(), hashA, "ipfs://a"],
      [await a2.circle.getAddress(), ethers.id("A2"), "ipfs://a2"],
    ]);
    expect(reports[0]!.reportedAt).to.be.greaterThan(0n);
    expect(await registry.templateReports(root, 1, 1)).to.have.length(1);
  });

  it("refuses reports from non-adopters, a second report, empty hashes and long URIs", async function () {
    const { registry, root, child, a } = await networkHelpers.loadFixture(threeGenerations);
    const [person] = await ethers.getSigners();
    const aAddr = await a.circle.getAddress();
    await expect(registry.reportTemplateResult(root, ethers.id("x"), ""))
      .to.be.revertedWithCustomError(registry, "CircleRegistryNotAdopter")
      .withArgs(person!.address, root);
    await expect(decide(a, [reportCall(registry, child, ethers.id("x"), "")], "Report to Child"))
      .to.be.revertedWithCustomError(registry, "CircleRegistryNotAdopter")
      .withArgs(aAddr, child);
    await expect(decide(a, [reportCall(registry, root, ethers.ZeroHash, "")], "Empty"))
      .to.be.revertedWithCustomError(registry, "CircleRegistryInvalidReport")
      .withArgs(0n, 256n);
    await expect(decide(a, [reportCall(registry, root, ethers.id("x"), "u".repeat(257))], "Long"))
      .to.be.revertedWithCustomError(registry, "CircleRegistryInvalidReport")
      .withArgs(257n, 256n);
    expect((await registry.templateCounts(root))[2]).to.equal(0n);
    await (await decide(a, [reportCall(registry, root, ethers.id("x"), "ipfs://x")], "Report")).wait();
    await expect(decide(a, [reportCall(registry, root, ethers.id("y"), "")], "Again"))
      .to.be.revertedWithCustomError(registry, "CircleRegistryAlreadyReported")
      .withArgs(aAddr, root);
    expect((await registry.templateCounts(root))[2]).to.equal(1n);
  });

  it("refuses unknown parents and oversized pages; a circle with custom rules has no founding template", async function () {
    const { registry, root } = await networkHelpers.loadFixture(threeGenerations);
    const unknown = ethers.id("Nope");
    await expect(registry.publishTemplateWithParent("Orphan", TEST_RULES, TEST_MANDATE_RULES, unknown))
      .to.be.revertedWithCustomError(registry, "CircleRegistryTemplateNotFound")
      .withArgs(unknown);
    await expect(registry.templateCounts(unknown))
      .to.be.revertedWithCustomError(registry, "CircleRegistryTemplateNotFound")
      .withArgs(unknown);
    for (const view of ["templateChildren", "templateAdopters", "templateReports"] as const)
      await expect(registry[view](root, 0, 101))
        .to.be.revertedWithCustomError(registry, "CircleRegistryPageTooLarge")
        .withArgs(101n, 100n);
    const [person] = await ethers.getSigners();
    expect(await registry.foundingTemplate(person!.address)).to.equal(ethers.ZeroHash);
  });
});
