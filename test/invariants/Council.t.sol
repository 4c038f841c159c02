// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Circle} from "../../contracts/circles/Circle.sol";
import {CircleRegistry} from "../../contracts/circles/CircleRegistry.sol";
import {CouncilSeats} from "../../contracts/federation/CouncilSeats.sol";
import {ICircleRegistry} from "../../contracts/interfaces/ICircleRegistry.sol";
import {CircleRules, MandateRules} from "../../contracts/interfaces/ICircleRules.sol";
import {CircleRulesLib} from "../../contracts/libraries/CircleRulesLib.sol";
import {MockRandomness} from "../../contracts/mocks/MockRandomness.sol";
import {InvariantTest} from "./InvariantTest.sol";
import {CouncilHandler} from "./handlers/CouncilHandler.sol";

/// @notice Invariants of a council's decisions under random seat requests, admissions and removals by decision,
/// the council opening and closing itself to open join (seats on probation), delegate appointments that expire or
/// are handed back (vacancies), member circles shrinking below three and growing back, departures, proposals, votes
/// and executions.
contract CouncilInvariantTest is InvariantTest {
    CouncilHandler private handler;

    /// @dev The one place the federation is set up: five circles of six, but the fourth of three (the smallest that
    /// may hold a seat), a council founded by the first (closed: a seat needs the council's decision, until the
    /// council opens it by decision, and then a seat taken by open join waits out a probation), the second and third
    /// admitted by decision a second after the circles were founded (a seat needs three members a second before),
    /// every seat with a delegate.
    function setUp() public {
        vm.warp(1_000_000);
        CircleRegistry registry = _deployRegistry(address(new MockRandomness()));
        MandateRules memory mandateRules = CircleRulesLib.defaultMandateRules();
        CircleRules memory circleRules = CircleRulesLib.defaults();
        circleRules.minMembers = 3;
        Circle[5] memory circles;
        for (uint256 k = 0; k < 5; ++k) {
            uint256 size = k == 3 ? 3 : 6;
            circles[k] = _foundFrom(registry, 100 * k, size, circleRules, mandateRules);
        }
        vm.warp(1_000_001);
        CircleRules memory councilRules = CircleRulesLib.defaults();
        councilRules.minMembers = 1;
        councilRules.maxMembers = 8;
        councilRules.votingDelay = 1 hours;
        councilRules.votingPeriod = 1 days;
        councilRules.executionWindow = 2 days;
        vm.prank(address(circles[0]));
        Circle council = Circle(
            payable(
                registry.createCouncil(
                    ICircleRegistry.CouncilFounding({name: "Council", charterHash: 0, charterURI: "", openJoin: false}),
                    councilRules,
                    mandateRules
                )
            )
        );
        CouncilSeats seats = CouncilSeats(council.membership());
        for (uint256 k = 1; k < 3; ++k) {
            vm.prank(address(circles[k]));
            seats.requestSeat();
            vm.prank(address(council));
            seats.admit(address(circles[k]));
        }
        vm.warp(1_000_002);
        handler = new CouncilHandler(council, circles);
        for (uint256 k = 0; k < 3; ++k) handler.appoint(k, 0, 4 days);
        bytes4[] memory actions = new bytes4[](11);
        actions[0] = CouncilHandler.requestSeat.selector;
        actions[1] = CouncilHandler.appoint.selector;
        actions[2] = CouncilHandler.handBack.selector;
        actions[3] = CouncilHandler.leaveCouncil.selector;
        actions[4] = CouncilHandler.propose.selector;
        actions[5] = CouncilHandler.vote.selector;
        actions[6] = CouncilHandler.meet.selector;
        actions[7] = CouncilHandler.voteAgain.selector;
        actions[8] = CouncilHandler.execute.selector;
        actions[9] = CouncilHandler.pass.selector;
        actions[10] = CouncilHandler.churn.selector;
        _target(address(handler), actions);
    }

    /// @notice The set-up seats count: a decision of the council passes and executes, so the campaigns reach
    /// executions rather than checking an idle council.
    function test_setUpSeatsDecide() public {
        handler.propose(0, 0, 0);
        handler.pass(2 hours);
        handler.meet(0, 0);
        handler.pass(1 days);
        handler.execute(0, 0);
        assertEq(handler.executions(), 1, "the decision executed");
    }

    /// @notice Once the council opens itself by decision, a circle that takes a seat (circle 3, of three members)
    /// cannot propose until its probation (two rounds of an hour and a day) has passed; then it can.
    function test_openJoinSeatWaitsOutProbation() public {
        handler.propose(0, 3, 0);
        handler.pass(2 hours);
        handler.meet(0, 0);
        handler.pass(1 days);
        handler.execute(0, 0);
        assertTrue(handler.seats().openJoin(), "the council opened itself");
        handler.appoint(3, 0, 5 days);
        handler.requestSeat(3);
        assertTrue(handler.seats().onProbation(address(handler.circleAt(3))), "seated on probation");
        handler.propose(3, 0, 0);
        assertEq(handler.proposalCount(), 1, "no proposal while on probation");
        handler.pass(1 days);
        handler.pass(1 days);
        handler.pass(2 hours);
        handler.propose(3, 0, 0);
        assertEq(handler.proposalCount(), 2, "a proposal once the probation is over");
    }

    /// @notice Nothing a council executes lacks quorum (of the seats that counted when proposed: filled, of circles of
    /// three or more, out of probation) and more votes for than against, counting only circles that held a seat when
    /// the proposal was made and whose seat counted when they voted; every effect comes from one.
    function invariant_councilExecutesOnlyWithQuorumAndMajority() public view {
        string memory problem = handler.checkExecutedHadSupport();
        assertTrue(bytes(problem).length == 0, problem);
    }

    /// @notice No circle's vote is counted twice in the council, whoever its delegate is by then.
    function invariant_councilNoDoubleVote() public view {
        string memory problem = handler.checkOneVoteEach();
        assertTrue(bytes(problem).length == 0, problem);
    }

    /// @notice A council proposal's state never moves backwards, and a final state never changes.
    function invariant_councilStatesNeverMoveBackwards() public view {
        string memory problem = handler.checkStatesMoveForward();
        assertTrue(bytes(problem).length == 0, problem);
    }

    /// @notice No council proposal is both executed and canceled.
    function invariant_councilNeverExecutedAndCanceled() public view {
        string memory problem = handler.checkNeverExecutedAndCanceled();
        assertTrue(bytes(problem).length == 0, problem);
    }
}
