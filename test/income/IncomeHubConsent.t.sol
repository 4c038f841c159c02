// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Circle} from "../../contracts/circles/Circle.sol";
import {CircleRegistry} from "../../contracts/circles/CircleRegistry.sol";
import {IncomeHub} from "../../contracts/income/IncomeHub.sol";
import {IIncomeHub} from "../../contracts/interfaces/IIncomeHub.sol";
import {CircleRulesLib} from "../../contracts/libraries/CircleRulesLib.sol";
import {MockRandomness} from "../../contracts/mocks/MockRandomness.sol";
import {CircleTestBase} from "../utils/CircleTestBase.sol";

/// @notice Fuzz test of consent in the income hub: whatever people, the circle and its parts do, in any order, no
/// one becomes a person without their own successful call, and no registry body ever becomes one.
contract IncomeHubConsentFuzzTest is CircleTestBase {
    uint256 private constant PEOPLE = 8;
    uint256 private constant STEPS = 30;

    IncomeHub private hub;
    Circle private circle;
    address[4] private bodies;
    mapping(address account => bool) private registeredItself;

    function setUp() public {
        vm.warp(1_000_000 * 3600);
        CircleRegistry registry = _deployRegistry(address(new MockRandomness()));
        circle = _found(registry, 6, CircleRulesLib.defaults(), CircleRulesLib.defaultMandateRules());
        hub = new IncomeHub(
            IIncomeHub.Config({
                registry: address(registry),
                dayZero: uint64(block.timestamp - 10 days),
                bootstrapPeriod: 5 days,
                invitationCost: 96e18,
                welcomeBonus: 48e18,
                uri: ""
            })
        );
        bodies = [address(circle), circle.membership(), circle.rituals(), circle.mandates()];
    }

    /// @notice Invariant: every registered person made a successful `register` or `acceptVouch` call themselves, and
    /// the circle and its parts are never people.
    function testFuzz_onlyConsentingPeopleAreRegistered(uint256 seed) public {
        for (uint256 step = 0; step < STEPS; ++step) {
            seed = uint256(keccak256(abi.encode(seed, step)));
            _act(seed);
            for (uint256 b = 0; b < bodies.length; ++b) {
                assertTrue(hub.avatarKind(bodies[b]) != IIncomeHub.AvatarKind.Person, "a body became a person");
            }
            for (uint256 i = 0; i < PEOPLE; ++i) {
                address p = _person(i);
                if (hub.avatarKind(p) == IIncomeHub.AvatarKind.Person) {
                    assertTrue(registeredItself[p], "registered without their own call");
                }
            }
        }
    }

    function _act(uint256 seed) private {
        uint256 action = seed % 6;
        // An actor: one of the people, or (one time in three) the circle or one of its parts.
        address actor = (seed >> 8) % 3 == 0 ? bodies[(seed >> 16) % bodies.length] : _person((seed >> 16) % PEOPLE);
        address other = _person((seed >> 24) % PEOPLE);
        if (action == 0) {
            vm.prank(actor);
            try hub.register((seed >> 32) % 2 == 0 ? address(0) : other) {
                registeredItself[actor] = true;
            } catch {}
        } else if (action == 1) {
            vm.prank(actor);
            try hub.acceptVouch(address(circle)) {
                registeredItself[actor] = true;
            } catch {}
        } else if (action == 2) {
            address[] memory people = new address[](1);
            address[] memory payers = new address[](1);
            people[0] = (seed >> 40) % 4 == 0 ? bodies[(seed >> 48) % bodies.length] : other;
            payers[0] = _person((seed >> 56) % PEOPLE);
            vm.prank(address(circle));
            try hub.vouch(people, payers) {} catch {}
        } else if (action == 3) {
            vm.prank(address(circle));
            try hub.registerCircle() {} catch {}
        } else if (action == 4) {
            // A registered person claims and gives the circle tokens to vouch with.
            vm.prank(actor);
            try hub.claim() {
                uint256 id = uint256(uint160(actor));
                uint256 balance = hub.balanceOf(actor, id);
                vm.prank(actor);
                try hub.safeTransferFrom(actor, address(circle), id, balance / 2, "") {} catch {}
            } catch {}
        } else {
            vm.warp(block.timestamp + 1 days);
        }
    }
}
