// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

import {Circle} from "../../contracts/circles/Circle.sol";
import {CircleRegistry} from "../../contracts/circles/CircleRegistry.sol";
import {CircleRules} from "../../contracts/interfaces/ICircleRules.sol";
import {CircleRulesLib} from "../../contracts/libraries/CircleRulesLib.sol";
import {MockRandomness} from "../../contracts/mocks/MockRandomness.sol";
import {InvariantTest} from "./InvariantTest.sol";
import {GovernanceHandler} from "./handlers/GovernanceHandler.sol";

/// @notice Invariants of a circle's decisions under random sequences of proposals, votes, executions,
/// cancellations, requests to join, admissions and removals by decision, departures, hard resets (and their
/// cooldowns) and charter lapses, by honest
/// members, an adversarial minority and outsiders.
contract GovernanceInvariantTest is InvariantTest {
    GovernanceHandler private handler;

    /// @dev The one place the circle is set up: eight founders (six honest, two adversarial), room for twelve, a
    /// majority quorum, an hour's notice, a day to vote, two days to execute, a charter of eight days (so it lapses
    /// within a sequence), any three members reset, then wait 50 hours before signalling again.
    function setUp() public {
        vm.warp(1_000_000);
        CircleRegistry registry = _deployRegistry(address(new MockRandomness()));
        CircleRules memory rules = CircleRulesLib.defaults();
        rules.maxMembers = 12;
        rules.votingDelay = 1 hours;
        rules.votingPeriod = 1 days;
        rules.executionWindow = 2 days;
        rules.resetWindow = 1 days;
        rules.charterTerm = 8 days;
        // The shortest cooldown these rules allow (two rounds of an hour and a day), so resets recur in a sequence.
        rules.resetCooldown = 50 hours;
        Circle circle = _found(registry, 8, rules, CircleRulesLib.defaultMandateRules());
        vm.warp(1_000_001);
        handler = new GovernanceHandler(circle);
        bytes4[] memory actions = new bytes4[](10);
        actions[0] = GovernanceHandler.propose.selector;
        actions[1] = GovernanceHandler.vote.selector;
        actions[2] = GovernanceHandler.voteAgain.selector;
        actions[3] = GovernanceHandler.execute.selector;
        actions[4] = GovernanceHandler.cancel.selector;
        actions[5] = GovernanceHandler.leave.selector;
        actions[6] = GovernanceHandler.signalReset.selector;
        actions[7] = GovernanceHandler.pass.selector;
        actions[8] = GovernanceHandler.meet.selector;
        actions[9] = GovernanceHandler.requestAdmission.selector;
        _target(address(handler), actions);
    }

    // ------------------------------------------------------------------
    // Scenarios where Circle.state() used to move backwards, and now must not.
    // ------------------------------------------------------------------

    /// @notice A proposal canceled by a hard reset reads Canceled for good, also after its vote would have closed
    /// (it used to read Defeated then).
    function test_resetCanceledProposalStaysCanceled() public {
        handler.propose(0, 0, 0);
        _reset();
        assertEq(uint8(_state(0)), uint8(IGovernor.ProposalState.Canceled), "canceled by the reset");
        handler.pass(2 days);
        assertEq(uint8(_state(0)), uint8(IGovernor.ProposalState.Canceled), "still canceled after the vote closed");
        handler.pass(2 days);
        assertEq(uint8(_state(0)), uint8(IGovernor.ProposalState.Canceled), "still canceled after the window");
        assertEq(handler.backwardMoves(), 0, "no backward move seen");
    }

    /// @notice An expired proposal stays Expired through a later hard reset (it used to read Canceled then).
    function test_expiredProposalStaysExpiredAfterReset() public {
        handler.propose(0, 0, 0);
        handler.pass(2 hours);
        handler.meet(0, 0);
        handler.pass(1 days);
        assertEq(uint8(_state(0)), uint8(IGovernor.ProposalState.Succeeded), "succeeded");
        handler.pass(2 days);
        assertEq(uint8(_state(0)), uint8(IGovernor.ProposalState.Expired), "expired");
        _reset();
        assertEq(handler.governor().resetEpoch(), 1, "the reset happened");
        assertEq(uint8(_state(0)), uint8(IGovernor.ProposalState.Expired), "still expired after the reset");
        handler.execute(0, 0);
        assertEq(handler.executions(), 0, "and not executed");
        assertEq(handler.backwardMoves(), 0, "no backward move seen");
    }

    /// @notice An expired decision stays Expired, and cannot be executed, when a later decision lengthens the
    /// execution window: each proposal fixed the end of its window when it was made (it used to come back).
    function test_longerExecutionWindowDoesNotReviveAnExpiredDecision() public {
        handler.propose(0, 0, 0);
        handler.pass(2 hours);
        handler.meet(0, 0);
        handler.pass(1 days);
        handler.propose(0, 4, 3 days); // a new execution window of three days and an hour
        handler.pass(2 hours);
        handler.meet(1, 0);
        handler.pass(2 days - 2 hours);
        assertEq(uint8(_state(0)), uint8(IGovernor.ProposalState.Expired), "the first decision expired");
        handler.execute(0, 1);
        assertEq(uint8(_state(1)), uint8(IGovernor.ProposalState.Executed), "the longer window is in force");
        assertEq(uint8(_state(0)), uint8(IGovernor.ProposalState.Expired), "the expired decision stays expired");
        handler.execute(0, 0);
        assertEq(handler.executions(), 1, "and is not executed");
        assertEq(handler.backwardMoves(), 0, "no backward move seen");
    }

    /// @notice An outsider is admitted by decision only after asking, so the handler's admissions reach members.
    function test_anOutsiderWhoAskedIsAdmittedByDecision() public {
        handler.propose(0, 1, 8);
        handler.pass(2 hours);
        handler.meet(0, 0);
        handler.pass(1 days);
        handler.execute(0, 0);
        assertEq(handler.executions(), 0, "not admitted without asking");
        assertTrue(!handler.membership().isMember(_person(8)), "not a member");
        handler.requestAdmission(8);
        handler.propose(0, 1, 8);
        handler.pass(2 hours);
        handler.meet(3, 0);
        handler.pass(1 days);
        handler.execute(0, 2);
        assertTrue(handler.membership().isMember(_person(8)), "admitted after asking");
    }

    /// @dev Three members (the two adversaries and one more) signal: a hard reset.
    function _reset() private {
        handler.signalReset(6);
        handler.signalReset(7);
        handler.signalReset(0);
    }

    function _state(uint256 index) private view returns (IGovernor.ProposalState) {
        return handler.governor().state(handler.ids(index));
    }

    /// @notice Nothing executes without quorum and a majority (more for than against) of the electorate fixed when
    /// the proposal was made; only members of that electorate are counted; every effect comes from such a decision.
    function invariant_executedOnlyWithQuorumAndMajority() public view {
        string memory problem = handler.checkExecutedHadSupport();
        assertTrue(bytes(problem).length == 0, problem);
    }

    /// @notice No account's vote is counted twice on a proposal, whatever it tries (again, after leaving and
    /// rejoining, with another choice).
    function invariant_noOneVotesTwice() public view {
        string memory problem = handler.checkOneVoteEach();
        assertTrue(bytes(problem).length == 0, problem);
    }

    /// @notice A proposal's state never moves backwards, and a final state (Canceled, Defeated, Executed,
    /// Expired) never changes.
    function invariant_statesNeverMoveBackwards() public view {
        string memory problem = handler.checkStatesMoveForward();
        assertTrue(bytes(problem).length == 0, problem);
    }

    /// @notice No proposal is ever both executed and canceled.
    function invariant_neverExecutedAndCanceled() public view {
        string memory problem = handler.checkNeverExecutedAndCanceled();
        assertTrue(bytes(problem).length == 0, problem);
    }
}
