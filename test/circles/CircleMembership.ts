import { expect } from "chai";
import { network } from "hardhat";

import { TEST_RULES, Vote, circleFixtures } from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;
const { circleWorld, proposal, pass, propose, openVoting } = circleFixtures(connection);

const ERC721_ID = "0x80ac58cd";
const ERC5192_ID = "0xb45a3c0e";

function tokenIdOf(address: string): bigint {
  return BigInt(address);
}

describe("CircleMembership", function () {
  describe("one member, one vote", function () {
    it("gives each founder one locked token, keyed by their address, and one self-delegated vote", async function () {
      const { membership, founders } = await networkHelpers.loadFixture(circleWorld);
      for (const founder of founders) {
        expect(await membership.ownerOf(tokenIdOf(founder.address))).to.equal(founder.address);
        expect(await membership.locked(tokenIdOf(founder.address))).to.equal(true);
        expect(await membership.getVotes(founder.address)).to.equal(1n);
        expect(await membership.delegates(founder.address)).to.equal(founder.address);
      }
      expect(await membership.memberCount()).to.equal(6n);
      const now = await time.latest();
      expect(await membership.getPastTotalSupply(now - 1)).to.equal(6n);
      expect(await membership.supportsInterface(ERC721_ID)).to.equal(true);
      expect(await membership.supportsInterface(ERC5192_ID)).to.equal(true);
      expect(await membership.CLOCK_MODE()).to.equal("mode=timestamp");
      expect(await membership.symbol()).to.equal("MEMBER");
    });

    it("is soulbound: no transfer, no approval", async function () {
      const { membership, founders, outsiders } = await networkHelpers.loadFixture(circleWorld);
      const [ana] = founders;
      const id = tokenIdOf(ana!.address);
      await expect(membership.connect(ana!).transferFrom(ana!.address, outsiders[0]!.address, id))
        .to.be.revertedWithCustomError(membership, "CircleMembershipSoulbound")
        .withArgs(id);
      await expect(
        membership.connect(ana!)["safeTransferFrom(address,address,uint256)"](ana!.address, outsiders[0]!.address, id),
      ).to.be.revertedWithCustomError(membership, "CircleMembershipSoulbound");
      await expect(membership.connect(ana!).approve(outsiders[0]!.address, id))
        .to.be.revertedWithCustomError(membership, "CircleMembershipSoulbound")
        .withArgs(id);
      await expect(
        membership.connect(ana!).setApprovalForAll(outsiders[0]!.address, true),
      ).to.be.revertedWithCustomError(membership, "CircleMembershipSoulbound");
      await expect(membership.locked(tokenIdOf(outsiders[0]!.address))).to.be.revertedWithCustomError(
        membership,
        "ERC721NonexistentToken",
      );
    });

    it("refuses delegation of votes", async function () {
      const { membership, founders } = await networkHelpers.loadFixture(circleWorld);
      await expect(membership.connect(founders[0]!).delegate(founders[1]!.address)).to.be.revertedWithCustomError(
        membership,
        "CircleMembershipDelegationDisabled",
      );
      await expect(
        membership.delegateBySig(founders[1]!.address, 0n, 0n, 27, ethers.ZeroHash, ethers.ZeroHash),
      ).to.be.revertedWithCustomError(membership, "CircleMembershipDelegationDisabled");
      expect(await membership.getVotes(founders[1]!.address)).to.equal(1n);
    });
  });

  describe("admission and removal by decision", function () {
    it("admits a member by a passed proposal, with a vote from then on", async function () {
      const { circle, membership, founders, outsiders } = await networkHelpers.loadFixture(circleWorld);
      const newcomer = outsiders[0]!;
      await expect(membership.connect(newcomer).requestAdmission())
        .to.emit(membership, "AdmissionRequested")
        .withArgs(newcomer.address);
      const admission = proposal(
        [
          {
            target: await membership.getAddress(),
            data: membership.interface.encodeFunctionData("admit", [newcomer.address]),
          },
        ],
        "Admit Dan",
      );
      const passed = await pass(circle, founders.slice(0, 3), admission);
      await expect(passed.execute())
        .to.emit(membership, "MemberAdmitted")
        .withArgs(newcomer.address, 7n)
        .and.to.emit(membership, "Locked")
        .withArgs(tokenIdOf(newcomer.address));
      expect(await membership.isMember(newcomer.address)).to.equal(true);
      expect(await membership.getVotes(newcomer.address)).to.equal(1n);
    });

    it("refuses admission and removal except by the circle", async function () {
      const { membership, founders, outsiders } = await networkHelpers.loadFixture(circleWorld);
      await expect(membership.connect(founders[0]!).admit(outsiders[0]!.address))
        .to.be.revertedWithCustomError(membership, "CircleMembershipOnlyCircle")
        .withArgs(founders[0]!.address);
      await expect(membership.connect(founders[0]!).remove(founders[1]!.address))
        .to.be.revertedWithCustomError(membership, "CircleMembershipOnlyCircle")
        .withArgs(founders[0]!.address);
    });

    it("a circle's decision cannot make someone a member who never asked", async function () {
      const { circle, membership, founders, outsiders } = await networkHelpers.loadFixture(circleWorld);
      const unwilling = outsiders[0]!;
      const target = await membership.getAddress();
      const data = membership.interface.encodeFunctionData("admit", [unwilling.address]);
      const passed = await pass(circle, founders.slice(0, 3), proposal([{ target, data }], "Enlist Dan"));
      await expect(passed.execute())
        .to.be.revertedWithCustomError(membership, "CircleMembershipNotRequested")
        .withArgs(unwilling.address);
      expect(await membership.isMember(unwilling.address)).to.equal(false);
      expect(await membership.getVotes(unwilling.address)).to.equal(0n);
    });

    it("lets a person ask to join and withdraw the request; a withdrawn or used request admits no one", async function () {
      const { circle, membership, founders, outsiders } = await networkHelpers.loadFixture(circleWorld);
      const [dan, eve] = [outsiders[0]!, outsiders[1]!];
      await expect(membership.connect(founders[0]!).requestAdmission())
        .to.be.revertedWithCustomError(membership, "CircleMembershipAlreadyMember")
        .withArgs(founders[0]!.address);
      await expect(membership.connect(dan).withdrawRequest())
        .to.be.revertedWithCustomError(membership, "CircleMembershipNotRequested")
        .withArgs(dan.address);
      await membership.connect(dan).requestAdmission();
      await expect(membership.connect(dan).requestAdmission())
        .to.be.revertedWithCustomError(membership, "CircleMembershipAlreadyRequested")
        .withArgs(dan.address);
      await expect(membership.connect(dan).withdrawRequest())
        .to.emit(membership, "AdmissionRequestWithdrawn")
        .withArgs(dan.address);
      expect(await membership.hasRequestedAdmission(dan.address)).to.equal(false);
      const target = await membership.getAddress();
      const admit = (who: string) => ({ target, data: membership.interface.encodeFunctionData("admit", [who]) });
      const withdrawn = await pass(circle, founders.slice(0, 3), proposal([admit(dan.address)], "Admit Dan"));
      await expect(withdrawn.execute())
        .to.be.revertedWithCustomError(membership, "CircleMembershipNotRequested")
        .withArgs(dan.address);
      // A request is used up by its admission: after leaving, joining again takes a new request.
      await membership.connect(eve).requestAdmission();
      await (await pass(circle, founders.slice(0, 3), proposal([admit(eve.address)], "Admit Eve"))).execute();
      expect(await membership.hasRequestedAdmission(eve.address)).to.equal(false);
      await membership.connect(eve).leave();
      const again = await pass(circle, founders.slice(0, 3), proposal([admit(eve.address)], "Admit Eve again"));
      await expect(again.execute())
        .to.be.revertedWithCustomError(membership, "CircleMembershipNotRequested")
        .withArgs(eve.address);
    });

    it("refuses admitting an existing member, the zero address, or past the maximum size", async function () {
      const { circle, membership, founders, outsiders } = await networkHelpers.loadFixture(circleWorld);
      const target = await membership.getAddress();
      const admit = (who: string) => ({ target, data: membership.interface.encodeFunctionData("admit", [who]) });

      const duplicate = await pass(circle, founders.slice(0, 3), proposal([admit(founders[1]!.address)], "Dup"));
      await expect(duplicate.execute())
        .to.be.revertedWithCustomError(membership, "CircleMembershipAlreadyMember")
        .withArgs(founders[1]!.address);
      const zero = await pass(circle, founders.slice(0, 3), proposal([admit(ethers.ZeroAddress)], "Zero"));
      await expect(zero.execute()).to.be.revertedWithCustomError(membership, "CircleMembershipZeroAddress");

      // Six founders, maximum ten: four admissions fit, the fifth does not, and the whole batch reverts.
      for (const o of outsiders.slice(0, 5)) await membership.connect(o).requestAdmission();
      const five = outsiders.slice(0, 5).map((o) => admit(o.address));
      const tooMany = await pass(circle, founders.slice(0, 3), proposal(five, "Five at once"));
      await expect(tooMany.execute())
        .to.be.revertedWithCustomError(membership, "CircleMembershipFull")
        .withArgs(TEST_RULES.maxMembers);
      expect(await membership.memberCount()).to.equal(6n);
      const four = await pass(circle, founders.slice(0, 3), proposal(five.slice(0, 4), "Four at once"));
      await four.execute();
      expect(await membership.memberCount()).to.equal(10n);
    });

    it("removes a member by a passed proposal, taking their vote", async function () {
      const { circle, membership, founders } = await networkHelpers.loadFixture(circleWorld);
      const removed = founders[5]!;
      const removal = proposal(
        [
          {
            target: await membership.getAddress(),
            data: membership.interface.encodeFunctionData("remove", [removed.address]),
          },
        ],
        "Remove F",
      );
      const passed = await pass(circle, founders.slice(0, 3), removal);
      await expect(passed.execute()).to.emit(membership, "MemberRemoved").withArgs(removed.address, 5n);
      expect(await membership.isMember(removed.address)).to.equal(false);
      expect(await membership.getVotes(removed.address)).to.equal(0n);
      expect(await membership.balanceOf(removed.address)).to.equal(0n);

      const again = await pass(
        circle,
        founders.slice(0, 3),
        proposal([{ target: removal.targets[0]!, data: removal.calldatas[0]! }], "Remove F again"),
      );
      await expect(again.execute())
        .to.be.revertedWithCustomError(membership, "CircleMembershipNotMember")
        .withArgs(removed.address);
    });
  });

  describe("leaving", function () {
    it("lets a member leave at once, with no vote, even while proposals are open", async function () {
      const { circle, membership, founders } = await networkHelpers.loadFixture(circleWorld);
      const open = await propose(
        circle,
        founders[0]!,
        proposal([{ target: await circle.getAddress(), data: "0x" }], "Open"),
      );
      await openVoting(circle);
      const leaver = founders[4]!;
      await expect(membership.connect(leaver).leave()).to.emit(membership, "MemberLeft").withArgs(leaver.address, 5n);
      expect(await membership.isMember(leaver.address)).to.equal(false);
      expect(await membership.getVotes(leaver.address)).to.equal(0n);
      expect(await membership.members()).to.not.include(leaver.address);
      // The proposal's electorate is still the six who were there when it was made.
      expect(await circle.quorum(await circle.proposalSnapshot(open))).to.equal(3n);
      await expect(membership.connect(leaver).leave())
        .to.be.revertedWithCustomError(membership, "CircleMembershipNotMember")
        .withArgs(leaver.address);
    });

    it("lets a former member be admitted again", async function () {
      const { circle, membership, founders } = await networkHelpers.loadFixture(circleWorld);
      const returning = founders[5]!;
      await membership.connect(returning).leave();
      await membership.connect(returning).requestAdmission();
      const readmission = proposal(
        [
          {
            target: await membership.getAddress(),
            data: membership.interface.encodeFunctionData("admit", [returning.address]),
          },
        ],
        "Welcome back",
      );
      const passed = await pass(circle, founders.slice(0, 3), readmission);
      await passed.execute();
      expect(await membership.getVotes(returning.address)).to.equal(1n);
      const later = await propose(
        circle,
        founders[0]!,
        proposal([{ target: await circle.getAddress(), data: "0x" }], "Later"),
      );
      await openVoting(circle);
      await expect(circle.connect(returning).castVote(later, Vote.For)).to.emit(circle, "VoteCast");
    });
  });
});
