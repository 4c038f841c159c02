// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

import {Circle} from "../../../contracts/circles/Circle.sol";
import {CircleMembership} from "../../../contracts/circles/CircleMembership.sol";
import {CircleRituals} from "../../../contracts/circles/CircleRituals.sol";
import {CircleRules} from "../../../contracts/interfaces/ICircleRules.sol";
import {GovernorWatch} from "./GovernorWatch.sol";

/// @notice The actions of a circle's members and of outsiders: proposals of every kind a circle makes about itself,
/// votes, executions, cancellations, departures, reset signals and the passing of time (which opens and closes
/// votes, expires decisions and lets the charter lapse).
/// @dev People 0-5 are honest founders, 6 and 7 an adversarial minority of founders (they vote against, propose
/// removals, signal resets and try every vote again), 8-11 outsiders who may be admitted by decision.
contract GovernanceHandler is GovernorWatch {
    uint256 public constant PEOPLE = 12;
    uint256 public constant ADVERSARIES_FROM = 6;
    uint256 public constant OUTSIDERS_FROM = 8;

    CircleMembership public immutable membership;
    CircleRituals public immutable rituals;

    constructor(Circle circle) GovernorWatch(circle, CircleMembership(circle.membership())) {
        membership = CircleMembership(circle.membership());
        rituals = CircleRituals(circle.rituals());
    }

    /// @notice Anyone proposes: a decision to record, an admission, a removal, a charter renewal or a new execution
    /// window. Outsiders and departed members are refused.
    function propose(uint256 who, uint256 kind, uint256 subject) external {
        address proposer = _person(who % PEOPLE);
        address person = _person(subject % PEOPLE);
        kind %= 5;
        if (kind == 0) {
            _proposeRecord(proposer);
        } else if (kind == 1) {
            (address callee, bytes memory data) = _admission(person);
            _propose(proposer, callee, data, 0);
        } else if (kind == 2) {
            _propose(proposer, address(membership), abi.encodeCall(membership.remove, (person)), 0);
        } else if (kind == 3) {
            _propose(proposer, address(governor), abi.encodeCall(governor.ratifyCharter, (bytes32(subject), "")), 0);
        } else {
            CircleRules memory rules = governor.rules();
            rules.executionWindow = uint32(1 hours + (subject % 4 days));
            _propose(proposer, address(governor), abi.encodeCall(governor.updateRules, (rules)), 0);
        }
        _observe();
    }

    /// @notice Anyone votes on a proposal; the adversarial minority always votes against.
    function vote(uint256 who, uint256 which, uint8 support) external {
        uint256 i = who % PEOPLE;
        bool adversary = i >= ADVERSARIES_FROM && i < OUTSIDERS_FROM;
        _vote(_person(i), which, adversary ? 0 : support);
        _observe();
    }

    /// @notice The circle meets about one proposal: everyone tries to vote, honest members mostly for (some abstain,
    /// some against, some stay away), the adversaries against, outsiders and departed members too (and are refused).
    function meet(uint256 which, uint256 seed) external {
        for (uint256 i = 0; i < PEOPLE; ++i) {
            uint256 mood = (seed >> (8 * i)) % 8;
            if (mood == 7) continue;
            bool adversary = i >= ADVERSARIES_FROM && i < OUTSIDERS_FROM;
            _vote(_person(i), which, adversary || mood == 6 ? 0 : (mood == 5 ? 2 : 1));
        }
        _observe();
    }

    /// @notice An adversary (or anyone who already voted) tries to vote again, with another choice.
    function voteAgain(uint256 which, uint256 voter, uint8 support) external {
        if (ids.length == 0) return;
        address[] memory voters = _tracks[ids[_proposalIndex(which, IGovernor.ProposalState.Active)]].voters;
        if (voters.length == 0) return;
        _vote(voters[voter % voters.length], which, support + 1);
        _observe();
    }

    /// @notice Anyone tries to execute a proposal.
    function execute(uint256 who, uint256 which) external {
        _execute(_person(who % PEOPLE), which);
        _observe();
    }

    /// @notice The proposer or someone else tries to cancel a proposal.
    function cancel(uint256 who, uint256 which, bool byProposer) external {
        if (ids.length == 0) return;
        address caller = byProposer ? _tracks[ids[(which / 2) % ids.length]].proposer : _person(who % PEOPLE);
        _cancel(caller, which);
        _observe();
    }

    /// @notice Someone asks to join (an outsider, or a departed member who wants back in): admission by decision
    /// then works once.
    function requestAdmission(uint256 who) external {
        vm.prank(_person(who % PEOPLE));
        try membership.requestAdmission() {} catch {}
        _observe();
    }

    /// @notice A member leaves (while at least four remain, so the circle can still decide).
    function leave(uint256 who) external {
        address member = _person(who % PEOPLE);
        if (!membership.isMember(member) || membership.memberCount() <= 4) return;
        vm.prank(member);
        membership.leave();
        _observe();
    }

    /// @notice Anyone signals for a hard reset; three members' signals within the window cancel every open proposal.
    function signalReset(uint256 who) external {
        vm.prank(_person(who % PEOPLE));
        try rituals.signalReset() {} catch {}
        _observe();
    }

    /// @notice Time passes: up to two days at once (votes open and close, decisions expire, the charter lapses).
    function pass(uint256 seconds_) external {
        _pass(seconds_, 2 days);
        _observe();
    }

    /// @dev The decision that admits `person` (it takes effect only if `person` asked, see {requestAdmission}).
    function _admission(address person) internal view returns (address callee, bytes memory data) {
        return (address(membership), abi.encodeCall(membership.admit, (person)));
    }

    function _independentQuorum(uint256 timepoint) internal view override returns (uint256) {
        return (membership.getPastTotalSupply(timepoint) * governor.rules().quorumPercent) / 100;
    }
}
