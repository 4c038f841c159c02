// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Sortition
/// @notice Drawing one member by lot from a frozen pool, uniformly among those still eligible.
/// @dev Each attempt derives a fresh index from the revealed randomness (keccak256 of the randomness and the
/// attempt number) over the candidates not yet tried; an ineligible candidate is swapped out and the draw repeats.
/// Every still-eligible member therefore has the same chance, whoever became ineligible in between. The modulo
/// bias of a 256-bit value over at most 32 candidates is below 2^-250. At most `pool.length` attempts.
library Sortition {
    /// @notice Picks uniformly among the members of `pool` for which `eligible` holds; zero if none does.
    /// @dev Reorders `pool` in memory.
    function pick(
        address[] memory pool,
        uint256 randomness,
        function(address, bytes32, address) view returns (bool) eligible,
        bytes32 roleId,
        address excluded
    ) internal view returns (address) {
        uint256 remaining = pool.length;
        for (uint256 attempt = 0; remaining > 0; ++attempt) {
            uint256 i = uint256(keccak256(abi.encode(randomness, attempt))) % remaining;
            address candidate = pool[i];
            if (eligible(candidate, roleId, excluded)) return candidate;
            pool[i] = pool[remaining - 1];
            --remaining;
        }
        return address(0);
    }

    /// @notice Picks two distinct members of `pool`, the first uniformly among those for which `eligible` holds for
    /// `firstRole`, the second uniformly among the others for which it holds for `secondRole`, from `randomness` and
    /// a value derived from it; zero for a member not found (the second is zero when at most one is eligible).
    /// @dev Order-independent: the pair is a function of the set of members in `pool` and of `randomness`, whatever
    /// order `pool` comes in, since both picks run over the pool sorted by address. Sorts and reorders `pool` in
    /// memory; at most `pool.length` attempts per pick and `pool.length^2 / 2` comparisons per sort.
    function pickTwo(
        address[] memory pool,
        uint256 randomness,
        function(address, bytes32, address) view returns (bool) eligible,
        bytes32 firstRole,
        bytes32 secondRole,
        address excluded
    ) internal view returns (address first, address second) {
        sort(pool);
        first = pick(pool, randomness, eligible, firstRole, excluded);
        if (first == address(0)) return (first, first);
        address[] memory rest = without(pool, first);
        sort(rest);
        second = pick(rest, uint256(keccak256(abi.encode(randomness))), eligible, secondRole, excluded);
    }

    /// @notice Sorts `pool` in place, lowest address first (insertion sort: pools have at most 32 members).
    function sort(address[] memory pool) internal pure {
        for (uint256 i = 1; i < pool.length; ++i) {
            address member = pool[i];
            uint256 j = i;
            for (; j > 0 && pool[j - 1] > member; --j) {
                pool[j] = pool[j - 1];
            }
            pool[j] = member;
        }
    }

    /// @notice `pool` without `member` (a new array; `pool` itself is unchanged).
    function without(address[] memory pool, address member) internal pure returns (address[] memory rest) {
        rest = new address[](pool.length);
        uint256 count;
        for (uint256 i = 0; i < pool.length; ++i) {
            if (pool[i] != member) rest[count++] = pool[i];
        }
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(rest, count)
        }
    }
}
