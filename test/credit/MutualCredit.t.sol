// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Circle} from "../../contracts/circles/Circle.sol";
import {CircleMembership} from "../../contracts/circles/CircleMembership.sol";
import {CircleRegistry} from "../../contracts/circles/CircleRegistry.sol";
import {CircleRituals} from "../../contracts/circles/CircleRituals.sol";
import {CreditFactory} from "../../contracts/credit/CreditFactory.sol";
import {MutualCredit} from "../../contracts/credit/MutualCredit.sol";
import {ICircleRegistry} from "../../contracts/interfaces/ICircleRegistry.sol";
import {CircleRules} from "../../contracts/interfaces/ICircleRules.sol";
import {ICouncilSeats} from "../../contracts/interfaces/ICouncilSeats.sol";
import {CircleRulesLib} from "../../contracts/libraries/CircleRulesLib.sol";
import {MockRandomness} from "../../contracts/mocks/MockRandomness.sol";
import {CircleTestBase} from "../utils/CircleTestBase.sol";

/// @notice Zero-sum and limit invariants of two mutual-credit currencies joined by a clearing line.
contract MutualCreditInvariantTest is CircleTestBase {
    uint256 private constant PEOPLE = 8;
    uint256 private constant STEPS = 40;

    Circle private circle;
    CircleMembership private membership;
    MutualCredit private credit;
    Circle private otherCircle;
    MutualCredit private otherCredit;
    /// @dev Everything paid across so far: the other circle's commons has paid out exactly this in its currency.
    uint256 private clearedAcross;

    function setUp() public {
        vm.warp(1_000_000);
        CircleRegistry registry = _deployRegistry(address(new MockRandomness()));
        circle = _found(registry, PEOPLE, CircleRulesLib.defaults(), CircleRulesLib.defaultMandateRules());
        membership = CircleMembership(circle.membership());
        CreditFactory factory = new CreditFactory(address(registry));
        vm.prank(address(circle));
        credit = MutualCredit(factory.createCurrency("Hours", "HRS", 2, 100_00, 150_00));
        CircleRituals rituals = CircleRituals(circle.rituals());
        vm.prank(address(circle));
        rituals.addRoleModule(address(credit));

        // A second circle of the same people, both seated in one council, with a clearing line between currencies.
        otherCircle = _found(registry, PEOPLE, CircleRulesLib.defaults(), CircleRulesLib.defaultMandateRules());
        vm.prank(address(otherCircle));
        otherCredit = MutualCredit(factory.createCurrency("Other", "OTH", 2, 100_00, 150_00));
        CircleRules memory councilRules = CircleRulesLib.defaults();
        councilRules.minMembers = 1;
        vm.prank(address(circle));
        address council = registry.createCouncil(
            ICircleRegistry.CouncilFounding({name: "Market", charterHash: bytes32(0), charterURI: "", openJoin: true}),
            councilRules,
            CircleRulesLib.defaultMandateRules()
        );
        ICouncilSeats seats = ICouncilSeats(Circle(payable(council)).membership());
        // A seat needs a circle that had three members a second ago.
        vm.warp(block.timestamp + 1);
        vm.prank(address(otherCircle));
        seats.requestSeat();
        vm.prank(address(circle));
        credit.openClearingLine(address(otherCredit), council);
        vm.prank(address(circle));
        credit.setLimits(address(otherCircle), 80_00, 80_00);
        vm.prank(address(otherCircle));
        otherCredit.openClearingLine(address(credit), council);
        vm.prank(address(otherCircle));
        otherCredit.setLimits(address(circle), 80_00, 80_00);
    }

    /// @notice Under random transfers, clearing payments to the other circle, limit changes, departures, removals,
    /// re-admissions, jubilees and attempts to close accounts. Invariants, after every step: the signed balances of
    /// both currencies sum to zero; the other circle's claim here is exactly what was paid across (no jubilee wipes
    /// it); the supply is the sum of the positive balances; a departed member holds nothing;
    /// the ledger's totals given and received agree; only departed members' accounts can be closed; a transfer that
    /// went through left the payer within their credit limit and the payee within their saturation limit.
    function testFuzz_zeroSumAndLimits(uint256 seed) public {
        for (uint256 step = 0; step < STEPS; ++step) {
            seed = uint256(keccak256(abi.encode(seed, step)));
            address a = _person(seed % PEOPLE);
            address b = (seed >> 8) % 5 == 0 ? address(circle) : _person((seed >> 16) % PEOPLE);
            uint256 amount = (seed >> 24) % 120_00;
            uint256 action = (seed >> 64) % 10;
            if (action < 5) {
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
                vm.prank(a);
                membership.requestAdmission();
                vm.prank(address(circle));
                membership.admit(a);
            } else if (action == 8 && (seed >> 112) % 4 == 0) {
                // A jubilee clears this circle's accounts but keeps the other circle's clearing claim, which this
                // circle's commons offsets.
                int256 claim = credit.signedBalanceOf(address(otherCircle));
                vm.prank(address(circle));
                credit.jubilee();
                assertTrue(credit.signedBalanceOf(address(otherCircle)) == claim, "a jubilee changed another's claim");
                assertTrue(credit.signedBalanceOf(address(circle)) == -claim, "the commons does not offset the claim");
            } else if (action == 8) {
                // Anyone may try to close any account; only a departed member's may close.
                address account = (seed >> 128) % 3 == 0 ? address(circle) : a;
                bool holder = credit.isHolder(account);
                try credit.settleDeparted(account) {
                    assertTrue(!holder, "a holder's account was closed");
                } catch {
                    assertTrue(holder, "a departed member's account could not be closed");
                }
            } else if (action == 9 || action == 5) {
                vm.prank(a);
                try credit.payAcross(address(otherCredit), _person((seed >> 16) % PEOPLE), amount) {
                    clearedAcross += amount;
                } catch {}
            }
            _checkInvariants();
        }
    }

    function _checkInvariants() private view {
        _checkOtherCurrency();
        int256 sum = credit.signedBalanceOf(address(circle)) + credit.signedBalanceOf(address(otherCircle));
        int256 commons = credit.signedBalanceOf(address(circle));
        int256 otherCommons = credit.signedBalanceOf(address(otherCircle));
        uint256 positive = (commons > 0 ? uint256(commons) : 0) + (otherCommons > 0 ? uint256(otherCommons) : 0);
        for (uint256 i = 0; i < PEOPLE; ++i) {
            address who = _person(i);
            int256 balance = credit.signedBalanceOf(who);
            sum += balance;
            if (balance > 0) positive += uint256(balance);
            if (!membership.isMember(who)) assertEq(balance == 0 ? 1 : 0, 1, "a departed member holds a balance");
        }
        assertTrue(sum == 0, "balances do not sum to zero");
        assertTrue(otherCommons == int256(clearedAcross), "the other circle's claim is not what was paid across");
        assertEq(credit.totalSupply(), positive, "supply is not the sum of positive balances");
        _checkLedger();
    }

    /// @dev Every payment is given by one account and received by another: the totals agree.
    function _checkLedger() private view {
        (uint256 given, uint256 received) = credit.totals(address(circle));
        (uint256 otherGiven, uint256 otherReceived) = credit.totals(address(otherCircle));
        given += otherGiven;
        received += otherReceived;
        for (uint256 i = 0; i < PEOPLE; ++i) {
            (uint256 g, uint256 r) = credit.totals(_person(i));
            given += g;
            received += r;
        }
        assertEq(given, received, "the ledger's totals given and received disagree");
    }

    /// @dev The other currency: zero-sum over its people and both commons; its supply is its positive balances.
    function _checkOtherCurrency() private view {
        MutualCredit c = otherCredit;
        int256 sum = c.signedBalanceOf(address(circle)) + c.signedBalanceOf(address(otherCircle));
        int256 a = c.signedBalanceOf(address(circle));
        int256 b = c.signedBalanceOf(address(otherCircle));
        uint256 positive = (a > 0 ? uint256(a) : 0) + (b > 0 ? uint256(b) : 0);
        for (uint256 i = 0; i < PEOPLE; ++i) {
            int256 balance = c.signedBalanceOf(_person(i));
            sum += balance;
            if (balance > 0) positive += uint256(balance);
        }
        assertTrue(sum == 0, "the other currency does not sum to zero");
        assertTrue(b == -int256(clearedAcross), "the other commons did not pay out what was paid across");
        assertEq(c.totalSupply(), positive, "the other currency's supply is not its positive balances");
    }
}
