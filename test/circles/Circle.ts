import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { network } from "hardhat";

import { BALLOT_TYPES, ballotDomain, type Ballot } from "../../client/ballots.js";
import { CHARTER_URI, ProposalState, TEST_RULES, Vote, circleFixtures } from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;
const { circleWorld, proposal, propose, openVoting, closeVoting, pass } = circleFixtures(connection);

/** A world with one ordinary proposal (pay 100 tokens to an outsider) made by founder 0. */
async function worldWithProposal() {
  const world = await circleWorld();
  const { circle, token, founders, outsiders } = world;
  const payment = proposal(
    [
      {
        target: await token.getAddress(),
        data: token.interface.encodeFunctionData("transfer", [outsiders[0]!.address, 100n]),
      },
    ],
    "Pay the seed supplier",
  );
  const id = await propose(circle, founders[0]!, payment);
  return { ...world, payment, id };
}

describe("Circle", function () {
  describe("identity", function () {
    it("is an IGovernor with a timestamp clock, simple counting and a one-vote threshold", async function () {
      const { circle, membership } = await networkHelpers.loadFixture(circleWorld);
      expect(await circle.CLOCK_MODE()).to.equal("mode=timestamp");
      expect(await circle.clock()).to.equal(BigInt(await time.latest()));
      expect(await circle.COUNTING_MODE()).to.equal("support=bravo&quorum=for,abstain");
      expect(await circle.proposalThreshold()).to.equal(1n);
      expect(await circle.token()).to.equal(await membership.getAddress());
      expect(await circle.votingDelay()).to.equal(BigInt(TEST_RULES.votingDelay));
      // IGovernor interface id
      expect(await circle.supportsInterface("0x65455a86")).to.equal(true);
    });
  });

  describe("proposal states", function () {
    it("walks Pending, Active, Succeeded, Executed and moves the treasury", async function () {
      const { circle, token, founders, outsiders, payment, id } = await networkHelpers.loadFixture(worldWithProposal);
      expect(await circle.state(id)).to.equal(ProposalState.Pending);
      await openVoting(circle);
      expect(await circle.state(id)).to.equal(ProposalState.Active);
      for (const voter of founders.slice(0, 3)) {
        await expect(circle.connect(voter).castVote(id, Vote.For))
          .to.emit(circle, "VoteCast")
          .withArgs(voter.address, id, Vote.For, 1n, "");
      }
      expect(await circle.proposalNeedsQueuing(id)).to.equal(false);
      await closeVoting(circle, id);
      expect(await circle.state(id)).to.equal(ProposalState.Succeeded);
      await expect(circle.execute(payment.targets, payment.values, payment.calldatas, payment.descriptionHash))
        .to.emit(circle, "ProposalExecuted")
        .withArgs(id);
      expect(await circle.state(id)).to.equal(ProposalState.Executed);
      expect(await token.balanceOf(outsiders[0]!.address)).to.equal(100n);
      await expect(
        circle.execute(payment.targets, payment.values, payment.calldatas, payment.descriptionHash),
      ).to.be.revertedWithCustomError(circle, "GovernorUnexpectedProposalState");
    });

    it("is Defeated when against outweighs for", async function () {
      const { circle, founders, id } = await networkHelpers.loadFixture(worldWithProposal);
      await openVoting(circle);
      await circle.connect(founders[0]!).castVote(id, Vote.For);
      await circle.connect(founders[1]!).castVote(id, Vote.Against);
      await circle.connect(founders[2]!).castVote(id, Vote.Against);
      await closeVoting(circle, id);
      expect(await circle.state(id)).to.equal(ProposalState.Defeated);
    });

    it("is Defeated without quorum, and Succeeded once quorum is met", async function () {
      const { circle, founders, id } = await networkHelpers.loadFixture(worldWithProposal);
      // Six members at 50%: three votes (for or abstain) make quorum.
      const electorate = await circle.proposalSnapshot(id);
      expect(await circle.quorum(electorate)).to.equal(3n);
      await openVoting(circle);
      await circle.connect(founders[0]!).castVote(id, Vote.For);
      await circle.connect(founders[1]!).castVote(id, Vote.For);
      await closeVoting(circle, id);
      expect(await circle.state(id)).to.equal(ProposalState.Defeated);
    });

    it("counts abstentions toward quorum but not toward the outcome", async function () {
      const { circle, founders, id } = await networkHelpers.loadFixture(worldWithProposal);
      await openVoting(circle);
      await circle.connect(founders[0]!).castVote(id, Vote.For);
      await expect(circle.connect(founders[1]!).castVoteWithReason(id, Vote.Abstain, "I have not read it"))
        .to.emit(circle, "VoteCast")
        .withArgs(founders[1]!.address, id, Vote.Abstain, 1n, "I have not read it");
      await circle.connect(founders[2]!).castVote(id, Vote.Abstain);
      await closeVoting(circle, id);
      expect(await circle.proposalVotes(id)).to.deep.equal([0n, 1n, 2n]);
      expect(await circle.state(id)).to.equal(ProposalState.Succeeded);
    });

    it("is Canceled when its proposer withdraws it while Pending, and not after", async function () {
      const { circle, founders, payment, id } = await networkHelpers.loadFixture(worldWithProposal);
      const args = [payment.targets, payment.values, payment.calldatas, payment.descriptionHash] as const;
      await expect(circle.connect(founders[1]!).cancel(...args))
        .to.be.revertedWithCustomError(circle, "GovernorUnableToCancel")
        .withArgs(id, founders[1]!.address);
      await expect(circle.connect(founders[0]!).cancel(...args))
        .to.emit(circle, "ProposalCanceled")
        .withArgs(id);
      expect(await circle.state(id)).to.equal(ProposalState.Canceled);
      await openVoting(circle);
      await expect(circle.connect(founders[0]!).castVote(id, Vote.For)).to.be.revertedWithCustomError(
        circle,
        "GovernorUnexpectedProposalState",
      );
    });

    it("is Expired when a succeeded proposal is not executed within the execution window", async function () {
      const { circle, founders, payment, id } = await networkHelpers.loadFixture(worldWithProposal);
      await openVoting(circle);
      for (const voter of founders.slice(0, 4)) await circle.connect(voter).castVote(id, Vote.For);
      await closeVoting(circle, id);
      const deadline = await circle.proposalDeadline(id);
      await time.increaseTo(deadline + BigInt(TEST_RULES.executionWindow));
      expect(await circle.state(id)).to.equal(ProposalState.Succeeded);
      await time.increase(1);
      expect(await circle.state(id)).to.equal(ProposalState.Expired);
      await expect(circle.execute(payment.targets, payment.values, payment.calldatas, payment.descriptionHash))
        .to.be.revertedWithCustomError(circle, "GovernorUnexpectedProposalState")
        .withArgs(id, ProposalState.Expired, ethers.toBeHex(1n << ProposalState.Succeeded, 32));
    });

    it("refuses proposals from non-members and unknown proposal ids", async function () {
      const { circle, outsiders } = await networkHelpers.loadFixture(circleWorld);
      const p = proposal([{ target: await circle.getAddress(), data: "0x" }], "Nothing");
      await expect(circle.connect(outsiders[0]!).propose(p.targets, p.values, p.calldatas, p.description))
        .to.be.revertedWithCustomError(circle, "GovernorInsufficientProposerVotes")
        .withArgs(outsiders[0]!.address, 0n, 1n);
      await expect(circle.state(42n)).to.be.revertedWithCustomError(circle, "GovernorNonexistentProposal");
    });
  });

  describe("electorate", function () {
    it("counts a member admitted before the proposal was made", async function () {
      const { circle, membership, founders, outsiders } = await networkHelpers.loadFixture(circleWorld);
      const newcomer = outsiders[0]!;
      await membership.connect(newcomer).requestAdmission();
      const admission = proposal(
        [
          {
            target: await membership.getAddress(),
            data: membership.interface.encodeFunctionData("admit", [newcomer.address]),
          },
        ],
        "Admit the newcomer",
      );
      await (await pass(circle, founders.slice(0, 3), admission)).execute();
      await time.increase(1);
      const later = proposal([{ target: await circle.getAddress(), data: "0x" }], "Later decision");
      const laterId = await propose(circle, founders[0]!, later);
      await openVoting(circle);
      await expect(circle.connect(newcomer).castVote(laterId, Vote.For)).to.emit(circle, "VoteCast");
      // Seven members now: quorum at 50% rounds down to three.
      expect(await circle.quorum(await circle.proposalSnapshot(laterId))).to.equal(3n);
    });

    it("refuses a vote from a member admitted during the voting delay", async function () {
      const { circle, membership, founders, outsiders } = await networkHelpers.loadFixture(circleWorld);
      const newcomer = outsiders[0]!;
      await membership.connect(newcomer).requestAdmission();
      // Admission first, so that it can be executed while the target proposal is still pending/active.
      const admission = proposal(
        [
          {
            target: await membership.getAddress(),
            data: membership.interface.encodeFunctionData("admit", [newcomer.address]),
          },
        ],
        "Admit the newcomer",
      );
      const admissionId = await propose(circle, founders[0]!, admission);
      await openVoting(circle);
      for (const voter of founders.slice(0, 3)) await circle.connect(voter).castVote(admissionId, Vote.For);
      // One second before the admission's voting closes, make the target proposal.
      await time.increaseTo(await circle.proposalDeadline(admissionId));
      const target = proposal([{ target: await circle.getAddress(), data: "0x" }], "Decided by the old circle");
      const targetId = await propose(circle, founders[1]!, target);
      await time.increase(1);
      await circle.execute(admission.targets, admission.values, admission.calldatas, admission.descriptionHash);
      expect(await membership.isMember(newcomer.address)).to.equal(true);
      // Voting on the target opens after its delay; the newcomer was admitted after it was made.
      await openVoting(circle);
      expect(await circle.state(targetId)).to.equal(ProposalState.Active);
      await expect(circle.connect(newcomer).castVote(targetId, Vote.For))
        .to.be.revertedWithCustomError(circle, "CircleNotInElectorate")
        .withArgs(targetId, newcomer.address);
      // The quorum base is the old six, not seven.
      expect(await circle.quorum(await circle.proposalSnapshot(targetId))).to.equal(3n);
      await expect(circle.connect(founders[2]!).castVote(targetId, Vote.For)).to.emit(circle, "VoteCast");
    });

    it("tells IGovernor clients the weight it counts: a member admitted during the voting delay has none at the snapshot", async function () {
      const { circle, membership, founders, outsiders } = await networkHelpers.loadFixture(circleWorld);
      const newcomer = outsiders[0]!;
      const target = proposal([{ target: await circle.getAddress(), data: "0x" }], "Decided by the old circle");
      const targetId = await propose(circle, founders[1]!, target);
      const madeAt = BigInt(await time.latest());
      // The snapshot is the second before the proposal; voting still opens after the voting delay.
      expect(await circle.proposalSnapshot(targetId)).to.equal(madeAt - 1n);
      expect(await circle.proposalVotingOpensAt(targetId)).to.equal(madeAt + BigInt(TEST_RULES.votingDelay));
      expect(await circle.state(targetId)).to.equal(ProposalState.Pending);
      await expect(circle.connect(founders[0]!).castVote(targetId, Vote.For)).to.be.revertedWithCustomError(
        circle,
        "GovernorUnexpectedProposalState",
      );
      // Admitted during the delay (as the circle's decision would), the newcomer reads 0 where a client looks.
      await membership.connect(newcomer).requestAdmission();
      await networkHelpers.impersonateAccount(await circle.getAddress());
      await networkHelpers.setBalance(await circle.getAddress(), 10n ** 18n);
      const asCircle = await ethers.getSigner(await circle.getAddress());
      await membership.connect(asCircle).admit(newcomer.address);
      await time.increaseTo(await circle.proposalVotingOpensAt(targetId));
      expect(await circle.state(targetId)).to.equal(ProposalState.Pending);
      await time.increase(1);
      expect(await circle.state(targetId)).to.equal(ProposalState.Active);
      const snapshot = await circle.proposalSnapshot(targetId);
      expect(await circle.getVotes(newcomer.address, snapshot)).to.equal(0n);
      expect(await circle.getVotes(founders[0]!.address, snapshot)).to.equal(1n);
      await expect(circle.connect(newcomer).castVote(targetId, Vote.For))
        .to.be.revertedWithCustomError(circle, "CircleNotInElectorate")
        .withArgs(targetId, newcomer.address);
      await expect(circle.connect(founders[0]!).castVote(targetId, Vote.For))
        .to.emit(circle, "VoteCast")
        .withArgs(founders[0]!.address, targetId, Vote.For, 1n, "");
    });

    it("refuses a vote from someone who left, and from someone who was never a member", async function () {
      const { circle, membership, founders, outsiders, id } = await networkHelpers.loadFixture(worldWithProposal);
      await openVoting(circle);
      await membership.connect(founders[5]!).leave();
      await expect(circle.connect(founders[5]!).castVote(id, Vote.For))
        .to.be.revertedWithCustomError(circle, "CircleNotInElectorate")
        .withArgs(id, founders[5]!.address);
      await expect(circle.connect(outsiders[0]!).castVote(id, Vote.For))
        .to.be.revertedWithCustomError(circle, "CircleNotInElectorate")
        .withArgs(id, outsiders[0]!.address);
      await circle.connect(founders[0]!).castVote(id, Vote.For);
      await expect(circle.connect(founders[0]!).castVote(id, Vote.Against)).to.be.revertedWithCustomError(
        circle,
        "GovernorAlreadyCastVote",
      );
    });
  });

  describe("voting by signature", function () {
    async function signBallot(
      signer: HardhatEthersSigner,
      circleAddress: string,
      proposalId: bigint,
      support: 0 | 1 | 2,
      nonce: bigint,
    ) {
      const { chainId } = await ethers.provider.getNetwork();
      return signer.signTypedData(
        ballotDomain("Garden Circle", chainId, circleAddress),
        { Ballot: [...BALLOT_TYPES.Ballot] },
        { proposalId, support, voter: signer.address, nonce } satisfies Ballot,
      );
    }

    it("counts a vote signed off-chain and submitted by anyone, and rejects its replay", async function () {
      const { circle, founders, outsiders, id } = await networkHelpers.loadFixture(worldWithProposal);
      await openVoting(circle);
      const voter = founders[3]!;
      const circleAddress = await circle.getAddress();
      const nonce = await circle.nonces(voter.address);
      const signature = await signBallot(voter, circleAddress, id, Vote.For, nonce);

      await expect(circle.connect(outsiders[0]!).castVoteBySig(id, Vote.For, voter.address, signature))
        .to.emit(circle, "VoteCast")
        .withArgs(voter.address, id, Vote.For, 1n, "");
      expect(await circle.hasVoted(id, voter.address)).to.equal(true);
      expect(await circle.nonces(voter.address)).to.equal(nonce + 1n);

      // Replaying the same signature: the nonce moved on, so it no longer recovers to the voter.
      await expect(circle.connect(outsiders[1]!).castVoteBySig(id, Vote.For, voter.address, signature))
        .to.be.revertedWithCustomError(circle, "GovernorInvalidSignature")
        .withArgs(voter.address);
      expect((await circle.proposalVotes(id))[1]).to.equal(1n);
    });

    it("rejects a signature made for another voter or another circle", async function () {
      const { circle, registry, founders, id } = await networkHelpers.loadFixture(worldWithProposal);
      await openVoting(circle);
      const voter = founders[3]!;
      const signature = await signBallot(voter, await registry.getAddress(), id, Vote.For, 0n);
      await expect(circle.castVoteBySig(id, Vote.For, voter.address, signature))
        .to.be.revertedWithCustomError(circle, "GovernorInvalidSignature")
        .withArgs(voter.address);
      const forged = await signBallot(founders[4]!, await circle.getAddress(), id, Vote.For, 0n);
      await expect(circle.castVoteBySig(id, Vote.For, voter.address, forged)).to.be.revertedWithCustomError(
        circle,
        "GovernorInvalidSignature",
      );
    });
  });

  describe("reversible charter", function () {
    it("blocks ordinary proposals once the charter lapses, and ratification restores them", async function () {
      const { circle, token, founders, outsiders } = await networkHelpers.loadFixture(circleWorld);
      const charter = await circle.charter();
      expect(await circle.charterLapsed()).to.equal(false);
      const payment = proposal(
        [
          {
            target: await token.getAddress(),
            data: token.interface.encodeFunctionData("transfer", [outsiders[0]!.address, 5n]),
          },
        ],
        "Pay for compost",
      );
      // Made before the lapse, executed after: still blocked.
      await time.increaseTo(charter.expiresAt - 2n * BigInt(TEST_RULES.votingPeriod));
      const paid = await pass(circle, founders.slice(0, 3), payment);
      await time.increaseTo(charter.expiresAt);
      expect(await circle.charterLapsed()).to.equal(true);
      await expect(paid.execute())
        .to.be.revertedWithCustomError(circle, "CircleCharterLapsed")
        .withArgs(charter.expiresAt, await token.getAddress(), token.interface.getFunction("transfer").selector);

      const newHash = ethers.id("charter v2");
      const ratification = proposal(
        [
          {
            target: await circle.getAddress(),
            data: circle.interface.encodeFunctionData("ratifyCharter", [newHash, "ipfs://v2"]),
          },
        ],
        "Re-ratify the charter",
      );
      const ratified = await pass(circle, founders.slice(0, 3), ratification);
      const tx = await ratified.execute();
      const expiresAt = BigInt(await time.latest()) + BigInt(TEST_RULES.charterTerm);
      await expect(tx).to.emit(circle, "CharterRatified").withArgs(newHash, "ipfs://v2", expiresAt);
      expect(await circle.charterLapsed()).to.equal(false);
      expect((await circle.charter()).expiresAt).to.equal(expiresAt);

      const again = proposal(
        payment.targets.map((target, i) => ({ target, data: payment.calldatas[i]! })),
        "Pay for compost again",
      );
      const paidAgain = await pass(circle, founders.slice(0, 3), again);
      await expect(paidAgain.execute()).to.emit(circle, "ProposalExecuted");
      expect(await token.balanceOf(outsiders[0]!.address)).to.equal(5n);
    });

    it("still lets a lapsed circle admit and remove members", async function () {
      const { circle, membership, founders, outsiders } = await networkHelpers.loadFixture(circleWorld);
      await time.increaseTo((await circle.charter()).expiresAt);
      await membership.connect(outsiders[0]!).requestAdmission();
      const changes = proposal(
        [
          {
            target: await membership.getAddress(),
            data: membership.interface.encodeFunctionData("admit", [outsiders[0]!.address]),
          },
          {
            target: await membership.getAddress(),
            data: membership.interface.encodeFunctionData("remove", [founders[5]!.address]),
          },
        ],
        "Membership while lapsed",
      );
      const passed = await pass(circle, founders.slice(0, 3), changes);
      await expect(passed.execute()).to.emit(membership, "MemberAdmitted").and.to.emit(membership, "MemberRemoved");
      expect(await membership.isMember(outsiders[0]!.address)).to.equal(true);
      expect(await membership.isMember(founders[5]!.address)).to.equal(false);
    });

    it("lets a lapsed circle dissolve, and refuses other proposals as they are made", async function () {
      const { circle, founders, token, outsiders } = await networkHelpers.loadFixture(circleWorld);
      await time.increaseTo((await circle.charter()).expiresAt);
      const relay = proposal(
        [
          {
            target: await circle.getAddress(),
            data: circle.interface.encodeFunctionData("relay", [
              await token.getAddress(),
              0n,
              token.interface.encodeFunctionData("transfer", [outsiders[0]!.address, 1n]),
            ]),
          },
        ],
        "Sneak a payment through relay",
      );
      // Refused when proposed, not only when executed.
      const charter = await circle.charter();
      await expect(
        circle.connect(founders[0]!).propose(relay.targets, relay.values, relay.calldatas, relay.description),
      )
        .to.be.revertedWithCustomError(circle, "CircleCharterLapsed")
        .withArgs(charter.expiresAt, await circle.getAddress(), circle.interface.getFunction("relay").selector);
      const dissolution = proposal(
        [{ target: await circle.getAddress(), data: circle.interface.encodeFunctionData("dissolve") }],
        "Dissolve",
      );
      const dissolved = await pass(circle, founders.slice(0, 3), dissolution);
      await expect(dissolved.execute()).to.emit(circle, "CircleDissolved");
    });

    it("refuses ratification except by the circle's decision", async function () {
      const { circle, founders } = await networkHelpers.loadFixture(circleWorld);
      await expect(circle.connect(founders[0]!).ratifyCharter(ethers.ZeroHash, CHARTER_URI))
        .to.be.revertedWithCustomError(circle, "GovernorOnlyExecutor")
        .withArgs(founders[0]!.address);
      await expect(circle.connect(founders[0]!).dissolve()).to.be.revertedWithCustomError(
        circle,
        "GovernorOnlyExecutor",
      );
    });
  });

  describe("dissolution", function () {
    it("cancels open proposals, refuses new ones and still lets members leave", async function () {
      const { circle, membership, founders } = await networkHelpers.loadFixture(circleWorld);
      const dissolution = proposal(
        [{ target: await circle.getAddress(), data: circle.interface.encodeFunctionData("dissolve") }],
        "We are done",
      );
      const passed = await pass(circle, founders.slice(0, 3), dissolution);
      const open = proposal([{ target: await circle.getAddress(), data: "0x" }], "Still open");
      const openId = await propose(circle, founders[1]!, open);
      expect(await circle.state(openId)).to.equal(ProposalState.Pending);
      await expect(passed.execute())
        .to.emit(circle, "CircleDissolved")
        .and.to.emit(circle, "HardReset")
        .withArgs(1n, [])
        .and.to.emit(circle, "ProposalCanceled")
        .withArgs(openId);
      expect(await circle.dissolved()).to.equal(true);
      expect(await circle.state(openId)).to.equal(ProposalState.Canceled);
      expect(await circle.state(passed.id)).to.equal(ProposalState.Executed);
      const p = proposal([{ target: await circle.getAddress(), data: "0x" }], "After the end");
      await expect(
        circle.connect(founders[0]!).propose(p.targets, p.values, p.calldatas, p.description),
      ).to.be.revertedWithCustomError(circle, "CircleIsDissolved");
      await expect(membership.connect(founders[1]!).leave()).to.emit(membership, "MemberLeft");
    });
  });
});
