// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Circle} from "../../../contracts/circles/Circle.sol";
import {CircleMembership} from "../../../contracts/circles/CircleMembership.sol";
import {MutualCredit} from "../../../contracts/credit/MutualCredit.sol";
import {CouncilSeats} from "../../../contracts/federation/CouncilSeats.sol";
import {Handler} from "./Handler.sol";

/// @notice The actions around two mutual-credit currencies joined by a clearing line: payments in either currency
/// (by members, departed members and outsiders), payments across the line, limit changes, jubilees, departures,
/// removals and admissions, the second circle leaving the open council and taking its seat again (the line is closed
/// while it is out, and its commons keeps its debt), and attempts to close accounts.
/// @dev People 0-7 are founders of both circles; 8 and 9 are outsiders who may be admitted to the first circle.
contract CreditHandler is Handler {
    uint256 public constant PEOPLE = 10;

    Circle public immutable circleA;
    Circle public immutable circleB;
    MutualCredit public immutable creditA;
    MutualCredit public immutable creditB;

    /// @notice A payment went through that left the payer beyond its credit limit or the payee beyond its
    /// saturation limit.
    uint256 public limitBreaches;
    /// @notice An account was closed while its holder was still a member (or one could not be closed after leaving).
    uint256 public wrongClosures;
    /// @notice The last thing that broke a guarantee.
    string public lastViolation;

    CouncilSeats public immutable seats;

    constructor(Circle a, Circle b, MutualCredit ca, MutualCredit cb, CouncilSeats seats_) {
        circleA = a;
        circleB = b;
        creditA = ca;
        creditB = cb;
        seats = seats_;
    }

    /// @notice Someone pays someone (or a commons) in one currency.
    function pay(uint256 from, uint256 to, uint256 amount, bool inB) external {
        MutualCredit credit = inB ? creditB : creditA;
        address payer = _person(from % PEOPLE);
        address payee = to % 5 == 0 ? _commons(inB) : _person(to % PEOPLE);
        amount %= 120_00;
        vm.prank(payer);
        try credit.transfer(payee, amount) {
            _checkLimits(credit, payer, payee, amount);
        } catch {}
    }

    /// @notice Someone pays across the clearing line: their currency's debt to the other commons, the other
    /// commons' credit to the receiver.
    function payAcross(uint256 from, uint256 to, uint256 amount, bool fromB) external {
        (MutualCredit here, MutualCredit there) = fromB ? (creditB, creditA) : (creditA, creditB);
        address payer = _person(from % PEOPLE);
        address receiver = _person(to % PEOPLE);
        amount %= 120_00;
        vm.prank(payer);
        try here.payAcross(address(there), receiver, amount) {
            _checkLimits(here, payer, _commons(!fromB), amount);
            _checkLimits(there, _commons(!fromB), receiver, amount);
        } catch {}
    }

    /// @notice A circle changes someone's limits by decision (possibly below their balance).
    function setLimits(uint256 who, uint256 creditLimit, uint256 saturation, bool inB) external {
        vm.prank(address(inB ? circleB : circleA));
        (inB ? creditB : creditA).setLimits(_person(who % PEOPLE), creditLimit % 200_00, saturation % 200_00);
    }

    /// @notice A circle declares a jubilee: every balance of its currency back to zero.
    function jubilee(bool inB) external {
        vm.prank(address(inB ? circleB : circleA));
        (inB ? creditB : creditA).jubilee();
    }

    /// @notice A member of the first circle leaves or is removed (while three remain); a non-member asks to join and
    /// is admitted.
    function joinOrLeave(uint256 who, uint256 how) external {
        address person = _person(who % PEOPLE);
        CircleMembership membership = CircleMembership(circleA.membership());
        if (!membership.isMember(person)) {
            // Admission takes the person's own request, then the circle's decision.
            vm.prank(person);
            try membership.requestAdmission() {} catch {}
            vm.prank(address(circleA));
            try membership.admit(person) {} catch {}
        } else if (membership.memberCount() > 3) {
            if (how % 2 == 0) {
                vm.prank(person);
                membership.leave();
            } else {
                vm.prank(address(circleA));
                membership.remove(person);
            }
        }
    }

    /// @notice The second circle leaves the open council (in debt or not), or takes its seat again (on probation).
    function leaveOrRejoinCouncil() external {
        bool seated = seats.hasSeat(address(circleB));
        vm.prank(address(circleB));
        if (seated) seats.leave();
        else try seats.requestSeat() {} catch {}
    }

    /// @notice Anyone tries to close anyone's account in either currency; only a departed member's may close.
    function settle(uint256 who, bool inB, bool commons) external {
        MutualCredit credit = inB ? creditB : creditA;
        address account = commons ? _commons(inB) : _person(who % PEOPLE);
        bool holder = credit.isHolder(account);
        try credit.settleDeparted(account) {
            if (holder) _violation("a holder's account was closed", ++wrongClosures);
        } catch {
            if (!holder) _violation("a departed member's account could not be closed", ++wrongClosures);
        }
    }

    /// @notice Time passes (limits and balances do not depend on it; resets and expiries elsewhere do).
    function pass(uint256 seconds_) external {
        _pass(seconds_, 2 days);
    }

    /// @notice Every account that can hold a balance in the suite: the people, both commons.
    function accounts() public view returns (address[] memory list) {
        list = new address[](PEOPLE + 2);
        for (uint256 i = 0; i < PEOPLE; ++i) list[i] = _person(i);
        list[PEOPLE] = address(circleA);
        list[PEOPLE + 1] = address(circleB);
    }

    function _checkLimits(MutualCredit credit, address payer, address payee, uint256 amount) private {
        if (amount == 0 || payer == payee) return;
        (uint256 creditLimit, ) = credit.limitsOf(payer);
        (, uint256 saturation) = credit.limitsOf(payee);
        if (credit.signedBalanceOf(payer) < -int256(creditLimit)) {
            _violation("a payer went beyond its credit limit", ++limitBreaches);
        }
        if (credit.signedBalanceOf(payee) > int256(saturation)) {
            _violation("a payee went beyond its saturation limit", ++limitBreaches);
        }
    }

    function _commons(bool inB) private view returns (address) {
        return address(inB ? circleB : circleA);
    }

    function _violation(string memory what, uint256) private {
        lastViolation = what;
    }
}
