// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ABDKMath64x64} from "abdk-libraries-solidity/ABDKMath64x64.sol";

/// @dev A balance as stored: its value on `day`, discounted to today when read.
struct DiscountedBalance {
    uint192 value;
    uint64 day;
}

/// @title Demurrage
/// @notice The numbers of basic income: 1 token per hour of life, claimable up to 14 days back, losing 7% a year.
/// @dev Carries over Circles v2's published figures, not its code: the daily factor gamma = 0.93^(1/365.25) as the
/// 64.64 fixed-point number 18443079296116538654, applied per whole day since a day zero; "static" (inflationary)
/// units are demurraged units times gamma^-day, so they never decay. Powers are ABDK's exact binary exponentiation in
/// 64.64, so results match any implementation of the same formula with the same constant to the wei.
///
/// Issuance: every clock hour that began at or after the last claim (counted from the hour the last claim fell in)
/// and has ended by now earns 1 token, worth gamma^(today - the day the hour began) today; at most the last 14 days
/// count, so a claim after 14 days or more earns the capped amount. A claim in the same hour earns 0.
library Demurrage {
    using ABDKMath64x64 for int128;

    /// @notice gamma = 0.93^(1/365.25), the factor a balance keeps per day, in 64.64 fixed point.
    int128 internal constant GAMMA_64X64 = 18443079296116538654;

    /// @notice 1 / gamma in 64.64 fixed point (ABDK `inv(GAMMA)`, checked in the tests).
    int128 internal constant BETA_64X64 = 18450409579521241655;

    /// @notice One token per hour, with 18 decimals.
    uint256 internal constant TOKENS_PER_HOUR = 1e18;

    /// @notice Unclaimed income older than this is lost.
    uint256 internal constant MAX_CLAIM = 14 days;

    /// @notice Largest amount or balance: a balance is stored in 192 bits next to its day.
    uint256 internal constant MAX_VALUE = type(uint192).max;

    /// @notice `value` after `elapsedDays` days of demurrage (rounded down).
    function discount(uint256 value, uint256 elapsedDays) internal pure returns (uint256) {
        if (elapsedDays == 0) return value;
        return GAMMA_64X64.pow(elapsedDays).mulu(value);
    }

    /// @notice A demurraged amount on `day` expressed in static units, which do not decay (rounded down).
    function toStatic(uint256 value, uint256 day) internal pure returns (uint256) {
        return BETA_64X64.pow(day).mulu(value);
    }

    /// @notice A static amount expressed in demurraged units on `day` (rounded down).
    function fromStatic(uint256 value, uint256 day) internal pure returns (uint256) {
        return GAMMA_64X64.pow(day).mulu(value);
    }

    /// @notice A stored balance's value on `today` (which must not be before the day it was stored).
    function valueOn(DiscountedBalance memory balance, uint256 today) internal pure returns (uint256) {
        return discount(balance.value, today - balance.day);
    }

    /// @notice The income earned between `lastClaim` and `claimTime`, in demurraged units of `claimTime`'s day.
    /// @param lastClaim When the person last claimed (or registered).
    /// @param claimTime Now.
    /// @param dayZero The start of day 0; a whole number of hours, at or before `lastClaim`.
    /// @return amount What the claim mints.
    /// @return from The time counting starts from (`lastClaim`, or 14 days before `claimTime` if later).
    function issuance(
        uint256 lastClaim,
        uint256 claimTime,
        uint256 dayZero
    ) internal pure returns (uint256 amount, uint256 from) {
        from = claimTime > MAX_CLAIM && claimTime - MAX_CLAIM > lastClaim ? claimTime - MAX_CLAIM : lastClaim;
        uint256 hour = from / 1 hours;
        uint256 endHour = claimTime / 1 hours;
        uint256 today = (claimTime - dayZero) / 1 days;
        // Hours are grouped by the day they began in: at most 15 days, since at most 14 days count.
        while (hour < endHour) {
            uint256 day = (hour * 1 hours - dayZero) / 1 days;
            uint256 dayEndHour = (dayZero + (day + 1) * 1 days) / 1 hours;
            uint256 untilHour = dayEndHour < endHour ? dayEndHour : endHour;
            amount += discount((untilHour - hour) * TOKENS_PER_HOUR, today - day);
            hour = untilHour;
        }
    }
}
