import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { network } from "hardhat";

import { variantCode, withCode } from "../../scripts/bench/guarantees.js";
import {
  ProposalState,
  TEST_RULES,
  Vote,
  circleFixtures,
  mandateSpec,
  roleId,
  type CircleWorld,
  type Proposal,
} from "../fixtures/circles.js";

// The variants the bench measures guarantees with (contracts/mocks/guarantees/, put in place by
// scripts/bench/guarantees.ts): each must switch off exactly the guarantee it names. Every test runs the same
// scenario from the same state twice, with the variant's code in place (withCode puts the chain back after) and with
// the real contract, and shows that the guarantee holds only with the real one, while another rule of the same
// contract still holds with the variant.
const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;
const {
  circleWorld,
  createCircle,
  foundCouncil,
  grantByDecision,
  proposal,
  propose,
  openVoting,
  closeVoting,
  pass,
  decide,
  grantCall,
} = circleFixtures(connection);

const DAY = 86_400;

/**
 * Runs `scenario` with `variant`'s code at `at` (deployed by `deployer` with constructor `args`, for its immutables),
 * then puts it back.
 */
async function asVariant<T>(
  at: string,
  variant: string,
  scenario: () => Promise<T>,
  deployer?: string,
  args: unknown[] = [],
): Promise<T> {
  const code = await variantCode(ethers, networkHelpers, variant, deployer, args);
  return withCode(networkHelpers, { [at]: code }, async () => {
    expect(await ethers.provider.getCode(at)).to.equal(code);
    return scenario();
  });
}

/** `address` as a signer (a contract acting as itself), with gas money. */
async function actingAs(address: string): Promise<HardhatEthersSigner> {
  await networkHelpers.impersonateAccount(address);
  await networkHelpers.setBalance(address, 10n ** 18n);
  return ethers.getSigner(address);
}

/** An ordinary proposal: the circle pays 10 tokens to the first outsider. */
async function payment(w: CircleWorld, description: string): Promise<Proposal> {
  const data = w.token.interface.encodeFunctionData("transfer", [w.outsiders[0]!.address, 10n]);
  return proposal([{ target: await w.token.getAddress(), data }], description);
}

function proposeAs(w: CircleWorld, proposer: HardhatEthersSigner, p: Proposal) {
  return w.circle.connect(proposer).propose(p.targets, p.values, p.calldatas, p.description);
}

/** Founder 0 proposes a payment, then founder 5 leaves, then voting opens; `vote` is the leaver's vote. */
async function leaverVote(w: CircleWorld) {
  const { circle, membership, founders } = w;
  const id = await propose(circle, founders[0]!, await payment(w, "Pay the seed supplier"));
  await membership.connect(founders[5]!).leave();
  await openVoting(circle);
  return { id, leaver: founders[5]!, vote: () => circle.connect(founders[5]!).castVote(id, Vote.For) };
}

/** The charter lapses; `make` is founder 0 proposing a payment, which a lapsed charter does not allow. */
async function lapsedPayment(w: CircleWorld) {
  const { circle, token, founders } = w;
  const { expiresAt } = await circle.charter();
  await time.increaseTo(expiresAt);
  expect(await circle.charterLapsed()).to.equal(true);
  const p = await payment(w, "Pay under a lapsed charter");
  const selector = token.interface.getFunction("transfer").selector;
  return { p, expiresAt, selector, make: () => proposeAs(w, founders[0]!, p) };
}

async function expectLeaverRefused(w: CircleWorld, scenario: Awaited<ReturnType<typeof leaverVote>>) {
  await expect(scenario.vote())
    .to.be.revertedWithCustomError(w.circle, "CircleNotInElectorate")
    .withArgs(scenario.id, scenario.leaver.address);
}

async function expectLapsedRefused(w: CircleWorld, scenario: Awaited<ReturnType<typeof lapsedPayment>>) {
  await expect(scenario.make())
    .to.be.revertedWithCustomError(w.circle, "CircleCharterLapsed")
    .withArgs(scenario.expiresAt, await w.token.getAddress(), scenario.selector);
}

