// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Circle} from "../../contracts/circles/Circle.sol";
import {CircleMembership} from "../../contracts/circles/CircleMembership.sol";
import {CircleRegistry} from "../../contracts/circles/CircleRegistry.sol";
import {CircleRules, MandateRules} from "../../contracts/interfaces/ICircleRules.sol";
import {CircleRulesLib} from "../../contracts/libraries/CircleRulesLib.sol";
import {MockRandomness} from "../../contracts/mocks/MockRandomness.sol";
import {CircleTestBase} from "../utils/CircleTestBase.sol";

/// @notice Fuzz and invariant tests of one member, one vote, and of rule validation.
contract CircleMembershipFuzzTest is CircleTestBase {
    uint256 private constant POOL = 16;
    uint256 private constant STEPS = 40;

    CircleRegistry private registry;
    Circle private circle;
    CircleMembership private membership;
    MandateRules private _mandateRules = CircleRulesLib.defaultMandateRules();
    /// @dev The second of each person's latest admission, as the walk admitted them.
    mapping(address person => uint256) private _lastAdmitted;

    function setUp() public {
        vm.warp(1_000_000);
        registry = _deployRegistry(address(new MockRandomness()));
        CircleRules memory rules = CircleRulesLib.defaults();
        rules.maxMembers = 12;
        circle = _found(registry, 6, rules, _mandateRules);
        membership = CircleMembership(circle.membership());
    }

    /// @notice Invariant: after any sequence of admissions, removals and departures, every member has exactly one
    /// vote, every non-member none, the vote supply equals the member count, and past supply is what it was.
    function testFuzz_votesFollowMembership(uint256 seed) public {
        uint256[] memory countAt = new uint256[](STEPS);
        uint256 start = block.timestamp;
        for (uint256 step = 0; step < STEPS; ++step) {
            vm.warp(start + step + 1);
            seed = uint256(keccak256(abi.encode(seed, step)));
            address who = _person(seed % POOL);
            bool member = membership.isMember(who);
            if (!member && membership.memberCount() < 12) {
                vm.prank(who);
                membership.requestAdmission();
                vm.prank(address(circle));
                membership.admit(who);
            } else if (member && (seed >> 128) % 2 == 0) {
                vm.prank(address(circle));
                membership.remove(who);
            } else if (member) {
                vm.prank(who);
                membership.leave();
            }
            countAt[step] = membership.memberCount();
            _checkVotes();
        }
        vm.warp(start + STEPS + 1);
        for (uint256 step = 0; step < STEPS; ++step) {
            assertEq(membership.getPastTotalSupply(start + step + 1), countAt[step], "past supply");
        }
    }

    /// @notice Invariant: a member's vote at any past timepoint is 1 exactly when they were a member then, founders
    /// included (whose vote from the founding until their first departure is implicit); before the founding, nobody
    /// had one; a lookup at now is refused; only those ever admitted are their own delegates.
    function testFuzz_pastVotesFollowMembership(uint256 seed) public {
        (bool[POOL][STEPS] memory memberAt, uint256 start) = _changeMembershipEverySecond(seed, 1);
        _assertPastVotesAsRecorded(memberAt, start);
        for (uint256 i = 0; i < POOL; ++i) {
            address who = _person(i);
            assertEq(membership.getPastVotes(who, start - 1), 0, "no vote before the founding");
            bool admitted = i < 6;
            for (uint256 step = 0; step < STEPS; ++step) admitted = admitted || memberAt[step][i];
            assertTrue(membership.delegates(who) == (admitted ? who : address(0)), "own delegate once admitted");
        }
        try membership.getPastVotes(_person(0), block.timestamp) {
            assertTrue(false, "a lookup at now is refused");
        } catch (bytes memory reason) {
            assertTrue(bytes4(reason) == CircleMembership.ERC5805FutureLookup.selector, "ERC5805FutureLookup");
        }
    }

    /// @notice Invariant: several admissions and departures within one second (a member leaving and re-admitted, a
    /// newcomer admitted and leaving) leave every past vote as membership was at the end of each second: a founder
    /// keeps their vote from the founding, and a newcomer never gains one before their admission. (Checkpoints in the
    /// same second overwrite each other, so founders' traces cannot be told apart by the order of checkpoints.)
    function testFuzz_pastVotesSurviveChangesWithinOneSecond(uint256 seed) public {
        (bool[POOL][STEPS] memory memberAt, uint256 start) = _changeMembershipEverySecond(seed, 3);
        _assertPastVotesAsRecorded(memberAt, start);
    }

    /// @notice Invariant: `admittedAt` is the second of a member's latest admission (the founding for a founder who
    /// never left), 0 for anyone who is not a member, including when a member leaves and is re-admitted, or a
    /// newcomer is admitted and leaves, within one second (whose checkpoints overwrite each other).
    function testFuzz_admittedAtIsTheLatestAdmission(uint256 seed) public {
        uint48 foundedAt = membership.foundedAt();
        _changeMembershipEverySecond(seed, 3);
        for (uint256 i = 0; i < POOL; ++i) {
            address who = _person(i);
            uint256 expected = 0;
            if (membership.isMember(who)) expected = _lastAdmitted[who] == 0 ? foundedAt : _lastAdmitted[who];
            assertEq(membership.admittedAt(who), expected, "admitted at");
        }
    }

    /// @dev Each second, one person picked by `seed` changes membership (admitted if not a member and there is room,
    /// else leaving) 1 to `maxChanges` times; who was a member at the end of each second is recorded.
    function _changeMembershipEverySecond(
        uint256 seed,
        uint256 maxChanges
    ) private returns (bool[POOL][STEPS] memory memberAt, uint256 start) {
        start = block.timestamp;
        for (uint256 step = 0; step < STEPS; ++step) {
            vm.warp(start + step + 1);
            seed = uint256(keccak256(abi.encode(seed, step)));
            address who = _person(seed % POOL);
            uint256 changes = 1 + ((seed >> 128) % maxChanges);
            for (uint256 change = 0; change < changes; ++change) {
                if (!membership.isMember(who)) {
                    if (membership.memberCount() >= 12) break;
                    vm.prank(who);
                    membership.requestAdmission();
                    vm.prank(address(circle));
                    membership.admit(who);
                    _lastAdmitted[who] = block.timestamp;
                } else {
                    vm.prank(who);
                    membership.leave();
                }
            }
            for (uint256 i = 0; i < POOL; ++i) memberAt[step][i] = membership.isMember(_person(i));
        }
        vm.warp(start + STEPS + 1);
    }

    /// @dev Every person's past vote at every recorded second is their membership then; founders vote from the start.
    function _assertPastVotesAsRecorded(bool[POOL][STEPS] memory memberAt, uint256 start) private view {
        for (uint256 i = 0; i < POOL; ++i) {
            address who = _person(i);
            assertEq(membership.getPastVotes(who, start), i < 6 ? 1 : 0, "founders vote from the founding");
            for (uint256 step = 0; step < STEPS; ++step) {
                assertEq(membership.getPastVotes(who, start + step + 1), memberAt[step][i] ? 1 : 0, "past vote");
            }
        }
    }

    /// @notice The registry accepts a rule set exactly when it satisfies the documented bounds: a valid rule set
    /// is built from the fuzzed values, then at most one rule is pushed just or far outside its bounds.
    function testFuzz_rulesAreValidatedAsDocumented(CircleRules memory rules, uint8 fault, uint8 raw) public {
        rules.maxMembers = uint8(3 + (rules.maxMembers % 30));
        rules.minMembers = uint8(1 + (rules.minMembers % rules.maxMembers));
        rules.quorumPercent = uint8(1 + (rules.quorumPercent % 100));
        rules.resetThreshold = uint8(3 + (rules.resetThreshold % (rules.maxMembers - 2)));
        rules.votingDelay %= 30 days;
        rules.votingPeriod %= 30 days;
        if (rules.votingPeriod == 0) rules.votingPeriod = 1;
        if (rules.executionWindow == 0) rules.executionWindow = 1;
        if (rules.resetWindow == 0) rules.resetWindow = 1;
        if (rules.temperaturePeriod == 0) rules.temperaturePeriod = 1;
        if (rules.charterTerm == 0) rules.charterTerm = 1;
        // Documented bound: (k + 1) x (votingDelay + votingPeriod), k = floor(floor((maxMembers - 1) / 2) / threshold).
        uint256 groups = (uint256(rules.maxMembers) - 1) / 2 / rules.resetThreshold;
        uint256 minimum = groups == 0 ? 0 : (groups + 1) * (uint256(rules.votingDelay) + rules.votingPeriod);
        if (rules.resetCooldown < minimum) rules.resetCooldown = uint32(minimum);

        fault %= 13;
        if (fault == 1) rules.minMembers = 0;
        if (fault == 2) rules.minMembers = uint8(rules.maxMembers + 1 + (raw % (255 - rules.maxMembers)));
        if (fault == 3) rules.maxMembers = uint8(33 + (raw % 223));
        if (fault == 4) rules.quorumPercent = raw % 2 == 0 ? 0 : uint8(101 + (raw % 155));
        if (fault == 5) rules.resetThreshold = raw % 2 == 0 ? raw % 3 : uint8(33 + (raw % 223));
        if (fault == 6) rules.votingPeriod = 0;
        if (fault == 7) rules.executionWindow = 0;
        if (fault == 8) rules.resetWindow = 0;
        if (fault == 9) rules.temperaturePeriod = 0;
        if (fault == 10) rules.charterTerm = 0;
        // A threshold the circle could never reach.
        if (fault == 11) rules.resetThreshold = uint8(rules.maxMembers + 1 + (raw % (255 - rules.maxMembers)));
        // A cooldown one second short (for rules where a minority can reset alone; otherwise still valid).
        if (fault == 12) {
            if (minimum == 0) fault = 0;
            else rules.resetCooldown = uint32(minimum - 1);
        }

        bool accepted;
        try registry.publishTemplate(string(abi.encode(rules, fault, raw)), rules, _mandateRules) {
            accepted = true;
        } catch {
            accepted = false;
        }
        assertTrue(accepted == (fault == 0), "validation disagrees with the documented bounds");
    }

    function _checkVotes() private view {
        uint256 sum;
        for (uint256 i = 0; i < POOL; ++i) {
            address who = _person(i);
            uint256 votes = membership.getVotes(who);
            assertEq(votes, membership.isMember(who) ? 1 : 0, "one member, one vote");
            sum += votes;
        }
        assertEq(sum, membership.memberCount(), "votes equal members");
        assertEq(membership.members().length, membership.memberCount(), "member list length");
    }
}
