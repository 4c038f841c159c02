// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Circle} from "../../contracts/circles/Circle.sol";
import {CircleMembership} from "../../contracts/circles/CircleMembership.sol";
import {CircleRegistry} from "../../contracts/circles/CircleRegistry.sol";
import {CircleRituals} from "../../contracts/circles/CircleRituals.sol";
import {CouncilSeats} from "../../contracts/federation/CouncilSeats.sol";
import {CreditFactory} from "../../contracts/credit/CreditFactory.sol";
import {MutualCredit} from "../../contracts/credit/MutualCredit.sol";
import {ICircleRegistry} from "../../contracts/interfaces/ICircleRegistry.sol";
import {CircleRules} from "../../contracts/interfaces/ICircleRules.sol";
import {ICouncilSeats} from "../../contracts/interfaces/ICouncilSeats.sol";
import {CircleRulesLib} from "../../contracts/libraries/CircleRulesLib.sol";
import {MockRandomness} from "../../contracts/mocks/MockRandomness.sol";
import {InvariantTest} from "./InvariantTest.sol";
import {CreditHandler} from "./handlers/CreditHandler.sol";

/// @notice Invariants of two mutual-credit currencies joined by a clearing line, under random payments in both,
/// payments across, limit changes, jubilees, joins, departures, removals, a circle leaving and rejoining the council,
/// and account closures.
contract CreditInvariantTest is InvariantTest {
    CreditHandler private handler;

    /// @dev The one place the currencies are set up (as in test/credit/MutualCredit.t.sol): two circles of the same
    /// eight people, a currency each (credit limit 100, saturation 150), both seated in an open council, a clearing
    /// line each way with limits of 80 for the other commons.
    function setUp() public {
        vm.warp(1_000_000);
        CircleRegistry registry = _deployRegistry(address(new MockRandomness()));
        CircleRules memory rules = CircleRulesLib.defaults();
        rules.maxMembers = 12;
        Circle circleA = _found(registry, 8, rules, CircleRulesLib.defaultMandateRules());
        Circle circleB = _found(registry, 8, rules, CircleRulesLib.defaultMandateRules());
        CreditFactory factory = new CreditFactory(address(registry));
        vm.prank(address(circleA));
        MutualCredit creditA = MutualCredit(factory.createCurrency("Hours", "HRS", 2, 100_00, 150_00));
        CircleRituals ritualsA = CircleRituals(circleA.rituals());
        vm.prank(address(circleA));
        ritualsA.addRoleModule(address(creditA));
        vm.prank(address(circleB));
        MutualCredit creditB = MutualCredit(factory.createCurrency("Other", "OTH", 2, 100_00, 150_00));
        CircleRituals ritualsB = CircleRituals(circleB.rituals());
        vm.prank(address(circleB));
        ritualsB.addRoleModule(address(creditB));
        // A seat needs three members a second before.
        vm.warp(1_000_001);

        CircleRules memory councilRules = CircleRulesLib.defaults();
        councilRules.minMembers = 1;
        vm.prank(address(circleA));
        address council = registry.createCouncil(
            ICircleRegistry.CouncilFounding({name: "Market", charterHash: bytes32(0), charterURI: "", openJoin: true}),
            councilRules,
            CircleRulesLib.defaultMandateRules()
        );
        ICouncilSeats seats = ICouncilSeats(Circle(payable(council)).membership());
        vm.prank(address(circleB));
        seats.requestSeat();
        vm.prank(address(circleA));
        creditA.openClearingLine(address(creditB), council);
        vm.prank(address(circleA));
        creditA.setLimits(address(circleB), 80_00, 80_00);
        vm.prank(address(circleB));
        creditB.openClearingLine(address(creditA), council);
        vm.prank(address(circleB));
        creditB.setLimits(address(circleA), 80_00, 80_00);

        handler = new CreditHandler(circleA, circleB, creditA, creditB, CouncilSeats(address(seats)));
        bytes4[] memory actions = new bytes4[](8);
        actions[0] = CreditHandler.pay.selector;
        actions[1] = CreditHandler.payAcross.selector;
        actions[2] = CreditHandler.setLimits.selector;
        actions[3] = CreditHandler.jubilee.selector;
        actions[4] = CreditHandler.joinOrLeave.selector;
        actions[5] = CreditHandler.settle.selector;
        actions[6] = CreditHandler.pass.selector;
        actions[7] = CreditHandler.leaveOrRejoinCouncil.selector;
        _target(address(handler), actions);
    }

    /// @notice In every currency the signed balances sum to zero (over the known accounts and over every account
    /// with a balance), the supply is the sum of the positive balances, and the ledger's totals given and
    /// received agree.
    function invariant_creditIsZeroSumInEveryCurrency() public view {
        _checkZeroSum(handler.creditA(), "A");
        _checkZeroSum(handler.creditB(), "B");
    }

    /// @notice No payment ever leaves its payer beyond their credit limit or its payee beyond their saturation
    /// limit, in either currency; a departed member holds nothing, and only departed members' accounts close.
    function invariant_creditWithinLimits() public view {
        assertEq(handler.limitBreaches(), 0, handler.lastViolation());
        assertEq(handler.wrongClosures(), 0, handler.lastViolation());
        CircleMembership membership = CircleMembership(handler.circleA().membership());
        address[] memory list = handler.accounts();
        for (uint256 i = 0; i < list.length; ++i) {
            if (handler.creditA().isHolder(list[i])) continue;
            if (membership.isMember(list[i])) continue;
            assertTrue(handler.creditA().signedBalanceOf(list[i]) == 0, "a departed member holds a balance");
        }
    }

    function _checkZeroSum(MutualCredit credit, string memory name) private view {
        address[] memory list = handler.accounts();
        int256 sum;
        uint256 positive;
        uint256 given;
        uint256 received;
        for (uint256 i = 0; i < list.length; ++i) {
            int256 balance = credit.signedBalanceOf(list[i]);
            sum += balance;
            if (balance > 0) positive += uint256(balance);
            (uint256 g, uint256 r) = credit.totals(list[i]);
            given += g;
            received += r;
        }
        assertTrue(sum == 0, string.concat(name, ": balances do not sum to zero"));
        assertEq(credit.totalSupply(), positive, string.concat(name, ": supply is not the sum of positive balances"));
        assertEq(given, received, string.concat(name, ": totals given and received disagree"));
        address[] memory holding = credit.accountsWithBalance();
        int256 all;
        for (uint256 i = 0; i < holding.length; ++i) all += credit.signedBalanceOf(holding[i]);
        assertTrue(all == 0, string.concat(name, ": the accounts with a balance do not sum to zero"));
    }
}
