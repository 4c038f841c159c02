// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Sortition} from "../../contracts/libraries/Sortition.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice The draw of a pair of auditors ({Sortition-pickTwo}) is order-independent and respects eligibility.
contract AuditPairTest is TestBase {
    /// @dev Members whose address is divisible by `_skip` are ineligible (none when zero).
    uint256 private _skip;

    function _eligible(address member, bytes32, address excluded) internal view returns (bool) {
        return member != excluded && (_skip == 0 || uint160(member) % _skip != 0);
    }

    /// @dev `size` distinct members (2 to 32) from `seed`.
    function _pool(uint256 seed, uint256 size) private pure returns (address[] memory pool) {
        pool = new address[](size);
        for (uint256 i = 0; i < size; ++i) {
            pool[i] = address(uint160(uint256(keccak256(abi.encode(seed, i)))));
        }
    }

    /// @dev `pool` shuffled by `seed` (Fisher-Yates), as a new array.
    function _shuffled(address[] memory pool, uint256 seed) private pure returns (address[] memory out) {
        out = new address[](pool.length);
        for (uint256 i = 0; i < pool.length; ++i) out[i] = pool[i];
        for (uint256 i = out.length; i > 1; --i) {
            uint256 j = uint256(keccak256(abi.encode(seed, i))) % i;
            (out[i - 1], out[j]) = (out[j], out[i - 1]);
        }
    }

    /// @notice Same randomness and the same members in any order: the same two auditors, in the same roles.
    function testFuzz_pickTwo_isOrderIndependent(
        uint256 seed,
        uint256 sizeSeed,
        uint256 randomness,
        uint256 shuffleSeed,
        uint8 skip
    ) public {
        _skip = skip % 4; // 0: everyone eligible; else about a half, a third or a quarter left out
        address[] memory pool = _pool(seed, 2 + (sizeSeed % 31));
        address[] memory shuffled = _shuffled(pool, shuffleSeed);
        (address a1, address a2) = Sortition.pickTwo(pool, randomness, _eligible, 0, 0, address(0));
        (address b1, address b2) = Sortition.pickTwo(shuffled, randomness, _eligible, 0, 0, address(0));
        assertTrue(a1 == b1 && a2 == b2, "the pair depends on the pool's order");
    }

    /// @notice Two distinct eligible members, or zeros when fewer than two are eligible; never the excluded one.
    function testFuzz_pickTwo_distinctAndEligible(
        uint256 seed,
        uint256 sizeSeed,
        uint256 randomness,
        uint8 skip,
        uint256 excludedIndex
    ) public {
        _skip = skip % 4;
        address[] memory pool = _pool(seed, 2 + (sizeSeed % 31));
        address excluded = pool[excludedIndex % pool.length];
        uint256 eligible;
        for (uint256 i = 0; i < pool.length; ++i) if (_eligible(pool[i], 0, excluded)) ++eligible;
        (address first, address second) = Sortition.pickTwo(pool, randomness, _eligible, 0, 0, excluded);
        if (eligible >= 2) {
            assertTrue(first != second, "the same member twice");
            assertTrue(_eligible(first, 0, excluded) && _eligible(second, 0, excluded), "an ineligible auditor");
        } else {
            assertTrue(second == address(0), "a pair from fewer than two eligible");
        }
    }
}
