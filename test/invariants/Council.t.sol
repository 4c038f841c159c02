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
/// delegate appointments that expire or are handed back (vacancies), departures, proposals, votes and executions.
contract CouncilInvariantTest is InvariantTest {
    CouncilHandler private handler;

    /// @dev The one place the federation is set up: five circles of six, a council founded by the first (closed:
    /// a seat needs the council's decision), the second and third admitted at once, every seat with a delegate.
    function setUp() public {
        vm.warp(1_000_000);
        CircleRegistry registry = _deployRegistry(address(new MockRandomness()));
        MandateRules memory mandateRules = CircleRulesLib.defaultMandateRules();
        Circle[5] memory circles;
        for (uint256 k = 0; k < 5; ++k) circles[k] = _foundOffset(registry, 100 * k, mandateRules);
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
        vm.warp(1_000_001);
        handler = new CouncilHandler(council, circles);
        for (uint256 k = 0; k < 3; ++k) handler.appoint(k, 0, 4 days);
        bytes4[] memory actions = new bytes4[](10);
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
        _target(address(handler), actions);
    }

    /// @notice Nothing a council executes lacks quorum (of the seats filled when proposed) and more votes for than
    /// against, counting only circles that held a seat when the proposal was made; every effect comes from one.
    function invariant_councilExecutesOnlyWithQuorumAndMajority() public view {
        string memory problem = handler.checkExecutedHadSupport();
        assertTrue(bytes(problem).length == 0, problem);
    }

    /// @notice No circle's vote is counted twice in the council, whoever its delegate is by then.
    function invariant_councilNoDoubleVote() public view {
        string memory problem = handler.checkOneVoteEach();
        assertTrue(bytes(problem).length == 0, problem);
    }

    /// @notice A council proposal's state never moves backwards (beyond the tolerated moves of Circle.state()).
    function invariant_councilStatesNeverMoveBackwards() public view {
        string memory problem = handler.checkStatesMoveForward();
        assertTrue(bytes(problem).length == 0, problem);
    }

    /// @notice No council proposal is both executed and canceled.
    function invariant_councilNeverExecutedAndCanceled() public view {
        string memory problem = handler.checkNeverExecutedAndCanceled();
        assertTrue(bytes(problem).length == 0, problem);
    }

    /// @dev A circle of people `first` to `first + 5`.
    function _foundOffset(
        CircleRegistry registry,
        uint256 first,
        MandateRules memory mandateRules
    ) private returns (Circle) {
        address[] memory founders = new address[](6);
        for (uint256 i = 0; i < 6; ++i) founders[i] = _person(first + i);
        return
            Circle(
                payable(
                    registry.createCircle(
                        ICircleRegistry.Founding({
                            name: "Member circle",
                            founders: founders,
                            charterHash: 0,
                            charterURI: ""
                        }),
                        CircleRulesLib.defaults(),
                        mandateRules
                    )
                )
            );
    }
}
