import { expect } from "chai";
import { network } from "hardhat";

import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";

import { findEvent } from "../../client/events.js";
import { mandateRulesFromChain, rulesFromChain, type MandateRules } from "../../client/rules.js";
import {
  CHARTER_HASH,
  CHARTER_URI,
  TEST_MANDATE_RULES,
  TEST_RULES,
  circleFixtures,
  type Rules,
} from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { deployRegistry, createCircle, circleWorld } = circleFixtures(connection);

function founding(founders: string[], name = "Tool Library") {
  return { name, founders, charterHash: CHARTER_HASH, charterURI: CHARTER_URI };
}

async function addresses(count: number): Promise<string[]> {
  const signers = await ethers.getSigners();
  return signers.slice(0, count).map((s) => s.address);
}

describe("CircleRegistry", function () {
  describe("founding a circle", function () {
    it("clones the implementations, initialises them and emits CircleCreated", async function () {
      const { registry, circleImpl } = await networkHelpers.loadFixture(deployRegistry);
      const founders = await addresses(6);
      const [creator] = await ethers.getSigners();

      await expect(registry.createCircle(founding(founders), TEST_RULES, TEST_MANDATE_RULES)).to.emit(
        registry,
        "CircleCreated",
      );
      const [circleAddress] = await registry.circles(0, 1);
      expect(await registry.isCircle(circleAddress!)).to.equal(true);
      expect(await registry.circleCount()).to.equal(1n);

      // EIP-1167 minimal proxy: 45 bytes of runtime code pointing at the implementation.
      const code = await ethers.provider.getCode(circleAddress!);
      expect((code.length - 2) / 2).to.equal(45);
      expect(code.toLowerCase()).to.contain((await circleImpl.getAddress()).slice(2).toLowerCase());

      const circle = await ethers.getContractAt("Circle", circleAddress!);
      const membership = await ethers.getContractAt("CircleMembership", await circle.membership());
      expect(await circle.name()).to.equal("Tool Library");
      expect(await membership.memberCount()).to.equal(6n);
      expect(await membership.members()).to.have.members(founders);
      const charter = await circle.charter();
      expect(charter.contentHash).to.equal(CHARTER_HASH);
      expect(charter.uri).to.equal(CHARTER_URI);
      const rules = await circle.rules();
      expect(rules.quorumPercent).to.equal(BigInt(TEST_RULES.quorumPercent));
      expect(rules.charterTerm).to.equal(BigInt(TEST_RULES.charterTerm));
      expect(await circle.votingPeriod()).to.equal(BigInt(TEST_RULES.votingPeriod));
      expect(creator).to.not.equal(undefined);
    });

    it("reports the creator, the template and the rules in CircleCreated", async function () {
      const { registry } = await networkHelpers.loadFixture(deployRegistry);
      const [creator] = await ethers.getSigners();
      const { receipt } = await createCircle(registry, (await ethers.getSigners()).slice(0, 6));
      const log = findEvent(registry.interface, receipt.logs, "CircleCreated");
      expect(log!.args.creator).to.equal(creator!.address);
      expect(log!.args.templateId).to.equal(ethers.ZeroHash);
      expect(log!.args.rules.maxMembers).to.equal(10n);
    });

    it("refuses to initialise an implementation or a clone twice", async function () {
      const { registry, circleImpl, membershipImpl, ritualsImpl, mandatesImpl } =
        await networkHelpers.loadFixture(deployRegistry);
      const founders = await addresses(6);
      const zero = ethers.ZeroAddress;
      await expect(
        circleImpl.initialize("x", zero, zero, zero, TEST_RULES, CHARTER_HASH, CHARTER_URI),
      ).to.be.revertedWithCustomError(circleImpl, "InvalidInitialization");
      await expect(membershipImpl.initialize(zero, "x", founders, 6, 10)).to.be.revertedWithCustomError(
        membershipImpl,
        "InvalidInitialization",
      );
      await expect(ritualsImpl.initialize(zero, zero, 3, 1, 1, 1)).to.be.revertedWithCustomError(
        ritualsImpl,
        "InvalidInitialization",
      );
      await expect(
        mandatesImpl.initialize(zero, zero, zero, zero, zero, TEST_MANDATE_RULES),
      ).to.be.revertedWithCustomError(mandatesImpl, "InvalidInitialization");
      const { circle, membership, mandates } = await createCircle(registry, (await ethers.getSigners()).slice(0, 6));
      await expect(mandates.initialize(zero, zero, zero, zero, zero, TEST_MANDATE_RULES)).to.be.revertedWithCustomError(
        mandates,
        "InvalidInitialization",
      );
      await expect(
        circle.initialize("x", zero, zero, zero, TEST_RULES, CHARTER_HASH, CHARTER_URI),
      ).to.be.revertedWithCustomError(circle, "InvalidInitialization");
      await expect(membership.initialize(zero, "x", founders, 6, 10)).to.be.revertedWithCustomError(
        membership,
        "InvalidInitialization",
      );
    });
  });

  describe("bad input", function () {
    it("refuses an empty name", async function () {
      const { registry } = await networkHelpers.loadFixture(deployRegistry);
      await expect(
        registry.createCircle(founding(await addresses(6), ""), TEST_RULES, TEST_MANDATE_RULES),
      ).to.be.revertedWithCustomError(registry, "CircleRegistryEmptyName");
    });

    it("refuses empty founders", async function () {
      const { registry } = await networkHelpers.loadFixture(deployRegistry);
      await expect(registry.createCircle(founding([]), TEST_RULES, TEST_MANDATE_RULES)).to.be.revertedWithCustomError(
        registry,
        "CircleRegistryNoFounders",
      );
    });

    it("refuses a founder listed twice", async function () {
      const { registry, membershipImpl } = await networkHelpers.loadFixture(deployRegistry);
      const founders = await addresses(6);
      founders[5] = founders[0]!;
      await expect(registry.createCircle(founding(founders), TEST_RULES, TEST_MANDATE_RULES))
        .to.be.revertedWithCustomError(membershipImpl, "CircleMembershipAlreadyMember")
        .withArgs(founders[0]);
    });

    it("refuses the zero address as a founder", async function () {
      const { registry, membershipImpl } = await networkHelpers.loadFixture(deployRegistry);
      const founders = await addresses(6);
      founders[3] = ethers.ZeroAddress;
      await expect(
        registry.createCircle(founding(founders), TEST_RULES, TEST_MANDATE_RULES),
      ).to.be.revertedWithCustomError(membershipImpl, "CircleMembershipZeroAddress");
    });

    it("refuses fewer founders than the minimum and more than the maximum", async function () {
      const { registry, membershipImpl } = await networkHelpers.loadFixture(deployRegistry);
      await expect(registry.createCircle(founding(await addresses(5)), TEST_RULES, TEST_MANDATE_RULES))
        .to.be.revertedWithCustomError(membershipImpl, "CircleMembershipTooFewFounders")
        .withArgs(5, 6);
      await expect(registry.createCircle(founding(await addresses(11)), TEST_RULES, TEST_MANDATE_RULES))
        .to.be.revertedWithCustomError(membershipImpl, "CircleMembershipTooManyFounders")
        .withArgs(11, 10);
    });

    it("refuses a maximum size over the hard cap", async function () {
      const { registry } = await networkHelpers.loadFixture(deployRegistry);
      const rules: Rules = { ...TEST_RULES, maxMembers: 33 };
      await expect(registry.createCircle(founding(await addresses(6)), rules, TEST_MANDATE_RULES))
        .to.be.revertedWithCustomError(registry, "CircleRulesSizeOverCap")
        .withArgs(33, 32);
      expect(await registry.MEMBER_CAP()).to.equal(32n);
    });

    it("refuses malformed rules with the rule that failed", async function () {
      const { registry } = await networkHelpers.loadFixture(deployRegistry);
      const founders = await addresses(6);
      const cases: [Partial<Rules>, string, unknown[]][] = [
        [{ minMembers: 0 }, "CircleRulesInvalidSizeBounds", [0, 10]],
        [{ minMembers: 11 }, "CircleRulesInvalidSizeBounds", [11, 10]],
        [{ quorumPercent: 0 }, "CircleRulesInvalidQuorum", [0]],
        [{ quorumPercent: 101 }, "CircleRulesInvalidQuorum", [101]],
        [{ resetThreshold: 2 }, "CircleRulesInvalidResetThreshold", [2, 10]],
        [{ resetThreshold: 11 }, "CircleRulesInvalidResetThreshold", [11, 10]],
        [{ resetCooldown: 7_319 }, "CircleRulesResetCooldownTooShort", [7_319, 7_320]],
        [{ votingPeriod: 0 }, "CircleRulesZeroDuration", ["votingPeriod"]],
        [{ executionWindow: 0 }, "CircleRulesZeroDuration", ["executionWindow"]],
        [{ resetWindow: 0 }, "CircleRulesZeroDuration", ["resetWindow"]],
        [{ temperaturePeriod: 0 }, "CircleRulesZeroDuration", ["temperaturePeriod"]],
        [{ charterTerm: 0 }, "CircleRulesZeroDuration", ["charterTerm"]],
      ];
      for (const [change, error, args] of cases) {
        await expect(registry.createCircle(founding(founders), { ...TEST_RULES, ...change }, TEST_MANDATE_RULES), error)
          .to.be.revertedWithCustomError(registry, error)
          .withArgs(...args);
      }
      expect(await registry.circleCount()).to.equal(0n);
    });

    it("refuses malformed mandate rules with the rule that failed", async function () {
      const { registry } = await networkHelpers.loadFixture(deployRegistry);
      const founders = await addresses(6);
      const cases: [Partial<MandateRules>, string, unknown[]][] = [
        [{ maxTerm: 0 }, "CircleRulesZeroDuration", ["maxTerm"]],
        [{ termLimit: 0 }, "CircleRulesInvalidTermLimit", []],
        [{ maxLivePerMember: 0 }, "CircleRulesInvalidLiveLimit", [0, 4]],
        [{ maxLivePerMember: 5 }, "CircleRulesInvalidLiveLimit", [5, 4]],
        [
          { facilitationPeriod: TEST_MANDATE_RULES.maxTerm + 1 },
          "CircleRulesFacilitationTooLong",
          [TEST_MANDATE_RULES.maxTerm + 1, TEST_MANDATE_RULES.maxTerm],
        ],
      ];
      for (const [change, error, args] of cases) {
        await expect(registry.createCircle(founding(founders), TEST_RULES, { ...TEST_MANDATE_RULES, ...change }), error)
          .to.be.revertedWithCustomError(registry, error)
          .withArgs(...args);
        await expect(
          registry.publishTemplate(error, TEST_RULES, { ...TEST_MANDATE_RULES, ...change }),
          error,
        ).to.be.revertedWithCustomError(registry, error);
      }
    });
  });

  describe("paged index", function () {
    it("returns pages, an empty page past the end, and refuses pages over the cap", async function () {
      const { registry } = await networkHelpers.loadFixture(deployRegistry);
      const signers = (await ethers.getSigners()).slice(0, 6);
      for (let i = 0; i < 3; i++) await createCircle(registry, signers, { ...TEST_RULES }, `Circle ${i}`);
      expect(await registry.circles(0, 2)).to.have.length(2);
      expect(await registry.circles(2, 2)).to.have.length(1);
      expect(await registry.circles(3, 2)).to.have.length(0);
      expect(await registry.circles(100, 100)).to.have.length(0);
      const all = await registry.circles(0, 100);
      expect(new Set(all).size).to.equal(3);
      await expect(registry.circles(0, 101))
        .to.be.revertedWithCustomError(registry, "CircleRegistryPageTooLarge")
        .withArgs(101, 100);
      expect(await registry.isCircle(signers[0]!.address)).to.equal(false);
    });
  });

  describe("templates", function () {
    it("publishes a named rule set and founds circles that carry its rules", async function () {
      const { registry } = await networkHelpers.loadFixture(deployRegistry);
      const [publisher] = await ethers.getSigners();
      const rules: Rules = { ...TEST_RULES, quorumPercent: 67, maxMembers: 8, resetThreshold: 4 };
      const mandateRules = { ...TEST_MANDATE_RULES, termLimit: 3, proposerStepsAside: false };
      const id = ethers.id("Seed library protocol");
      await expect(registry.publishTemplate("Seed library protocol", rules, mandateRules))
        .to.emit(registry, "TemplatePublished")
        .withArgs(id, publisher!.address, "Seed library protocol", Object.values(rules), Object.values(mandateRules));
      const template = await registry.template(id);
      expect(template.name).to.equal("Seed library protocol");
      expect(template.publisher).to.equal(publisher!.address);
      expect(await registry.templateCount()).to.equal(1n);
      expect(await registry.templates(0, 10)).to.deep.equal([id]);

      await expect(registry.createCircleFromTemplate(founding(await addresses(7), "Seeds"), id))
        .to.emit(registry, "CircleCreated")
        .withArgs(
          ethers.isAddress,
          publisher!.address,
          id,
          anyValue,
          "Seeds",
          Object.values(rules),
          Object.values(mandateRules),
        );
      const [circleAddress] = await registry.circles(0, 1);
      const circle = await ethers.getContractAt("Circle", circleAddress!);
      const copied = await circle.rules();
      expect(copied.quorumPercent).to.equal(67n);
      expect(copied.maxMembers).to.equal(8n);
      expect(copied.resetThreshold).to.equal(4n);
      const mandates = await ethers.getContractAt("Mandates", await circle.mandates());
      expect(mandateRulesFromChain(await mandates.rules())).to.deep.equal(mandateRules);
    });

    it("publishes the rules a circle lives by", async function () {
      const { registry, circle } = await networkHelpers.loadFixture(circleWorld);
      const id = ethers.id("Garden rules");
      await expect(registry.publishCircleRules(await circle.getAddress(), "Garden rules")).to.emit(
        registry,
        "TemplatePublished",
      );
      expect((await registry.template(id)).rules.votingPeriod).to.equal(BigInt(TEST_RULES.votingPeriod));
    });

    it("refuses duplicate names, empty names, bad rules, unknown templates and non-circles", async function () {
      const { registry } = await networkHelpers.loadFixture(deployRegistry);
      await registry.publishTemplate("Open", TEST_RULES, TEST_MANDATE_RULES);
      await expect(registry.publishTemplate("Open", TEST_RULES, TEST_MANDATE_RULES))
        .to.be.revertedWithCustomError(registry, "CircleRegistryTemplateExists")
        .withArgs(ethers.id("Open"));
      await expect(registry.publishTemplate("", TEST_RULES, TEST_MANDATE_RULES)).to.be.revertedWithCustomError(
        registry,
        "CircleRegistryEmptyName",
      );
      await expect(registry.publishTemplate("Bad", { ...TEST_RULES, resetThreshold: 1 }, TEST_MANDATE_RULES))
        .to.be.revertedWithCustomError(registry, "CircleRulesInvalidResetThreshold")
        .withArgs(1, 10);
      const unknown = ethers.id("Nope");
      await expect(registry.template(unknown))
        .to.be.revertedWithCustomError(registry, "CircleRegistryTemplateNotFound")
        .withArgs(unknown);
      await expect(registry.createCircleFromTemplate(founding(await addresses(6)), unknown))
        .to.be.revertedWithCustomError(registry, "CircleRegistryTemplateNotFound")
        .withArgs(unknown);
      const [someone] = await ethers.getSigners();
      await expect(registry.publishCircleRules(someone!.address, "X"))
        .to.be.revertedWithCustomError(registry, "CircleRegistryNotCircle")
        .withArgs(someone!.address);
      await expect(registry.templates(0, 101)).to.be.revertedWithCustomError(registry, "CircleRegistryPageTooLarge");
    });

    it("offers the affinity-circle defaults", async function () {
      const { registry } = await networkHelpers.loadFixture(deployRegistry);
      const defaults = await registry.defaultRules();
      expect([defaults.minMembers, defaults.maxMembers, defaults.resetThreshold]).to.deep.equal([6n, 10n, 3n]);
      await expect(registry.publishTemplate("Affinity circle", rulesFromChain(defaults), TEST_MANDATE_RULES)).to.emit(
        registry,
        "TemplatePublished",
      );
    });
  });
});
