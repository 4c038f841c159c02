// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Circle} from "../../contracts/circles/Circle.sol";
import {CircleMembership} from "../../contracts/circles/CircleMembership.sol";
import {CircleRegistry} from "../../contracts/circles/CircleRegistry.sol";
import {MandateRules} from "../../contracts/interfaces/ICircleRules.sol";
import {IMandates} from "../../contracts/interfaces/IMandates.sol";
import {CircleRulesLib} from "../../contracts/libraries/CircleRulesLib.sol";
import {MandateBadges} from "../../contracts/mandates/MandateBadges.sol";
import {Mandates} from "../../contracts/mandates/Mandates.sol";
import {MockRandomness} from "../../contracts/mocks/MockRandomness.sol";
import {CircleTestBase} from "../utils/CircleTestBase.sol";

/// @notice Invariants of mandates under random sequences of grants, completions, hand-backs, recalls, departures,
/// re-admissions, the passing of time and hard resets.
contract MandatesInvariantTest is CircleTestBase {
    uint256 private constant MEMBERS = 8;
    uint256 private constant ROLES = 6;
    uint256 private constant STEPS = 30;

    CircleRegistry private registry;
    Circle private circle;
    CircleMembership private membership;
    Mandates private mandates;
    MandateBadges private badges;

    function setUp() public {
        vm.warp(1_000_000);
        registry = _deployRegistry(address(new MockRandomness()));
        MandateRules memory mandateRules = CircleRulesLib.defaultMandateRules();
        mandateRules.maxLivePerMember = 2;
        mandateRules.termCooldown = 3 days;
        circle = _found(registry, MEMBERS, CircleRulesLib.defaults(), mandateRules);
        membership = CircleMembership(circle.membership());
        mandates = Mandates(circle.mandates());
        badges = MandateBadges(mandates.badges());
    }

    /// @notice Invariants, after every step: every live mandate is held by a current member and is its role's one
    /// live mandate; no member holds more live mandates than the rules allow; the badges a wallet sees match the
    /// live mandates; ended mandates never come back to life.
    function testFuzz_mandateInvariants(uint256 seed) public {
        uint256 ended;
        for (uint256 step = 0; step < STEPS; ++step) {
            seed = uint256(keccak256(abi.encode(seed, step)));
            uint256 action = seed % 8;
            address who = _person((seed >> 8) % MEMBERS);
            bytes32 roleId = keccak256(bytes(_role((seed >> 16) % ROLES)));
            uint256 someMandate = mandates.mandateCount() == 0 ? 0 : 1 + ((seed >> 24) % mandates.mandateCount());

            if (action <= 2 && mandates.isEligibleFor(who, roleId, address(0))) {
                (address holder, ) = mandates.holderOf(roleId);
                if (holder == address(0)) {
                    vm.prank(address(circle));
                    mandates.grant(_spec((seed >> 16) % ROLES, 1 days + ((seed >> 32) % 10 days)), who);
                }
            } else if (action == 3 && someMandate != 0 && mandates.isLive(someMandate)) {
                vm.prank(mandates.mandate(someMandate).holder);
                if ((seed >> 40) % 2 == 0) mandates.complete(someMandate);
                else mandates.handBack(someMandate);
            } else if (action == 4 && someMandate != 0 && mandates.isLive(someMandate) && membership.isMember(who)) {
                (uint256 signals, ) = mandates.recallSignals(someMandate);
                if (signals < membership.memberCount()) {
                    vm.prank(who);
                    try mandates.signalRecall(someMandate) {} catch {}
                }
            } else if (action == 5) {
                if (membership.isMember(who) && membership.memberCount() > 3) {
                    vm.prank(who);
                    membership.leave();
                } else if (!membership.isMember(who)) {
                    vm.prank(who);
                    membership.requestAdmission();
                    vm.prank(address(circle));
                    membership.admit(who);
                }
            } else if (action == 6) {
                vm.warp(block.timestamp + ((seed >> 48) % 5 days));
            } else if (action == 7 && (seed >> 56) % 4 == 0) {
                vm.prank(circle.rituals());
                circle.hardReset(new address[](0));
            }
            _checkInvariants();
            ended = _checkEndedStayEnded(ended);
        }
    }

    function _checkInvariants() private view {
        uint256[] memory live = mandates.liveMandates();
        assertTrue(live.length <= mandates.MAX_LIVE_MANDATES(), "live mandates over the cap");
        uint256 maxLive = mandates.rules().maxLivePerMember;
        for (uint256 i = 0; i < live.length; ++i) {
            IMandates.Mandate memory m = mandates.mandate(live[i]);
            assertTrue(membership.isMember(m.holder), "a live mandate held by a non-member");
            (address holder, uint256 id) = mandates.holderOf(m.roleId);
            assertTrue(holder == m.holder && id == live[i], "a role with two live mandates");
            assertEq(badges.ownerOf(live[i]) == m.holder ? 1 : 0, 1, "badge owner differs from holder");
        }
        for (uint256 p = 0; p < MEMBERS; ++p) {
            address who = _person(p);
            uint256 count = mandates.liveCountOf(who);
            assertTrue(count <= maxLive, "a member over the live-mandate limit");
            assertEq(badges.balanceOf(who), count, "badge balance differs from live mandates");
        }
    }

    /// @dev Counts ended mandates and checks none is live again; returns the new count.
    function _checkEndedStayEnded(uint256 previouslyEnded) private view returns (uint256 endedNow) {
        uint256 total = mandates.mandateCount();
        for (uint256 id = 1; id <= total; ++id) {
            IMandates.Mandate memory m = mandates.mandate(id);
            if (m.endedAt != 0) {
                ++endedNow;
                assertTrue(!mandates.isLive(id), "an ended mandate is live");
            }
        }
        assertTrue(endedNow >= previouslyEnded, "an ended mandate came back");
    }

    function _spec(uint256 role, uint256 duration) private pure returns (IMandates.MandateSpec memory) {
        return
            IMandates.MandateSpec({
                role: _role(role),
                title: "task",
                scopeHash: bytes32(role),
                duration: uint32(duration),
                powers: new IMandates.Power[](0)
            });
    }

    function _role(uint256 i) private pure returns (string memory) {
        return string(abi.encodePacked("role ", bytes1(uint8(0x30 + i))));
    }
}
