// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Circle} from "../../contracts/circles/Circle.sol";
import {CircleMembership} from "../../contracts/circles/CircleMembership.sol";
import {CircleRegistry} from "../../contracts/circles/CircleRegistry.sol";
import {CircleRituals} from "../../contracts/circles/CircleRituals.sol";
import {ICircleRegistry} from "../../contracts/interfaces/ICircleRegistry.sol";
import {CircleRules, MandateRules} from "../../contracts/interfaces/ICircleRules.sol";
import {CouncilSeats} from "../../contracts/federation/CouncilSeats.sol";
import {MandateAudits} from "../../contracts/mandates/MandateAudits.sol";
import {MandateBadges} from "../../contracts/mandates/MandateBadges.sol";
import {Mandates} from "../../contracts/mandates/Mandates.sol";
import {TestBase} from "./Vm.sol";

/// @notice Base for Solidity tests of circles: deploys the suite and founds circles of numbered people.
abstract contract CircleTestBase is TestBase {
    /// @dev A registry over fresh implementations, drawing lots with `randomness`.
    function _deployRegistry(address randomness) internal returns (CircleRegistry) {
        return
            new CircleRegistry(
                address(new Circle()),
                address(new CircleMembership()),
                address(new CircleRituals()),
                address(new Mandates(address(new MandateAudits()))),
                address(new MandateBadges()),
                address(new CouncilSeats()),
                randomness
            );
    }

    /// @dev Founds a circle of people 0 to `size - 1`.
    function _found(
        CircleRegistry registry,
        uint256 size,
        CircleRules memory rules,
        MandateRules memory mandateRules
    ) internal returns (Circle) {
        return _foundFrom(registry, 0, size, rules, mandateRules);
    }

    /// @dev Founds a circle of people `first` to `first + size - 1`.
    function _foundFrom(
        CircleRegistry registry,
        uint256 first,
        uint256 size,
        CircleRules memory rules,
        MandateRules memory mandateRules
    ) internal returns (Circle) {
        address[] memory founders = new address[](size);
        for (uint256 i = 0; i < size; ++i) founders[i] = _person(first + i);
        ICircleRegistry.Founding memory founding = ICircleRegistry.Founding({
            name: "Test circle",
            founders: founders,
            charterHash: bytes32(0),
            charterURI: "",
            deadline: block.timestamp,
            consents: new bytes[](size)
        });
        // Every founder consents by their own transaction (plain addresses cannot sign).
        bytes32 hashOfRules = registry.rulesHash(rules, mandateRules);
        for (uint256 i = 0; i < size; ++i) {
            bytes32 digest = registry.foundingDigest(founding, hashOfRules, founders[i]);
            vm.prank(founders[i]);
            registry.approveFounding(digest);
        }
        return Circle(payable(registry.createCircle(founding, rules, mandateRules)));
    }

    /// @dev Admits `who` to `circle` as its decision would, after `who` asked to join.
    function _admit(Circle circle, address who) internal {
        CircleMembership membership = CircleMembership(circle.membership());
        vm.prank(who);
        membership.requestAdmission();
        vm.prank(address(circle));
        membership.admit(who);
    }

    /// @dev Person `i`: a plain address that never signs.
    function _person(uint256 i) internal pure returns (address) {
        return address(uint160(0x1000 + i));
    }
}
