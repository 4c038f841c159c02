// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Circle} from "../../contracts/circles/Circle.sol";
import {CircleRegistry} from "../../contracts/circles/CircleRegistry.sol";
import {IMandates} from "../../contracts/interfaces/IMandates.sol";
import {IRandomnessSource} from "../../contracts/interfaces/IRandomnessSource.sol";
import {CircleRulesLib} from "../../contracts/libraries/CircleRulesLib.sol";
import {Mandates} from "../../contracts/mandates/Mandates.sol";
import {PrevrandaoRandomness} from "../../contracts/mandates/PrevrandaoRandomness.sol";
import {MockRandomness} from "../../contracts/mocks/MockRandomness.sol";
import {CircleTestBase} from "../utils/CircleTestBase.sol";

/// @notice Sortition over many draws, driven directly as the circle (no proposals), with deterministic randomness.
contract SortitionTest is CircleTestBase {
    uint256 private constant MEMBERS = 8;
    uint256 private constant DRAWS = 240;

    CircleRegistry private registry;
    Circle private circle;
    Mandates private mandates;
    MockRandomness private randomness;

    function setUp() public {
        vm.warp(1_000_000);
        vm.roll(100);
        randomness = new MockRandomness();
        registry = _deployRegistry(address(randomness));
        circle = _found(registry, MEMBERS, CircleRulesLib.defaults(), CircleRulesLib.defaultMandateRules());
        mandates = Mandates(circle.mandates());
    }

    /// @notice Over 240 draws among 8 eligible members, each is drawn 30 times on average; every one of them must
    /// be drawn between 15 and 45 times (about three standard deviations either side).
    function test_everyEligibleMemberIsDrawnAboutEquallyOften() public {
        uint256[MEMBERS] memory drawn;
        for (uint256 i = 0; i < DRAWS; ++i) {
            IMandates.MandateSpec memory spec = _spec(string(abi.encodePacked("role ", bytes32(i))));
            address[] memory pool = mandates.eligiblePool(keccak256(bytes(spec.role)), address(0));
            assertEq(pool.length, MEMBERS, "everyone is eligible again after each draw");
            vm.prank(address(circle));
            uint256 drawId = mandates.requestDraw(spec);
            randomness.setValue(mandates.draw(drawId).ticket, uint256(keccak256(abi.encode("draw", i))));
            uint256 mandateId = mandates.completeDraw(drawId, pool, "");
            address holder = mandates.mandate(mandateId).holder;
            drawn[uint160(holder) - 0x1000] += 1;
            vm.prank(holder);
            mandates.complete(mandateId);
        }
        for (uint256 m = 0; m < MEMBERS; ++m) {
            assertTrue(drawn[m] >= 15 && drawn[m] <= 45, "a member's share of draws is far from fair");
        }
    }

    /// @notice The default randomness cannot be revealed in the block of the request.
    function test_drawCannotCompleteInTheBlockOfItsRequest() public {
        PrevrandaoRandomness source = new PrevrandaoRandomness();
        vm.prank(address(circle));
        mandates.setRandomnessSource(address(source));
        IMandates.MandateSpec memory spec = _spec("cook");
        address[] memory pool = mandates.eligiblePool(keccak256("cook"), address(0));
        vm.prank(address(circle));
        uint256 drawId = mandates.requestDraw(spec);
        uint256 ticket = mandates.draw(drawId).ticket;
        assertTrue(ticket > block.number, "the ticket is a future block");
        try mandates.completeDraw(drawId, pool, "") {
            assertTrue(false, "completed in the block of its request");
        } catch (bytes memory reason) {
            assertTrue(bytes4(reason) == IRandomnessSource.RandomnessNotReady.selector, "wrong error");
        }
    }

    function _spec(string memory role) private pure returns (IMandates.MandateSpec memory) {
        return
            IMandates.MandateSpec({
                role: role,
                title: role,
                scopeHash: bytes32(0),
                duration: 1 days,
                powers: new IMandates.Power[](0)
            });
    }
}
