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
    /// @dev Hours are grouped by the day they began in, each group discounted once (rounded down): the first day's
    /// hours, the whole days between (24 hours each, their sum read from {wholeDays}), and today's hours, which keep
    /// their value. The same sum, to the wei, as discounting each day's group in turn.
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
        if (hour >= endHour) return (0, from);
        uint256 today = (claimTime - dayZero) / 1 days;
        uint256 firstDay = (hour * 1 hours - dayZero) / 1 days;
        uint256 todayStartHour = (dayZero + today * 1 days) / 1 hours;
        if (firstDay == today) return ((endHour - hour) * TOKENS_PER_HOUR, from);
        uint256 firstDayEndHour = (dayZero + (firstDay + 1) * 1 days) / 1 hours;
        amount =
            discount((firstDayEndHour - hour) * TOKENS_PER_HOUR, today - firstDay) +
            wholeDays(today - firstDay - 1) +
            (endHour - todayStartHour) * TOKENS_PER_HOUR;
    }

    /// @notice The sum over k = 1..`count` of 24 tokens discounted by k days (each rounded down): what `count` whole
    /// days of income that ended yesterday are worth today.
    /// @dev Read from a table for `count` <= 13, which is every count {issuance} asks for (at most 14 days count, so
    /// at most 13 whole days lie between the first day and today); each entry is ABDK's `pow` and `mulu`, summed,
    /// checked against them in the tests. Larger counts are summed day by day.
    function wholeDays(uint256 count) internal pure returns (uint256 sum) {
        if (count == 0) return 0;
        if (count == 1) return 23995231968206374978;
        if (count == 2) return 47985696851874424310;
        if (count == 3) return 71971395598071258064;
        if (count == 4) return 95952329153675834388;
        if (count == 5) return 119928498465378996889;
        if (count == 6) return 143899904479683512006;
        if (count == 7) return 167866548142904106374;
        if (count == 8) return 191828430401167504181;
        if (count == 9) return 215785552200412464522;
        if (count == 10) return 239737914486389818735;
        if (count == 11) return 263685518204662507743;
        if (count == 12) return 287628364300605619378;
        if (count == 13) return 311566453719406425701;
        for (uint256 k = 1; k <= count; ++k) sum += discount(24 * TOKENS_PER_HOUR, k);
    }
}