/** Someone never a member votes on a fresh proposal: refused by every membership. */
async function expectOutsiderRefused(w: CircleWorld) {
  const { circle, founders, outsiders } = w;
  const id = await propose(circle, founders[1]!, await payment(w, "Decided by members"));
  await openVoting(circle);
  await expect(circle.connect(outsiders[1]!).castVote(id, Vote.For))
    .to.be.revertedWithCustomError(circle, "CircleNotInElectorate")
    .withArgs(id, outsiders[1]!.address);
  await expect(proposeAs(w, outsiders[1]!, await payment(w, "An outsider's wish")))
    .to.be.revertedWithCustomError(circle, "GovernorInsufficientProposerVotes")
    .withArgs(outsiders[1]!.address, 0n, 1n);
}

describe("bench variants: each switches off its guarantee, and only it", function () {
  describe("CircleMembershipWithoutLiveCheck", function () {
    const VARIANT = "CircleMembershipWithoutLiveCheck";

    it("counts the vote of a member who left after the proposal was made, which the real membership refuses", async function () {
      const w = await networkHelpers.loadFixture(circleWorld);
      const impl = await w.registry.membershipImplementation();
      await asVariant(impl, VARIANT, async () => {
        const scenario = await leaverVote(w);
        await expect(scenario.vote())
          .to.emit(w.circle, "VoteCast")
          .withArgs(scenario.leaver.address, scenario.id, Vote.For, 1n, "");
      });
      await expectLeaverRefused(w, await leaverVote(w));
    });

    it("still refuses someone never a member, and a lapsed charter's payment", async function () {
      const w = await networkHelpers.loadFixture(circleWorld);
      await asVariant(await w.registry.membershipImplementation(), VARIANT, async () => {
        await expectOutsiderRefused(w);
        await expectLapsedRefused(w, await lapsedPayment(w));
      });
    });
  });

  describe("CircleMembershipWithoutCallCheck", function () {
    const VARIANT = "CircleMembershipWithoutCallCheck";

    it("makes, passes and executes a payment under a lapsed charter, which the real membership refuses", async function () {
      const w = await networkHelpers.loadFixture(circleWorld);
      const { circle, token, founders, outsiders } = w;
      await asVariant(await w.registry.membershipImplementation(), VARIANT, async () => {
        const { p, make } = await lapsedPayment(w);
        await expect(make()).to.emit(circle, "ProposalCreated");
        const id = await circle.hashProposal(p.targets, p.values, p.calldatas, p.descriptionHash);
        await openVoting(circle);
        for (const voter of founders.slice(0, 3)) await circle.connect(voter).castVote(id, Vote.For);
        await closeVoting(circle, id);
        // Checked again at execution by the real membership; passed by the variant.
        await expect(circle.execute(p.targets, p.values, p.calldatas, p.descriptionHash))
          .to.emit(token, "Transfer")
          .withArgs(await circle.getAddress(), outsiders[0]!.address, 10n);
      });
      await expectLapsedRefused(w, await lapsedPayment(w));
    });

    it("still refuses the vote of a member who left after the proposal was made", async function () {
      const w = await networkHelpers.loadFixture(circleWorld);
      await asVariant(await w.registry.membershipImplementation(), VARIANT, async () => {
        await expectLeaverRefused(w, await leaverVote(w));
      });
    });
  });

  describe("CircleMembershipWithoutChecks", function () {
    const VARIANT = "CircleMembershipWithoutChecks";

    it("counts a leaver's vote and takes a lapsed charter's payment, both of which the real membership refuses", async function () {
      const w = await networkHelpers.loadFixture(circleWorld);
      await asVariant(await w.registry.membershipImplementation(), VARIANT, async () => {
        const leaver = await leaverVote(w);
        await expect(leaver.vote()).to.emit(w.circle, "VoteCast");
        await expect((await lapsedPayment(w)).make()).to.emit(w.circle, "ProposalCreated");
      });
      await expectLeaverRefused(w, await leaverVote(w));
      await expectLapsedRefused(w, await lapsedPayment(w));
    });

    it("still refuses the vote and the proposal of someone never a member", async function () {
      const w = await networkHelpers.loadFixture(circleWorld);
      await asVariant(await w.registry.membershipImplementation(), VARIANT, () => expectOutsiderRefused(w));
    });
  });

  describe("CircleRitualsWithoutProposalBook", function () {
    const VARIANT = "CircleRitualsWithoutProposalBook";

    /** Founder 0 proposes; founders 1 and 2 signal a reset; `third` is founder 3's signal, which resets. */
    async function resetPending(w: CircleWorld) {
      const { circle, rituals, founders } = w;
      const id = await propose(circle, founders[0]!, await payment(w, "Pay the seed supplier"));
      for (const f of founders.slice(1, 3)) await rituals.connect(f).signalReset();
      // Two signals of the three the rules ask: no reset yet.
      expect(await circle.resetEpoch()).to.equal(0n);
      expect(await circle.state(id)).to.equal(ProposalState.Pending);
      return { id, third: () => rituals.connect(founders[3]!).signalReset() };
    }

    /** Founder 0 makes the most open proposals one proposer may; `next` makes one more. */
    async function fullQuota(w: CircleWorld) {
      const { circle, rituals, founders } = w;
      const self = await circle.getAddress();
      const cap = Number(await rituals.MAX_OPEN_PER_PROPOSER());
      for (let i = 0; i < cap; ++i)
        await propose(circle, founders[0]!, proposal([{ target: self, data: "0x" }], `P${i}`));
      return { cap, next: () => proposeAs(w, founders[0]!, proposal([{ target: self, data: "0x" }], "One too many")) };
    }

    it("reports no ProposalCanceled on a hard reset, though the proposal reads Canceled (the circle's epoch)", async function () {
      const w = await networkHelpers.loadFixture(circleWorld);
      const { circle, rituals } = w;
      await asVariant(await w.registry.ritualsImplementation(), VARIANT, async () => {
        const { id, third } = await resetPending(w);
        expect(await rituals.openProposals()).to.deep.equal([]);
        const reset = third();
        await expect(reset).to.emit(circle, "HardReset");
        await expect(reset).not.to.emit(circle, "ProposalCanceled");
        expect(await circle.state(id)).to.equal(ProposalState.Canceled);
      });
      const { id, third } = await resetPending(w);
      expect(await rituals.openProposals()).to.deep.equal([id]);
      await expect(third()).to.emit(circle, "ProposalCanceled").withArgs(id);
      expect(await circle.state(id)).to.equal(ProposalState.Canceled);
    });

    it("does not hold a proposer to 16 open proposals", async function () {
      const w = await networkHelpers.loadFixture(circleWorld);
      await asVariant(await w.registry.ritualsImplementation(), VARIANT, async () => {
        await expect((await fullQuota(w)).next()).to.emit(w.circle, "ProposalCreated");
      });
      const { cap, next } = await fullQuota(w);
      await expect(next())
        .to.be.revertedWithCustomError(w.rituals, "CircleRitualsTooManyOpenProposals")
        .withArgs(w.founders[0]!.address, cap);
    });

    it("still resets only on the threshold's signals, and only members signal", async function () {
      const w = await networkHelpers.loadFixture(circleWorld);
      await asVariant(await w.registry.ritualsImplementation(), VARIANT, async () => {
        // resetPending checks that two signals of three reset nothing.
        const { third } = await resetPending(w);
        await expect(w.rituals.connect(w.outsiders[0]!).signalReset())
          .to.be.revertedWithCustomError(w.rituals, "CircleRitualsNotMember")
          .withArgs(w.outsiders[0]!.address);
        await expect(third()).to.emit(w.circle, "HardReset");
      });
    });
  });

  describe("CircleWithoutFixedQuorum", function () {
    const VARIANT = "CircleWithoutFixedQuorum";

    /**
     * A payment gets two votes of six (below the three a 50% quorum asks) while a decision, made just before it,
     * lowers the quorum to 20% (one vote) and is executed before the payment's vote closes.
     */
    async function quorumLoweredDuringVote(w: CircleWorld) {
      const { circle, founders } = w;
      const lower = proposal(
        [
          {
            target: await circle.getAddress(),
            data: circle.interface.encodeFunctionData("updateRules", [{ ...TEST_RULES, quorumPercent: 20 }]),
          },
        ],
        "Lower the quorum",
      );
      const lowerId = await propose(circle, founders[0]!, lower);
      await time.increase(600);
      const pay = await payment(w, "Pay the seed supplier");
      const payId = await propose(circle, founders[1]!, pay);
      await openVoting(circle);
      for (const voter of founders.slice(0, 4)) await circle.connect(voter).castVote(lowerId, Vote.For);
      for (const voter of founders.slice(0, 2)) await circle.connect(voter).castVote(payId, Vote.For);
      await closeVoting(circle, lowerId);
      expect(await circle.state(payId)).to.equal(ProposalState.Active);
      await expect(circle.execute(lower.targets, lower.values, lower.calldatas, lower.descriptionHash)).to.emit(
        circle,
        "RulesUpdated",
      );
      expect((await circle.rules()).quorumPercent).to.equal(20n);
      await closeVoting(circle, payId);
      return payId;
    }

    it("lets a quorum change during a vote change what the vote needs; the real circle keeps the quorum it was made with", async function () {
      const w = await networkHelpers.loadFixture(circleWorld);
      await asVariant(await w.registry.circleImplementation(), VARIANT, async () => {
        const payId = await quorumLoweredDuringVote(w);
        expect(await w.circle.state(payId)).to.equal(ProposalState.Succeeded);
        // Still a rule of the variant: the execution window fixed when the proposal was made.
        await time.increase(TEST_RULES.executionWindow + 1);
        expect(await w.circle.state(payId)).to.equal(ProposalState.Expired);
      });
      const payId = await quorumLoweredDuringVote(w);
      expect(await w.circle.state(payId)).to.equal(ProposalState.Defeated);
    });

    it("still asks the quorum in force: two votes of six do not pass at 50%", async function () {
      const w = await networkHelpers.loadFixture(circleWorld);
      await asVariant(await w.registry.circleImplementation(), VARIANT, async () => {
        const id = (await pass(w.circle, w.founders.slice(0, 2), await payment(w, "Too few"))).id;
        expect(await w.circle.state(id)).to.equal(ProposalState.Defeated);
      });
    });
  });

  describe("CircleWithoutProposalRecord", function () {
    const VARIANT = "CircleWithoutProposalRecord";

    /**
     * A proposal in its vote, then a hard reset by three members. Its `ProposalCanceled` comes from the rituals'
     * book, which lists every open proposal, whatever the circle then says of it.
     */
    async function resetActive(w: CircleWorld) {
      const { circle, rituals, founders } = w;
      const id = await propose(circle, founders[0]!, await payment(w, "Pay the seed supplier"));
      await openVoting(circle);
      expect(await circle.state(id)).to.equal(ProposalState.Active);
      for (const f of founders.slice(1, 3)) await rituals.connect(f).signalReset();
      await expect(rituals.connect(founders[3]!).signalReset()).to.emit(circle, "ProposalCanceled").withArgs(id);
      expect(await circle.resetEpoch()).to.equal(1n);
      return id;
    }

    /**
     * An admission passes; a proposal is made; the admission is executed during that proposal's voting delay, and
     * voting opens. `vote` is the newcomer's vote on the proposal.
     */
    async function admittedDuringDelay(w: CircleWorld) {
      const { circle, membership, founders, outsiders } = w;
      const newcomer = outsiders[0]!;
      await membership.connect(newcomer).requestAdmission();
      const data = membership.interface.encodeFunctionData("admit", [newcomer.address]);
      const admission = proposal([{ target: await membership.getAddress(), data }], "Admit the newcomer");
      const admissionId = await propose(circle, founders[0]!, admission);
      await openVoting(circle);
      for (const voter of founders.slice(0, 3)) await circle.connect(voter).castVote(admissionId, Vote.For);
      await time.increaseTo(await circle.proposalDeadline(admissionId));
      const id = await propose(circle, founders[1]!, await payment(w, "Decided by the old circle"));
      await time.increase(1);
      await circle.execute(admission.targets, admission.values, admission.calldatas, admission.descriptionHash);
      expect(await membership.isMember(newcomer.address)).to.equal(true);
      await openVoting(circle);
      expect(await circle.state(id)).to.equal(ProposalState.Active);
      return { id, newcomer, vote: () => circle.connect(newcomer).castVote(id, Vote.For) };
    }

    /** A payment passes and is left unexecuted past its execution window. */
    async function succeededLongAgo(w: CircleWorld) {
      const p = await payment(w, "Pay the seed supplier");
      const passed = await pass(w.circle, w.founders.slice(0, 3), p);
      expect(await w.circle.state(passed.id)).to.equal(ProposalState.Succeeded);
      await time.increase(TEST_RULES.executionWindow + 1);
      return passed;
    }

    it("leaves an open proposal Active through a hard reset, which the real circle cancels", async function () {
      const w = await networkHelpers.loadFixture(circleWorld);
      await asVariant(await w.registry.circleImplementation(), VARIANT, async () => {
        const id = await resetActive(w);
        expect(await w.circle.state(id)).to.equal(ProposalState.Active);
        await expect(w.circle.connect(w.founders[4]!).castVote(id, Vote.For)).to.emit(w.circle, "VoteCast");
      });
      const id = await resetActive(w);
      expect(await w.circle.state(id)).to.equal(ProposalState.Canceled);
    });

    it("counts the vote of a member admitted during the voting delay, which the real circle refuses", async function () {
      const w = await networkHelpers.loadFixture(circleWorld);
      await asVariant(await w.registry.circleImplementation(), VARIANT, async () => {
        const { id, newcomer, vote } = await admittedDuringDelay(w);
        await expect(vote()).to.emit(w.circle, "VoteCast").withArgs(newcomer.address, id, Vote.For, 1n, "");
      });
      const { id, newcomer, vote } = await admittedDuringDelay(w);
      await expect(vote())
        .to.be.revertedWithCustomError(w.circle, "CircleNotInElectorate")
        .withArgs(id, newcomer.address);
    });

    it("never lets a succeeded proposal expire, which the real circle does after its execution window", async function () {
      const w = await networkHelpers.loadFixture(circleWorld);
      await asVariant(await w.registry.circleImplementation(), VARIANT, async () => {
        const passed = await succeededLongAgo(w);
        expect(await w.circle.state(passed.id)).to.equal(ProposalState.Succeeded);
        await expect(passed.execute()).to.emit(w.circle, "ProposalExecuted").withArgs(passed.id);
      });
      const passed = await succeededLongAgo(w);
      expect(await w.circle.state(passed.id)).to.equal(ProposalState.Expired);
      await expect(passed.execute()).to.be.revertedWithCustomError(w.circle, "GovernorUnexpectedProposalState");
    });

    it("still refuses a proposer who is not a member, a lapsed charter's payment, and a dissolved circle's proposals", async function () {
      const w = await networkHelpers.loadFixture(circleWorld);
      await asVariant(await w.registry.circleImplementation(), VARIANT, async () => {
        await expectOutsiderRefused(w);
        // The slots the variant reads by hand: the dissolved flag beside the membership, and the rituals.
        const dissolve = {
          target: await w.circle.getAddress(),
          data: w.circle.interface.encodeFunctionData("dissolve"),
        };
        await expect(decide(w, [dissolve], "Dissolve")).to.emit(w.circle, "CircleDissolved");
        await expect(proposeAs(w, w.founders[0]!, await payment(w, "After the end"))).to.be.revertedWithCustomError(
          w.circle,
          "CircleIsDissolved",
        );
      });
      await asVariant(await w.registry.circleImplementation(), VARIANT, async () => {
        await expectLapsedRefused(w, await lapsedPayment(w));
      });
    });
  });

  describe("CouncilSeatsWithoutLiveSeats", function () {
    const VARIANT = "CouncilSeatsWithoutLiveSeats";

    /**
     * An open council founded by Ana's circle, whose delegate (founder 1) holds its mandate; a circle of three
     * outsiders took a seat by open join (on probation) and has no delegate.
     */
    async function openCouncil() {
      const a = await circleWorld();
      const water = await foundCouncil(a, "Water council", { openJoin: true });
      const spec = mandateSpec(await water.seats.delegateRole(), 20 * DAY, [], "Represent the circle in the council");
      const mandateId = await grantByDecision(a, spec, a.founders[1]!.address);
      const trio = await createCircle(a.registry, a.outsiders.slice(0, 3), { ...TEST_RULES, minMembers: 1 }, "Trio");
      await time.increase(1);
      await water.seats.connect(await actingAs(await trio.circle.getAddress())).requestSeat();
      return {
        a,
        water,
        mandateId,
        trio: await trio.circle.getAddress(),
        trioMembership: trio.membership,
        trioMandates: trio.mandates,
      };
    }

    /** What the seats count: with Ana's delegate, after the delegate ends the mandate, after the trio's probation. */
    async function counts(c: Awaited<ReturnType<typeof openCouncil>>) {
      const { a, water, mandateId, trio } = c;
      const ana = await a.circle.getAddress();
      const read = async () => [
        await water.seats.isMember(ana),
        await water.seats.isMember(trio),
        await water.seats.electorateSize(0),
      ];
      const withDelegate = await read();
      await expect(a.mandates.connect(a.founders[1]!).complete(mandateId)).to.emit(a.mandates, "HandOff");
      const ended = await read();
      await time.increaseTo(await water.seats.probationEndsAt(trio));
      return { withDelegate, ended, afterProbation: await read() };
    }

    it("counts a seat whose delegate's mandate ended, or that never had a delegate; the real seats do not", async function () {
      const c = await networkHelpers.loadFixture(openCouncil);
      const impl = await c.a.registry.seatsImplementation();
      const variant = await asVariant(impl, VARIANT, () => counts(c));
      const real = await counts(c);
      // Ana's seat, the trio's seat, the seats that count.
      expect(real).to.deep.equal({
        withDelegate: [true, false, 1n],
        ended: [false, false, 0n],
        afterProbation: [false, false, 0n],
      });
      // The probation still holds with the variant: the trio's seat counts only once it is over.
      expect(variant).to.deep.equal({
        withDelegate: [true, false, 1n],
        ended: [true, false, 1n],
        afterProbation: [true, true, 2n],
      });
    });

    it("counts a seat whose circle shrank below three members; the real seats do not", async function () {
      const c = await networkHelpers.loadFixture(openCouncil);
      const { a, water, trio, trioMembership, trioMandates } = c;
      // The trio's circle (three people: its decision is theirs) names a delegate; its probation ends.
      const spec = mandateSpec(await water.seats.delegateRole(), 20 * DAY);
      await trioMandates.connect(await actingAs(trio)).grant(spec, a.outsiders[0]!.address);
      await time.increaseTo(await water.seats.probationEndsAt(trio));
      const shrink = async () => {
        const before = await water.seats.isMember(trio);
        await trioMembership.connect(a.outsiders[2]!).leave();
        await time.increase(1);
        return [before, await water.seats.isMember(trio)];
      };
      expect(await asVariant(await a.registry.seatsImplementation(), VARIANT, shrink)).to.deep.equal([true, true]);
      expect(await shrink()).to.deep.equal([true, false]);
    });
  });

  describe("MutualCredit variants", function () {
    /** Ana's circle (impersonated: it calls as itself) creates its currency: credit limit 100.00, saturation 200.00. */
    async function creditWorld() {
      const w = await circleWorld();
      const factory = await ethers.deployContract("CreditFactory", [await w.registry.getAddress()]);
      const asCircle = await actingAs(await w.circle.getAddress());
      await factory.connect(asCircle).createCurrency("Elm hours", "HRS", 2, 100_00n, 200_00n);
      const credit = await ethers.getContractAt("MutualCredit", await factory.currencyOf(w.circle.target));
      const [ana, ben] = w.founders as [HardhatEthersSigner, HardhatEthersSigner];
      return { ...w, factory, credit, asCircle, ana, ben, stranger: w.outsiders[0]! };
    }
    type CreditWorld = Awaited<ReturnType<typeof creditWorld>>;

    /** The currency's code swapped for `variant`'s, deployed by its factory (its immutable). */
    async function asCreditVariant<T>(c: CreditWorld, variant: string, scenario: () => Promise<T>) {
      return asVariant(await c.credit.getAddress(), variant, scenario, await c.factory.getAddress());
    }

    async function expectLimitKept(c: CreditWorld) {
      const { credit, ana, ben } = c;
      const balance = await credit.signedBalanceOf(ana.address);
      await expect(credit.connect(ana).transfer(ben.address, 100_00n + balance + 1n))
        .to.be.revertedWithCustomError(credit, "MutualCreditLimitExceeded")
        .withArgs(ana.address, -100_01n, 100_00n);
    }

    describe("MutualCreditWithoutBalanceSet", function () {
      const VARIANT = "MutualCreditWithoutBalanceSet";

      /** Ana pays Ben 30.00; what the set and total read; then the circle's jubilee. */
      async function tradeThenJubilee(c: CreditWorld) {
        const { credit, ana, ben, asCircle } = c;
        await credit.connect(ana).transfer(ben.address, 30_00n);
        expect(await credit.signedBalanceOf(ben.address)).to.equal(30_00n);
        const read = { accounts: await credit.accountsWithBalance(), supply: await credit.totalSupply() };
        return { read, jubilee: () => credit.connect(asCircle).jubilee() };
      }

      it("keeps no accounts with a balance, so the total reads 0 and a jubilee clears nothing", async function () {
        const c = await networkHelpers.loadFixture(creditWorld);
        const { credit, ana, ben } = c;
        await asCreditVariant(c, VARIANT, async () => {
          const { read, jubilee } = await tradeThenJubilee(c);
          expect(read).to.deep.equal({ accounts: [], supply: 0n });
          const tx = jubilee();
          await expect(tx).to.emit(credit, "Jubilee").withArgs(0n);
          await expect(tx).not.to.emit(credit, "BalanceCleared");
          expect(await credit.signedBalanceOf(ben.address)).to.equal(30_00n);
        });
        const { read, jubilee } = await tradeThenJubilee(c);
        expect(read.accounts).to.have.members([ana.address, ben.address]);
        expect(read.supply).to.equal(30_00n);
        await expect(jubilee())
          .to.emit(credit, "BalanceCleared")
          .withArgs(ana.address, -30_00n)
          .and.to.emit(credit, "BalanceCleared")
          .withArgs(ben.address, 30_00n);
        expect(await credit.signedBalanceOf(ben.address)).to.equal(0n);
      });

      it("still keeps the credit limit, and pays only holders", async function () {
        const c = await networkHelpers.loadFixture(creditWorld);
        await asCreditVariant(c, VARIANT, async () => {
          await tradeThenJubilee(c);
          await expectLimitKept(c);
          await expect(c.credit.connect(c.ana).transfer(c.stranger.address, 1_00n))
            .to.be.revertedWithCustomError(c.credit, "MutualCreditNotHolder")
            .withArgs(c.stranger.address);
        });
      });
    });

    describe("MutualCreditWithoutLiveHolderCheck", function () {
      const VARIANT = "MutualCreditWithoutLiveHolderCheck";

      it("pays, and lets pay, an account that may not hold; the real currency refuses it", async function () {
        const c = await networkHelpers.loadFixture(creditWorld);
        const { credit, ana, ben, stranger } = c;
        expect(await credit.isHolder(stranger.address)).to.equal(false);
        await asCreditVariant(c, VARIANT, async () => {
          await expect(credit.connect(ana).transfer(stranger.address, 1_00n))
            .to.emit(credit, "Transfer")
            .withArgs(ana.address, stranger.address, 1_00n);
          await expect(credit.connect(stranger).transfer(ben.address, 50_00n)).to.emit(credit, "Transfer");
          expect(await credit.signedBalanceOf(stranger.address)).to.equal(-49_00n);
          // Still the currency's rules: the balance set, and the live answer of isHolder.
          expect(await credit.accountsWithBalance()).to.have.members([ana.address, stranger.address, ben.address]);
          expect(await credit.isHolder(stranger.address)).to.equal(false);
        });
        await expect(credit.connect(ana).transfer(stranger.address, 1_00n))
          .to.be.revertedWithCustomError(credit, "MutualCreditNotHolder")
          .withArgs(stranger.address);
        await expect(credit.connect(stranger).transfer(ben.address, 1_00n))
          .to.be.revertedWithCustomError(credit, "MutualCreditNotHolder")
          .withArgs(stranger.address);
      });

      it("still keeps the credit limit, even for an account that may not hold", async function () {
        const c = await networkHelpers.loadFixture(creditWorld);
        const { credit, ana, stranger } = c;
        await asCreditVariant(c, VARIANT, async () => {
          await expectLimitKept(c);
          await expect(credit.connect(stranger).transfer(ana.address, 100_01n))
            .to.be.revertedWithCustomError(credit, "MutualCreditLimitExceeded")
            .withArgs(stranger.address, -100_01n, 100_00n);
        });
      });
    });
  });

  // The grant's guarantees. A Mandates variant is deployed with an audit module of its own (the real implementation's
  // is not readable), and the draw module its constructor creates is gone with the deployment's snapshot: these
  // scenarios grant by decision and use neither module.
  describe("grant variants", function () {
    async function grantWorld() {
      const w = await networkHelpers.loadFixture(circleWorld);
      const audits = await ethers.deployContract("MandateAudits");
      return { w, audits: await audits.getAddress() };
    }
    const treasurer = mandateSpec("treasurer", 10 * DAY);

    describe("MandateBadgesWithoutStoredNames", function () {
      it("keeps neither the role's name nor the title: the badge shows them empty; still minted, soulbound", async function () {
        const { w } = await grantWorld();
        const { registry, badges, founders } = w;
        const grant = async () => {
          const id = await grantByDecision(w, treasurer, founders[1]!.address);
          return { id, role: await badges.roleName(roleId("treasurer")), title: await badges.title(id) };
        };
        const variant = await asVariant(
          await registry.badgesImplementation(),
          "MandateBadgesWithoutStoredNames",
          async () => {
            const granted = await grant();
            expect(await badges.ownerOf(granted.id)).to.equal(founders[1]!.address);
            await expect(
              badges.connect(founders[1]!).transferFrom(founders[1]!.address, founders[2]!.address, granted.id),
            )
              .to.be.revertedWithCustomError(badges, "MandateBadgesSoulbound")
              .withArgs(granted.id);
            return granted;
          },
        );
        expect([variant.role, variant.title]).to.deep.equal(["", ""]);
        const real = await grant();
        expect([real.role, real.title]).to.deep.equal(["treasurer", treasurer.title]);
        expect(await badges.ownerOf(real.id)).to.equal(founders[1]!.address);
      });
    });

    describe("MandatesWithoutTermRecord", function () {
      it("records no term: the role never reads as held and keeps no history; the mandate is still live", async function () {
        const { w, audits } = await grantWorld();
        const { registry, mandates, founders, outsiders } = w;
        const grant = async () => {
          const id = await grantByDecision(w, treasurer, founders[1]!.address);
          expect(await mandates.isLive(id)).to.equal(true);
          return {
            id,
            holder: await mandates.holderOf(roleId("treasurer")),
            history: await mandates.roleHistoryLength(roleId("treasurer")),
          };
        };
        const variant = await asVariant(
          await registry.mandatesImplementation(),
          "MandatesWithoutTermRecord",
          async () => {
            const granted = await grant();
            // Still: only a member may hold a mandate.
            const call = await grantCall(w, mandateSpec("cook", DAY), outsiders[0]!.address);
            await expect(decide(w, [call], "Grant to an outsider"))
              .to.be.revertedWithCustomError(mandates, "MandateNotMember")
              .withArgs(outsiders[0]!.address);
            return granted;
          },
          undefined,
          [audits],
        );
        expect(variant.holder).to.deep.equal([ethers.ZeroAddress, 0n]);
        expect(variant.history).to.equal(0n);
        const real = await grant();
        expect(real.holder).to.deep.equal([founders[1]!.address, real.id]);
        expect(real.history).to.equal(1n);
      });
    });

    describe("MandatesWithoutCooldownCheck", function () {
      it("grants to a member the temperature check cooled down; an outsider is still refused", async function () {
        const { w, audits } = await grantWorld();
        const { registry, mandates, rituals, founders, outsiders } = w;
        const loud = founders[5]!;
        await time.increase(TEST_RULES.temperaturePeriod);
        for (const member of founders.slice(0, 4)) await rituals.connect(member).recordTemperature(2, loud.address);
        const until = await rituals.cooldownEndsAt(loud.address);
        expect(until).to.be.greaterThan(BigInt(await time.latest()));
        const call = await grantCall(w, treasurer, loud.address);
        await asVariant(
          await registry.mandatesImplementation(),
          "MandatesWithoutCooldownCheck",
          async () => {
            await expect(decide(w, [call], "Grant to the loud one")).to.emit(mandates, "MandateGranted");
            const outsider = await grantCall(w, mandateSpec("cook", DAY), outsiders[0]!.address);
            await expect(decide(w, [outsider], "Grant to an outsider"))
              .to.be.revertedWithCustomError(mandates, "MandateNotMember")
              .withArgs(outsiders[0]!.address);
          },
          undefined,
          [audits],
        );
        await expect(decide(w, [call], "Grant to the loud one"))
          .to.be.revertedWithCustomError(mandates, "MandateHolderCooledDown")
          .withArgs(loud.address, until);
      });
    });
  });
});
