// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Circle} from "../../contracts/circles/Circle.sol";
import {CircleMembership} from "../../contracts/circles/CircleMembership.sol";
import {CircleRegistry} from "../../contracts/circles/CircleRegistry.sol";
import {CreditFactory} from "../../contracts/credit/CreditFactory.sol";
import {MutualCredit} from "../../contracts/credit/MutualCredit.sol";
import {CircleRulesLib} from "../../contracts/libraries/CircleRulesLib.sol";
import {MockRandomness} from "../../contracts/mocks/MockRandomness.sol";
import {CircleTestBase} from "../utils/CircleTestBase.sol";

/// @notice Zero-sum and limit invariants of a mutual-credit currency under random operations.
contract MutualCreditInvariantTest is CircleTestBase {
    uint256 private constant PEOPLE = 8;
    uint256 private constant STEPS = 40;

    Circle private circle;
    CircleMembership private membership;
    MutualCredit private credit;

    function setUp() public {
        vm.warp(1_000_000);
        CircleRegistry registry = _deployRegistry(address(new MockRandomness()));
        circle = _found(registry, PEOPLE, CircleRulesLib.defaults(), CircleRulesLib.defaultMandateRules());
        membership = CircleMembership(circle.membership());
        CreditFactory factory = new CreditFactory(address(new MutualCredit()), address(registry));
        vm.prank(address(circle));
        credit = MutualCredit(factory.createCurrency("Hours", "HRS", 2, 100_00, 150_00));
        vm.prank(address(circle));
        circle.addRoleModule(address(credit));
    }

    /// @notice Invariants, after every step: the signed balances sum to zero; the supply is the sum of the positive
    /// balances; a departed member holds nothing; a transfer that went through left the payer within their credit
    /// limit and the payee within their saturation limit.
    function testFuzz_zeroSumAndLimits(uint256 seed) public {
        for (uint256 step = 0; step < STEPS; ++step) {
            seed = uint256(keccak256(abi.encode(seed, step)));
            address a = _person(seed % PEOPLE);
            address b = (seed >> 8) % 5 == 0 ? address(circle) : _person((seed >> 16) % PEOPLE);
            uint256 amount = (seed >> 24) % 120_00;
            uint256 action = (seed >> 64) % 10;
            if (action < 6) {
                vm.prank(a);
                try credit.transfer(b, amount) {
                    if (amount != 0 && a != b) {
                        (uint256 creditLimit, ) = credit.limitsOf(a);
                        (, uint256 saturation) = credit.limitsOf(b);
                        assertTrue(credit.signedBalanceOf(a) >= -int256(creditLimit), "payer beyond credit limit");
                        assertTrue(credit.signedBalanceOf(b) <= int256(saturation), "payee beyond saturation");
                    }
                } catch {}
            } else if (action == 6) {
                vm.prank(address(circle));
                credit.setLimits(a, (seed >> 80) % 200_00, (seed >> 96) % 200_00);
            } else if (action == 7 && membership.isMember(a) && membership.memberCount() > 2) {
                // Leaving and removal by the circle's decision take the same path to the commons.
                if ((seed >> 120) % 2 == 0) {
                    vm.prank(a);
                    membership.leave();
                } else {
                    vm.prank(address(circle));
                    membership.remove(a);
                }
            } else if (action == 7 && !membership.isMember(a)) {
                vm.prank(address(circle));
                membership.admit(a);
            } else if (action == 8 && (seed >> 112) % 4 == 0) {
                vm.prank(address(circle));
                credit.jubilee();
            }
            _checkInvariants();
        }
    }

    function _checkInvariants() private view {
        int256 sum = credit.signedBalanceOf(address(circle));
        uint256 positive = sum > 0 ? uint256(sum) : 0;
        for (uint256 i = 0; i < PEOPLE; ++i) {
            address who = _person(i);
            int256 balance = credit.signedBalanceOf(who);
            sum += balance;
            if (balance > 0) positive += uint256(balance);
            if (!membership.isMember(who)) assertEq(balance == 0 ? 1 : 0, 1, "a departed member holds a balance");
        }
        assertTrue(sum == 0, "balances do not sum to zero");
        assertEq(credit.totalSupply(), positive, "supply is not the sum of positive balances");
    }
}
