// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";

import {Circle} from "../../../contracts/circles/Circle.sol";
import {CircleMembership} from "../../../contracts/circles/CircleMembership.sol";
import {CouncilSeats} from "../../../contracts/federation/CouncilSeats.sol";
import {IMandates} from "../../../contracts/interfaces/IMandates.sol";
import {Mandates} from "../../../contracts/mandates/Mandates.sol";
import {GovernorWatch} from "./GovernorWatch.sol";

/// @notice The actions around one council: member circles request seats and are admitted by the council's decision
/// (or, while the council is open by its decision, seated on probation), appoint delegates for terms that run out,
/// hand their seats back or leave; members leave and rejoin circles (a circle under three members has a seat that
/// does not count); circles propose, vote and execute in the council through their delegates; time passes, leaving
/// seats vacant as delegate mandates expire and ending probations.
/// @dev Circles 0-3 are honest (circle 3 has three members); circle 4 is adversarial (it votes against, tries every
/// vote again and proposes to remove others). A circle acts in the council as itself (what its delegate's mandate
/// makes it do), so the handler pranks the circle; a vote counts only while the circle's seat counts (its delegate
/// mandate is live, it had three members a second before, it is out of probation).
contract CouncilHandler is GovernorWatch {
    uint256 public constant CIRCLES = 5;
    uint256 public constant ADVERSARY = 4;

    CouncilSeats public immutable seats;
    Circle[CIRCLES] private _circles;

    constructor(
        Circle council,
        Circle[CIRCLES] memory circles
    ) GovernorWatch(council, CouncilSeats(council.membership())) {
        seats = CouncilSeats(council.membership());
        _circles = circles;
    }

    /// @notice A circle asks for a seat (admission still needs the council's decision).
    function requestSeat(uint256 which) external {
        vm.prank(address(_circle(which)));
        try seats.requestSeat() {} catch {}
        _observe();
    }

    /// @notice A circle appoints one of its members its delegate, for one hour to six days.
    function appoint(uint256 which, uint256 member, uint256 duration) external {
        _appoint(_circle(which), member % 6, uint32(1 hours + (duration % 6 days)));
        _observe();
    }

    /// @notice A circle's delegate hands the mandate back, leaving the seat vacant.
    function handBack(uint256 which) external {
        Circle circle = _circle(which);
        Mandates mandates = Mandates(circle.mandates());
        (address holder, uint256 mandateId) = mandates.holderOf(seats.delegateRoleId());
        if (holder == address(0)) return;
        vm.prank(holder);
        try mandates.handBack(mandateId) {} catch {}
        _observe();
    }

    /// @notice A circle leaves the council (while at least two seats remain).
    function leaveCouncil(uint256 which) external {
        address circle = address(_circle(which));
        if (!seats.hasSeat(circle) || seats.memberCount() <= 2) return;
        vm.prank(circle);
        seats.leave();
        _observe();
    }

    /// @notice A circle proposes: a decision to record, to admit a circle that asked, to remove one, or to open or
    /// close the council to open join.
    function propose(uint256 which, uint256 kind, uint256 subject) external {
        address proposer = address(_circle(which));
        address other = address(_circle(subject));
        kind %= 4;
        if (which % CIRCLES == ADVERSARY && kind == 0) kind = 2;
        if (kind == 0) _proposeRecord(proposer);
        else if (kind == 1) _propose(proposer, address(seats), abi.encodeCall(seats.admit, (other)), 0);
        else if (kind == 2) _propose(proposer, address(seats), abi.encodeCall(seats.remove, (other)), 0);
        else _propose(proposer, address(seats), abi.encodeCall(seats.setOpenJoin, (subject % 2 == 0)), 0);
        _observe();
    }

    /// @notice A member leaves a circle, or someone of its people who is not a member asks to join and is admitted
    /// by its decision: circle 3 goes below three members and back, so its seat stops and starts counting.
    function churn(uint256 which, uint256 member) external {
        Circle circle = _circle(which);
        CircleMembership membership = CircleMembership(circle.membership());
        address person = _memberOf(circle, member % 6);
        if (membership.isMember(person)) {
            vm.prank(person);
            try membership.leave() {} catch {}
        } else {
            vm.prank(person);
            try membership.requestAdmission() {} catch {}
            vm.prank(address(circle));
            try membership.admit(person) {} catch {}
        }
        _observe();
    }

    /// @notice A circle votes; the adversary always against.
    function vote(uint256 which, uint256 proposal, uint8 support) external {
        _vote(address(_circle(which)), proposal, which % CIRCLES == ADVERSARY ? 0 : support);
        _observe();
    }

    /// @notice The council meets about one proposal: every circle tries to vote, honest ones mostly for.
    function meet(uint256 proposal, uint256 seed) external {
        for (uint256 i = 0; i < CIRCLES; ++i) {
            uint256 mood = (seed >> (8 * i)) % 8;
            if (mood == 7) continue;
            _vote(address(_circles[i]), proposal, i == ADVERSARY || mood == 6 ? 0 : (mood == 5 ? 2 : 1));
        }
        _observe();
    }

    /// @notice A circle that voted tries to vote again, with another choice.
    function voteAgain(uint256 proposal, uint256 voter, uint8 support) external {
        if (ids.length == 0) return;
        address[] memory voters = _tracks[ids[_proposalIndex(proposal, IGovernor.ProposalState.Active)]].voters;
        if (voters.length == 0) return;
        _vote(voters[voter % voters.length], proposal, support + 1);
        _observe();
    }

    /// @notice Anyone tries to execute a council proposal.
    function execute(uint256 who, uint256 proposal) external {
        _execute(_person(who % 8), proposal);
        _observe();
    }

    /// @notice Time passes: up to a day at once (votes close, delegate terms run out).
    function pass(uint256 seconds_) external {
        _pass(seconds_, 1 days);
        _observe();
    }

    /// @notice Member circle `which`.
    function circleAt(uint256 which) external view returns (Circle) {
        return _circle(which);
    }

    /// @dev The one place a circle grants its delegate mandate: by its own decision (the handler pranks the circle).
    function _appoint(Circle circle, uint256 member, uint32 duration) internal {
        IMandates.Power[] memory powers = new IMandates.Power[](3);
        powers[0] = IMandates.Power(address(governor), governor.castVote.selector, 0, 0);
        powers[1] = IMandates.Power(address(governor), governor.propose.selector, 0, 0);
        powers[2] = IMandates.Power(address(seats), seats.requestSeat.selector, 0, 0);
        IMandates.MandateSpec memory spec = IMandates.MandateSpec({
            role: seats.delegateRole(),
            title: "Delegate",
            scopeHash: bytes32(0),
            duration: duration,
            powers: powers
        });
        address holder = _memberOf(circle, member);
        Mandates mandates = Mandates(circle.mandates());
        vm.prank(address(circle));
        try mandates.grant(spec, holder) {} catch {}
    }

    /// @dev Member `i` of a circle: circle k's founders are people 100k to 100k + 5.
    function _memberOf(Circle circle, uint256 i) internal view returns (address) {
        for (uint256 k = 0; k < CIRCLES; ++k) if (_circles[k] == circle) return _person(100 * k + i);
        return address(0);
    }

    function _circle(uint256 which) internal view returns (Circle) {
        return _circles[which % CIRCLES];
    }

    /// @dev The council's quorum base is the seats that count when a proposal is made, counted here seat by seat.
    function _independentQuorum(uint256) internal view override returns (uint256 counted) {
        for (uint256 k = 0; k < CIRCLES; ++k) if (_seatCounts(address(_circles[k]))) ++counted;
        counted = (counted * governor.rules().quorumPercent) / 100;
    }

    /// @dev A vote that went through must come from a seat that counts now.
    function _mayVote(address voter) internal view override returns (bool) {
        return _seatCounts(voter);
    }

    /// @dev Whether `circle`'s seat counts now, read from its parts rather than from the seats' own answer: the seat
    /// is held, the circle had at least three members a second ago, its delegate mandate is live, and any probation
    /// has ended.
    function _seatCounts(address circle) internal view returns (bool) {
        if (!seats.hasSeat(circle)) return false;
        if (IVotes(Circle(payable(circle)).membership()).getPastTotalSupply(block.timestamp - 1) < 3) return false;
        (address delegate, ) = Mandates(Circle(payable(circle)).mandates()).holderOf(seats.delegateRoleId());
        return delegate != address(0) && block.timestamp >= seats.probationEndsAt(circle);
    }
}
