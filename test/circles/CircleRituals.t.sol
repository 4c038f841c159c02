// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Circle} from "../../contracts/circles/Circle.sol";
import {CircleRegistry} from "../../contracts/circles/CircleRegistry.sol";
import {CircleRituals} from "../../contracts/circles/CircleRituals.sol";
import {ICircleRituals} from "../../contracts/interfaces/ICircleRituals.sol";
import {CircleRulesLib} from "../../contracts/libraries/CircleRulesLib.sol";
import {MockRandomness} from "../../contracts/mocks/MockRandomness.sol";
import {CircleTestBase} from "../utils/CircleTestBase.sol";

/// @notice Fuzz tests of the sovereignty scorecard's on-chain pieces: threshold validation and reversal logging.
contract CircleRitualsFuzzTest is CircleTestBase {
    Circle private circle;
    CircleRituals private rituals;

    function setUp() public {
        vm.warp(1_000_000);
        CircleRegistry registry = _deployRegistry(address(new MockRandomness()));
        circle = _found(registry, 6, CircleRulesLib.defaults(), CircleRulesLib.defaultMandateRules());
        rituals = CircleRituals(circle.rituals());
    }

    /// @notice Any thresholds the circle sets are stored exactly when every field is in range (shares 1 to 10,000,
    /// the heard average 100 to 500); otherwise the call reverts naming the first field out of range, and the view
    /// still returns what it returned before.
    /// @dev `inRange` bit `i` folds field `i` into its range, so that every mix of valid and invalid fields (all valid
    /// among them) is tried often.
    function testFuzz_thresholdsAcceptedExactlyInRange(uint16[5] memory values, uint8 inRange) public {
        bytes memory expected = "";
        for (uint256 i = 0; i < 5; ++i) {
            (uint16 min, uint16 max) = i == 3 ? (uint16(100), uint16(500)) : (uint16(1), uint16(10_000));
            if ((inRange >> i) & 1 == 1) values[i] = min + (values[i] % (max - min + 1));
            if (expected.length == 0 && (values[i] < min || values[i] > max)) {
                expected = abi.encodeWithSelector(
                    ICircleRituals.CircleRitualsInvalidThreshold.selector,
                    uint8(i),
                    values[i]
                );
            }
        }
        ICircleRituals.ScorecardThresholds memory wanted = ICircleRituals.ScorecardThresholds(
            values[0],
            values[1],
            values[2],
            values[3],
            values[4]
        );
        bytes32 before = keccak256(abi.encode(rituals.scorecardThresholds()));
        vm.prank(address(circle));
        try rituals.setScorecardThresholds(wanted) {
            assertEq(expected.length, 0, "accepted a value out of range");
            assertEq(
                uint256(keccak256(abi.encode(rituals.scorecardThresholds()))),
                uint256(keccak256(abi.encode(wanted))),
                "stored"
            );
        } catch (bytes memory reason) {
            assertTrue(expected.length != 0, "refused values in range");
            assertEq(uint256(keccak256(reason)), uint256(keccak256(expected)), "the first field out of range");
            assertEq(uint256(keccak256(abi.encode(rituals.scorecardThresholds()))), uint256(before), "unchanged");
        }
    }

    /// @notice A member's reversal is accepted exactly when its kind is 0 to 4 and its memo 1 to 280 bytes, and a
    /// member's count in a period never passes the cap however many they try.
    /// @dev Kinds are folded to 0-7 and lengths to 0-399 so valid and invalid reversals are both tried often.
    function testFuzz_reversalAcceptedExactlyWhenValid(uint8 kind, uint16 length, uint8 attempts) public {
        kind = kind % 8;
        bytes memory memo = new bytes(length % 400);
        for (uint256 i = 0; i < memo.length; ++i) memo[i] = "x";
        bool valid = kind < 5 && memo.length >= 1 && memo.length <= 280;
        address member = _person(0);
        uint256 period = rituals.currentPeriod();
        for (uint256 i = 0; i < attempts % 24; ++i) {
            vm.prank(member);
            try rituals.logDependencyReversal(kind, string(memo)) {
                assertTrue(valid, "accepted an invalid reversal");
                assertTrue(i < 16, "accepted past the cap");
            } catch {
                assertTrue(!valid || i >= 16, "refused a valid reversal under the cap");
            }
        }
        uint256 logged = rituals.reversalsLogged(period, member);
        assertEq(logged, valid ? _min(attempts % 24, 16) : 0, "count");
    }

    function _min(uint256 x, uint256 y) private pure returns (uint256) {
        return x < y ? x : y;
    }
}
