// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Circle} from "../../contracts/circles/Circle.sol";
import {CircleRegistry} from "../../contracts/circles/CircleRegistry.sol";
import {IMandates} from "../../contracts/interfaces/IMandates.sol";
import {CircleRulesLib} from "../../contracts/libraries/CircleRulesLib.sol";
import {Mandates} from "../../contracts/mandates/Mandates.sol";
import {EtherSink} from "../../contracts/mocks/EtherSink.sol";
import {MockERC20} from "../../contracts/mocks/MockERC20.sol";
import {MockRandomness} from "../../contracts/mocks/MockRandomness.sol";
import {CircleTestBase} from "../utils/CircleTestBase.sol";

/// @notice The one cheatcode this file needs beyond the shared ones.
interface VmDeal {
    function deal(address account, uint256 balance) external;
}

/// @notice Whatever the amounts asked for, no call through a mandate moves more ether or ERC-20 tokens than its
/// power's per-call cap, and every call within the cap goes through.
contract MandateCapsTest is CircleTestBase {
    address private constant HOLDER = address(uint160(0x1001));
    address private constant PAYEE = address(uint160(0x2000));

    Circle private circle;
    Mandates private mandates;
    MockERC20 private token;
    EtherSink private sink;

    function setUp() public {
        vm.warp(1_000_000);
        CircleRegistry registry = _deployRegistry(address(new MockRandomness()));
        circle = _found(registry, 6, CircleRulesLib.defaults(), CircleRulesLib.defaultMandateRules());
        mandates = Mandates(circle.mandates());
        token = new MockERC20();
        sink = new EtherSink();
        token.mint(address(circle), type(uint128).max);
        VmDeal(address(vm)).deal(address(circle), type(uint128).max);
    }

    /// @dev Grants HOLDER transfer, approve and transferFrom on the token capped at `cap`, and plain payments to
    /// the sink capped at `valueCap`.
    function _grant(uint128 cap, uint128 valueCap) private returns (uint256) {
        IMandates.Power[] memory powers = new IMandates.Power[](4);
        powers[0] = IMandates.Power(address(token), token.transfer.selector, 0, cap);
        powers[1] = IMandates.Power(address(token), token.approve.selector, 0, cap);
        powers[2] = IMandates.Power(address(token), token.transferFrom.selector, 0, cap);
        powers[3] = IMandates.Power(address(sink), bytes4(0), valueCap, 0);
        IMandates.MandateSpec memory spec = IMandates.MandateSpec({
            role: "purser",
            title: "Pay the suppliers",
            scopeHash: bytes32(0),
            duration: 1 days,
            powers: powers
        });
        vm.prank(address(circle));
        return mandates.grant(spec, HOLDER);
    }

    function testFuzz_transferNeverExceedsTheCap(uint128 cap, uint128 amount) public {
        vm.assume(cap > 0);
        uint256 id = _grant(cap, 0);
        bytes memory data = abi.encodeCall(token.transfer, (PAYEE, amount));
        vm.prank(HOLDER);
        try mandates.act(id, address(token), 0, data) {
            assertTrue(amount <= cap, "a transfer above the cap went through");
            assertEq(token.balanceOf(PAYEE), amount, "the payee got another amount");
        } catch (bytes memory reason) {
            assertTrue(amount > cap, "a transfer within the cap was refused");
            assertEq(uint32(bytes4(reason)), uint32(IMandates.MandateAmountOverCap.selector), "another refusal");
            assertEq(token.balanceOf(PAYEE), 0, "a refused transfer moved tokens");
        }
    }

    function testFuzz_approveAndTransferFromNeverExceedTheCap(uint128 cap, uint256 amount, bool approve) public {
        vm.assume(cap > 0);
        uint256 id = _grant(cap, 0);
        bytes memory data =
            approve
                ? abi.encodeCall(token.approve, (PAYEE, amount))
                : abi.encodeCall(token.transferFrom, (PAYEE, PAYEE, amount));
        vm.prank(HOLDER);
        try mandates.act(id, address(token), 0, data) {
            assertTrue(amount <= cap, "an amount above the cap went through");
        } catch (bytes memory reason) {
            // Within the cap, transferFrom may still fail at the token (PAYEE approved nothing); above it, the
            // mandate refuses before any call.
            if (amount > cap) {
                assertEq(uint32(bytes4(reason)), uint32(IMandates.MandateAmountOverCap.selector), "another refusal");
            } else {
                assertTrue(!approve, "an approve within the cap was refused");
            }
        }
        assertTrue(token.allowance(address(circle), PAYEE) <= cap, "an allowance above the cap");
    }

    function testFuzz_etherNeverExceedsTheCap(uint128 valueCap, uint128 value) public {
        uint256 id = _grant(1, valueCap);
        vm.prank(HOLDER);
        try mandates.act(id, address(sink), value, "") {
            assertTrue(value <= valueCap, "a payment above the cap went through");
            assertEq(address(sink).balance, value, "the sink got another amount");
        } catch (bytes memory reason) {
            assertTrue(value > valueCap, "a payment within the cap was refused");
            assertEq(uint32(bytes4(reason)), uint32(IMandates.MandateValueOverCap.selector), "another refusal");
            assertEq(address(sink).balance, 0, "a refused payment moved ether");
        }
    }
}
