// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ABDKMath64x64} from "abdk-libraries-solidity/ABDKMath64x64.sol";

import {Demurrage} from "../../contracts/income/Demurrage.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Issuance in constant time gives, to the wei, what discounting each day's hours in turn gives: the table of
/// whole days is ABDK's `pow` and `mulu` summed, and the fuzzed claims agree with the day-by-day sum.
contract DemurrageIssuanceTest is TestBase {
    using ABDKMath64x64 for int128;

    /// @notice Each entry of the table of whole days is the sum of ABDK's discounts, day by day.
    function test_wholeDaysTableIsAbdkSummed() public pure {
        uint256 sum;
        for (uint256 count = 0; count <= 20; ++count) {
            if (count > 0) sum += Demurrage.GAMMA_64X64.pow(count).mulu(24 * Demurrage.TOKENS_PER_HOUR);
            assertEq(Demurrage.wholeDays(count), sum, "whole days");
        }
    }

    /// @notice Any day zero (whole hours), last claim and claim time: the same amount and start as day by day.
    function testFuzz_issuanceMatchesDayByDay(uint64 dayZeroHours, uint64 sinceDayZero, uint64 absence) public pure {
        uint256 dayZero = uint256(dayZeroHours % 1_000_000) * 1 hours;
        uint256 lastClaim = dayZero + (sinceDayZero % (3_000 days));
        uint256 claimTime = lastClaim + (absence % (40 days));
        (uint256 amount, uint256 from) = Demurrage.issuance(lastClaim, claimTime, dayZero);
        (uint256 expected, uint256 expectedFrom) = _dayByDay(lastClaim, claimTime, dayZero);
        assertEq(amount, expected, "amount");
        assertEq(from, expectedFrom, "from");
    }

    /// @notice Claims at the edges: on the hour, at midnight, in the same hour, after exactly 14 days and after more.
    function test_issuanceAtTheEdges() public pure {
        uint256 dayZero = 100 days + 5 hours;
        uint256[6] memory absences = [uint256(0), 59 minutes, 1 hours, 1 days, 14 days, 30 days];
        uint256[4] memory starts = [dayZero, dayZero + 1 days, dayZero + 1 days + 23 hours, dayZero + 7 days + 1];
        for (uint256 s = 0; s < starts.length; ++s) {
            for (uint256 a = 0; a < absences.length; ++a) {
                uint256 claimTime = starts[s] + absences[a];
                (uint256 amount, uint256 from) = Demurrage.issuance(starts[s], claimTime, dayZero);
                (uint256 expected, uint256 expectedFrom) = _dayByDay(starts[s], claimTime, dayZero);
                assertEq(amount, expected, "amount");
                assertEq(from, expectedFrom, "from");
            }
        }
    }

    /// @dev The day-by-day formula the library used before: each day's hours discounted in turn.
    function _dayByDay(
        uint256 lastClaim,
        uint256 claimTime,
        uint256 dayZero
    ) private pure returns (uint256 amount, uint256 from) {
        uint256 maxClaim = Demurrage.MAX_CLAIM;
        from = claimTime > maxClaim && claimTime - maxClaim > lastClaim ? claimTime - maxClaim : lastClaim;
        uint256 hour = from / 1 hours;
        uint256 endHour = claimTime / 1 hours;
        uint256 today = (claimTime - dayZero) / 1 days;
        while (hour < endHour) {
            uint256 day = (hour * 1 hours - dayZero) / 1 days;
            uint256 dayEndHour = (dayZero + (day + 1) * 1 days) / 1 hours;
            uint256 untilHour = dayEndHour < endHour ? dayEndHour : endHour;
            amount += Demurrage.discount((untilHour - hour) * Demurrage.TOKENS_PER_HOUR, today - day);
            hour = untilHour;
        }
    }
}
