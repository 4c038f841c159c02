// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Mentorship} from "../../contracts/libraries/Mentorship.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Fuzz tests of the mentorship inversion's ordering.
contract MentorshipFuzzTest is TestBase {
    uint256 private constant CAP = 32;

    /// @notice Invariant: the order depends only on the set of members, their admission times and the randomness,
    /// not on the order they are given in; it is newest first, and never pairs a member with themselves.
    /// @dev Up to the member cap of distinct members, admission times drawn from four seconds (so ties are common),
    /// given once as generated and once shuffled.
    function testFuzz_orderDoesNotDependOnInputOrder(uint256 seed, uint256 randomness, uint8 size) public pure {
        uint256 n = size % (CAP + 1);
        address[] memory a = new address[](n);
        uint48[] memory at = new uint48[](n);
        for (uint256 i = 0; i < n; ++i) {
            a[i] = address(uint160(uint256(keccak256(abi.encode(seed, i)))));
            at[i] = uint48(1_000 + (uint256(keccak256(abi.encode(seed, i, "t"))) % 4));
        }
        (address[] memory b, uint48[] memory bt) = _shuffled(a, at, uint256(keccak256(abi.encode(seed, "shuffle"))));
        Mentorship.sortNewestFirst(a, at, randomness);
        Mentorship.sortNewestFirst(b, bt, randomness);
        for (uint256 i = 0; i < n; ++i) {
            assertTrue(a[i] == b[i], "same order whatever the input order");
            assertEq(at[i], bt[i], "times sorted along");
            if (i > 0) assertTrue(at[i - 1] >= at[i], "newest first");
        }
        for (uint256 i = 0; i < n / 2; ++i) assertTrue(a[i] != a[n - 1 - i], "never self");
    }

    /// @dev A Fisher-Yates shuffle of copies of `members` and `times`, moved together.
    function _shuffled(
        address[] memory members,
        uint48[] memory times,
        uint256 seed
    ) private pure returns (address[] memory m, uint48[] memory t) {
        uint256 n = members.length;
        m = new address[](n);
        t = new uint48[](n);
        for (uint256 i = 0; i < n; ++i) (m[i], t[i]) = (members[i], times[i]);
        for (uint256 i = n; i > 1; --i) {
            uint256 j = uint256(keccak256(abi.encode(seed, i))) % i;
            (m[i - 1], m[j]) = (m[j], m[i - 1]);
            (t[i - 1], t[j]) = (t[j], t[i - 1]);
        }
    }
}
