// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Circle} from "../../contracts/circles/Circle.sol";
import {CircleRegistry} from "../../contracts/circles/CircleRegistry.sol";
import {CouncilSeats} from "../../contracts/federation/CouncilSeats.sol";
import {ICircleRegistry} from "../../contracts/interfaces/ICircleRegistry.sol";
import {CircleRules, MandateRules} from "../../contracts/interfaces/ICircleRules.sol";
import {IMandates} from "../../contracts/interfaces/IMandates.sol";
import {CircleRulesLib} from "../../contracts/libraries/CircleRulesLib.sol";
import {Mandates} from "../../contracts/mandates/Mandates.sol";
import {MockRandomness} from "../../contracts/mocks/MockRandomness.sol";
import {GovernorWatch} from "./GovernorWatch.sol";
import {InvariantTest} from "./InvariantTest.sol";

/// @notice The actions around one council: member circles request seats and are admitted by the council's decision,
/// appoint delegates for terms that run out, hand their seats back or leave; circles propose, vote and execute in
/// the council through their delegates; time passes, leaving seats vacant as delegate mandates expire.
/// @dev Circles 0-3 are honest; circle 4 is adversarial (it votes against, tries every vote again and proposes to
/// remove others). A circle acts in the council as itself (what its delegate's mandate makes it do), so the handler
/// pranks the circle; a vote counts only while the circle's delegate mandate is live (its seat is filled).
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

    /// @notice A circle appoints one of its members its delegate, for one hour to five days.
    function appoint(uint256 which, uint256 member, uint256 duration) external {
        _appoint(_circle(which), member % 6, uint32(1 hours + (duration % 5 days)));
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

    /// @notice A circle proposes: a decision to record, to admit a circle that asked, or to remove one.
    function propose(uint256 which, uint256 kind, uint256 subject) external {
        address proposer = address(_circle(which));
        address other = address(_circle(subject));
        kind %= 3;
        if (which % CIRCLES == ADVERSARY && kind == 0) kind = 2;
        if (kind == 0) _proposeRecord(proposer);
        else if (kind == 1) _propose(proposer, address(seats), abi.encodeCall(seats.admit, (other)), 0);
        else _propose(proposer, address(seats), abi.encodeCall(seats.remove, (other)), 0);
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
        address[] memory voters = _tracks[ids[proposal % ids.length]].voters;
        if (voters.length == 0) return;
        _vote(voters[voter % voters.length], proposal, support + 1);
        _observe();
    }

    /// @notice Anyone tries to execute a council proposal.
    function execute(uint256 who, uint256 proposal) external {
        _execute(_person(who % 8), proposal);
        _observe();
    }

    /// @notice Time passes: up to two days at once (votes close, delegate terms run out).
    function pass(uint256 seconds_) external {
        _pass(seconds_, 2 days);
        _observe();
    }

    /// @notice Member circle `which`.
    function circleAt(uint256 which) external view returns (Circle) {
        return _circle(which);
    }

    /// @dev The one place a circle grants its delegate mandate: by its own decision (the handler pranks the circle).
    function _appoint(Circle circle, uint256 member, uint32 duration) internal {
        IMandates.Power[] memory powers = new IMandates.Power[](3);
        powers[0] = IMandates.Power(address(governor), governor.castVote.selector);
        powers[1] = IMandates.Power(address(governor), governor.propose.selector);
        powers[2] = IMandates.Power(address(seats), seats.requestSeat.selector);
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

    /// @dev The council's quorum base is the seats filled when a proposal is made, counted here seat by seat.
    function _independentQuorum(uint256) internal view override returns (uint256 filled) {
        for (uint256 k = 0; k < CIRCLES; ++k) if (seats.isSeatFilled(address(_circles[k]))) ++filled;
        filled = (filled * governor.rules().quorumPercent) / 100;
    }
}

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
