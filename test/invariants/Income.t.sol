// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IncomeHub} from "../../contracts/income/IncomeHub.sol";
import {IIncomeHub} from "../../contracts/interfaces/IIncomeHub.sol";
import {MockRandomness} from "../../contracts/mocks/MockRandomness.sol";
import {InvariantTest} from "./InvariantTest.sol";
import {IncomeHandler} from "./handlers/IncomeHandler.sol";

/// @notice Invariants of basic income under random registrations, invitations, claims, stops and the passing of
/// time: issuance never exceeds one token an hour per person, nor reaches back more than 14 days.
contract IncomeInvariantTest is InvariantTest {
    IncomeHandler private handler;

    /// @dev The one place the hub is set up: day zero a midnight ten days back, 30 days of open registration,
    /// Circles v2's invitation cost (96) and welcome bonus (48).
    function setUp() public {
        vm.warp(100 days + 7 hours + 13 minutes);
        IncomeHub hub = new IncomeHub(
            IIncomeHub.Config({
                registry: address(_deployRegistry(address(new MockRandomness()))),
                dayZero: uint64((block.timestamp / 1 days - 10) * 1 days),
                bootstrapPeriod: 30 days,
                invitationCost: 96e18,
                welcomeBonus: 48e18,
                uri: ""
            })
        );
        handler = new IncomeHandler(hub);
        bytes4[] memory actions = new bytes4[](5);
        actions[0] = IncomeHandler.register.selector;
        actions[1] = IncomeHandler.invite.selector;
        actions[2] = IncomeHandler.claim.selector;
        actions[3] = IncomeHandler.stop.selector;
        actions[4] = IncomeHandler.pass.selector;
        _target(address(handler), actions);
    }

    /// @notice No person has ever been minted more than one token per clock hour since they registered (welcome
    /// bonuses aside), every claim minted what the balance gained, and no one unregistered or stopped claimed.
    function invariant_issuanceAtMostOneTokenPerHour() public view {
        assertEq(handler.misreportedClaims(), 0, handler.lastViolation());
        assertEq(handler.wrongClaims(), 0, handler.lastViolation());
        for (uint256 i = 0; i < handler.PEOPLE(); ++i) {
            address person = _person(i);
            assertTrue(handler.minted(person) <= handler.lifetimeBound(person), "minted more than a token an hour");
        }
    }

    /// @notice No claim ever minted more than the hours since the later of the last claim and 14 days ago, and what
    /// is claimable now never reaches back further either.
    function invariant_claimsReachBackAtMost14Days() public view {
        assertEq(handler.overIssuance(), 0, handler.lastViolation());
        for (uint256 i = 0; i < handler.PEOPLE(); ++i) {
            address person = _person(i);
            (uint256 amount, uint256 from) = handler.hub().claimable(person);
            assertTrue(amount <= handler.bound(person), "claimable beyond one token an hour");
            assertTrue(amount <= 14 * 24 * 1e18, "claimable beyond 14 days");
            assertTrue(from + 14 days >= block.timestamp, "a claim would count from more than 14 days back");
        }
    }
}
