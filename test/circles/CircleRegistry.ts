import { expect } from "chai";
import { network } from "hardhat";

import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";

import { findEvent } from "../../client/events.js";
import { FOUNDING_CONSENT_TYPES } from "../../client/founding.js";
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
const { deployRegistry, createCircle, circleWorld, consentedFounding } = circleFixtures(connection);

/** A founding with no consents yet: refusals of bad input come before the consents are checked. */
function founding(founders: string[], name = "Tool Library") {
  return {
    name,
    founders,
    charterHash: CHARTER_HASH,
    charterURI: CHARTER_URI,
    deadline: 0n,
    consents: founders.map(() => "0x"),
  };
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

      const consented = await consentedFounding(
        registry,
        founding(founders),
        TEST_RULES,
        TEST_MANDATE_RULES,
        creator!.address,
      );
      await expect(registry.createCircle(consented, TEST_RULES, TEST_MANDATE_RULES)).to.emit(registry, "CircleCreated");
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
      await expect(mandatesImpl.initialize(zero, zero, TEST_MANDATE_RULES)).to.be.revertedWithCustomError(
        mandatesImpl,
        "InvalidInitialization",
      );
      const { circle, membership, mandates } = await createCircle(registry, (await ethers.getSigners()).slice(0, 6));
      await expect(mandates.initialize(zero, zero, TEST_MANDATE_RULES)).to.be.revertedWithCustomError(
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

    it("writes the parts the mandates and badges trust into their clones' code, read as zero at the implementations", async function () {
      const { registry, mandatesImpl, badgesImpl } = await networkHelpers.loadFixture(deployRegistry);
      const [caller] = await ethers.getSigners();
      const { circle, membership, rituals, mandates, badges } = await createCircle(
        registry,
        (await ethers.getSigners()).slice(0, 6),
      );
      // An EIP-1167 proxy (45 bytes) followed by the packed addresses: fixed in the code, no setter anywhere.
      const proxyTo = async (impl: { getAddress(): Promise<string> }) =>
        `0x363d3d373d3d3d363d73${(await impl.getAddress()).slice(2)}5af43d82803e903d91602b57fd5bf3`.toLowerCase();
      const packed = (...parts: { target: unknown }[]) => parts.map((p) => (p.target as string).slice(2)).join("");
      expect((await ethers.provider.getCode(mandates.target)).toLowerCase()).to.equal(
        `${await proxyTo(mandatesImpl)}${packed(circle, membership, rituals)}`.toLowerCase(),
      );
      expect((await ethers.provider.getCode(badges.target)).toLowerCase()).to.equal(
        `${await proxyTo(badgesImpl)}${packed(mandates, circle)}`.toLowerCase(),
      );
      expect(await mandates.circle()).to.equal(circle.target);
      expect(await badges.circle()).to.equal(circle.target);
      // The implementations' own code holds no arguments: they read no circle and refuse what only it may do.
      expect(await mandatesImpl.circle()).to.equal(ethers.ZeroAddress);
      expect(await badgesImpl.circle()).to.equal(ethers.ZeroAddress);
      const spec = { role: "cook", title: "Cook", scopeHash: ethers.ZeroHash, duration: 3_600, powers: [] };
      await expect(mandatesImpl.grant(spec, caller!.address))
        .to.be.revertedWithCustomError(mandatesImpl, "MandateOnlyCircle")
        .withArgs(caller!.address);
      await expect(badgesImpl.onGranted(1n, caller!.address, ethers.ZeroHash, "x", "x"))
        .to.be.revertedWithCustomError(badgesImpl, "MandateBadgesOnlyMandates")
        .withArgs(caller!.address);
      // Nor do its modules run there (a draw, an audit through the fallback): they would read its code for addresses.
      await expect(mandatesImpl.requestFacilitatorDraw()).to.be.revertedWithCustomError(
        mandatesImpl,
        "MandateNotClone",
      );
      const audits = await ethers.getContractAt("IMandateAudits", mandatesImpl.target as string);
      await expect(audits.requestAuditorDraw()).to.be.revertedWithCustomError(mandatesImpl, "MandateNotClone");
      // While the clone runs them: the same calls reach the modules (and fail on the circle's own rules, not here).
      await expect(mandates.requestFacilitatorDraw()).not.to.be.revertedWithCustomError(mandates, "MandateNotClone");
      const cloneAudits = await ethers.getContractAt("IMandateAudits", mandates.target as string);
      await expect(cloneAudits.requestAuditorDraw()).not.to.be.revertedWithCustomError(mandates, "MandateNotClone");
    });
  });

  describe("founders' consent", function () {
    it("an outsider cannot make people founders of a circle they never agreed to", async function () {
      const { registry } = await networkHelpers.loadFixture(deployRegistry);
      const signers = await ethers.getSigners();
      const [outsider, victims] = [signers[9]!, (await addresses(6)).slice(0, 6)];
      const unsigned = founding(victims, "Captured");
      await expect(
        registry.connect(outsider).createCircle({ ...unsigned, deadline: 2n ** 64n }, TEST_RULES, TEST_MANDATE_RULES),
      )
        .to.be.revertedWithCustomError(registry, "CircleRegistryNoConsent")
        .withArgs(victims[0]);
      // Signatures given for another founding (other rules, another name) or by someone else do not count.
      const other = await consentedFounding(
        registry,
        founding(victims, "Captured"),
        { ...TEST_RULES, quorumPercent: 90 },
        TEST_MANDATE_RULES,
        outsider.address,
      );
      await expect(registry.connect(outsider).createCircle(other, TEST_RULES, TEST_MANDATE_RULES))
        .to.be.revertedWithCustomError(registry, "CircleRegistryNoConsent")
        .withArgs(victims[0]);
      const renamed = await consentedFounding(
        registry,
        founding(victims, "Harmless"),
        TEST_RULES,
        TEST_MANDATE_RULES,
        outsider.address,
      );
      await expect(
        registry.connect(outsider).createCircle({ ...renamed, name: "Captured" }, TEST_RULES, TEST_MANDATE_RULES),
      )
        .to.be.revertedWithCustomError(registry, "CircleRegistryNoConsent")
        .withArgs(victims[0]);
      const swapped = [renamed.consents[1]!, ...renamed.consents.slice(1)];
      await expect(
        registry.connect(outsider).createCircle({ ...renamed, consents: swapped }, TEST_RULES, TEST_MANDATE_RULES),
      )
        .to.be.revertedWithCustomError(registry, "CircleRegistryNoConsent")
        .withArgs(victims[0]);
      await expect(
        registry
          .connect(outsider)
          .createCircle({ ...renamed, consents: renamed.consents.slice(1) }, TEST_RULES, TEST_MANDATE_RULES),
      )
        .to.be.revertedWithCustomError(registry, "CircleRegistryConsentCount")
        .withArgs(5, 6);
      expect(await registry.circleCount()).to.equal(0n);
      // With every founder's own signature, the same outsider may send the founding (the sender signs nothing).
      await expect(registry.connect(outsider).createCircle(renamed, TEST_RULES, TEST_MANDATE_RULES)).to.emit(
        registry,
        "CircleCreated",
      );
    });

    it("a consent founds one circle only, expires at its deadline, and can be revoked", async function () {
      const { registry } = await networkHelpers.loadFixture(deployRegistry);
      const [sender, ben] = await ethers.getSigners();
      const founders = await addresses(6);
      const consented = await consentedFounding(
        registry,
        founding(founders),
        TEST_RULES,
        TEST_MANDATE_RULES,
        sender!.address,
      );
      await registry.createCircle(consented, TEST_RULES, TEST_MANDATE_RULES);
      // Replaying the same signatures: every nonce was used.
      await expect(registry.createCircle(consented, TEST_RULES, TEST_MANDATE_RULES))
        .to.be.revertedWithCustomError(registry, "CircleRegistryNoConsent")
        .withArgs(ben!.address);
      const late = await consentedFounding(
        registry,
        founding(founders),
        TEST_RULES,
        TEST_MANDATE_RULES,
        sender!.address,
      );
      await networkHelpers.time.increaseTo(BigInt(late.deadline) + 1n);
      await expect(registry.createCircle(late, TEST_RULES, TEST_MANDATE_RULES))
        .to.be.revertedWithCustomError(registry, "CircleRegistryConsentExpired")
        .withArgs(late.deadline);
      const revoked = await consentedFounding(
        registry,
        founding(founders),
        TEST_RULES,
        TEST_MANDATE_RULES,
        sender!.address,
      );
      const nonce = await registry.nonces(ben!.address);
      await expect(registry.connect(ben!).revokeFoundingConsents())
        .to.emit(registry, "FoundingConsentsRevoked")
        .withArgs(ben!.address, nonce + 1n);
      await expect(registry.createCircle(revoked, TEST_RULES, TEST_MANDATE_RULES))
        .to.be.revertedWithCustomError(registry, "CircleRegistryNoConsent")
        .withArgs(ben!.address);
    });

    it("takes a founder's consent by their own transaction, or a contract founder's by ERC-1271", async function () {
      const { registry } = await networkHelpers.loadFixture(deployRegistry);
      const signers = await ethers.getSigners();
      const [sender, ben, owner] = [signers[0]!, signers[1]!, signers[8]!];
      const wallet = await ethers.deployContract("MockContractWallet", [owner.address]);
      const founders = [...(await addresses(5)), await wallet.getAddress()];
      const base = { ...founding(founders), deadline: BigInt(await networkHelpers.time.latest()) + 3_600n };
      const rulesHash = await registry.rulesHash(TEST_RULES, TEST_MANDATE_RULES);
      // Ben approves the digest on chain instead of signing.
      const digest = await registry.foundingDigest(base, rulesHash, ben.address);
      await expect(registry.connect(ben).approveFounding(digest))
        .to.emit(registry, "FoundingApproved")
        .withArgs(ben.address, digest);
      expect(await registry.isFoundingApproved(ben.address, digest)).to.equal(true);
      // Founders 2 to 4 sign; the wallet's owner signs the wallet's consent (checked by its isValidSignature).
      const { chainId } = await ethers.provider.getNetwork();
      const domain = {
        name: "Commonweal CircleRegistry",
        version: "1",
        chainId,
        verifyingContract: registry.target as string,
      };
      const types = { FoundingConsent: FOUNDING_CONSENT_TYPES.FoundingConsent.map((f) => ({ ...f })) };
      const sign = async (signer: (typeof signers)[number], founder: string) =>
        signer.signTypedData(domain, types, { ...base, rulesHash, founder, nonce: await registry.nonces(founder) });
      const consents = founders.map(() => "0x");
      for (const i of [2, 3, 4]) consents[i] = await sign(signers[i]!, founders[i]!);
      consents[5] = await sign(ben, founders[5]!);
      await expect(registry.createCircle({ ...base, consents }, TEST_RULES, TEST_MANDATE_RULES))
        .to.be.revertedWithCustomError(registry, "CircleRegistryNoConsent")
        .withArgs(founders[5]);
      consents[5] = await sign(owner, founders[5]!);
      await expect(registry.createCircle({ ...base, consents }, TEST_RULES, TEST_MANDATE_RULES)).to.emit(
        registry,
        "CircleCreated",
      );
      expect(await registry.isFoundingApproved(ben.address, digest)).to.equal(false);
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
        [
          { auditPeriod: TEST_MANDATE_RULES.maxTerm + 1 },
          "CircleRulesAuditTooLong",
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

      const seeds = founding(await addresses(7), "Seeds");
      const consented = await consentedFounding(registry, seeds, rules, mandateRules, publisher!.address);
      await expect(registry.createCircleFromTemplate(consented, id))
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
