// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Mentorship
/// @notice The ordering of the mentorship inversion: members newest first by admission time, ties broken by lot.
library Mentorship {
    /// @notice Sorts `members` in place, newest first: by admission time descending, and among members admitted in
    /// the same second (founders share one) by `keccak256(randomness, member)` descending, then by address.
    /// @dev The order is total on distinct addresses and reads nothing but each member's own time and address, so the
    /// result does not depend on the order the members are given in: the same set, times and randomness always give
    /// the same order. Insertion sort: at most n(n-1)/2 comparisons, n at most the member cap (32), so at most 496.
    /// @param members The members; sorted in place.
    /// @param admitted Each member's admission time, at the same index; sorted along.
    /// @param randomness The randomness that breaks ties.
    function sortNewestFirst(address[] memory members, uint48[] memory admitted, uint256 randomness) internal pure {
        uint256 n = members.length;
        // Each key holds the admission time above the lot, so one comparison orders by both.
        uint256[] memory keys = new uint256[](n);
        for (uint256 i = 0; i < n; ++i) {
            keys[i] = (uint256(admitted[i]) << 208) | (uint256(keccak256(abi.encode(randomness, members[i]))) >> 48);
        }
        for (uint256 i = 1; i < n; ++i) {
            uint256 key = keys[i];
            address member = members[i];
            uint48 time = admitted[i];
            uint256 j = i;
            while (j > 0 && _before(key, member, keys[j - 1], members[j - 1])) {
                keys[j] = keys[j - 1];
                members[j] = members[j - 1];
                admitted[j] = admitted[j - 1];
                --j;
            }
            keys[j] = key;
            members[j] = member;
            admitted[j] = time;
        }
    }

    /// @dev Whether (key, member) comes before (otherKey, other): the larger key first, then the larger address (a
    /// tie of 208-bit lots between two members is as unlikely as a hash collision, but the order stays total).
    function _before(uint256 key, address member, uint256 otherKey, address other) private pure returns (bool) {
        return key > otherKey || (key == otherKey && member > other);
    }
}
