// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @dev One account of a mutual-credit currency in one storage word, so a payment reads and writes each side once:
/// bits 0-111 the signed balance (int112), bits 112-247 the total ever given (uint136), bit 248 "may hold" (a
/// cached holder check), bit 249 "has limits of its own".
type CreditAccount is uint256;

using CreditAccountLib for CreditAccount global;

/// @title CreditAccountLib
/// @notice Reads and updates a {CreditAccount} word; every update checks that its value fits.
library CreditAccountLib {
    uint256 private constant BALANCE_BITS = 112;
    uint256 private constant BALANCE_MASK = (1 << BALANCE_BITS) - 1;
    uint256 private constant GIVEN_MASK = ((1 << 136) - 1) << BALANCE_BITS;
    uint256 private constant HOLDER = 1 << 248;
    uint256 private constant CUSTOM_LIMITS = 1 << 249;

    /// @notice The signed balance.
    function balance(CreditAccount a) internal pure returns (int256) {
        return int256(CreditAccount.unwrap(a) << (256 - BALANCE_BITS)) >> (256 - BALANCE_BITS);
    }

    /// @notice The total ever given.
    function given(CreditAccount a) internal pure returns (uint256) {
        return (CreditAccount.unwrap(a) & GIVEN_MASK) >> BALANCE_BITS;
    }

    /// @notice Whether the account is known to be allowed to hold.
    function isHolder(CreditAccount a) internal pure returns (bool) {
        return CreditAccount.unwrap(a) & HOLDER != 0;
    }

    /// @notice Whether the account has limits of its own.
    function hasCustomLimits(CreditAccount a) internal pure returns (bool) {
        return CreditAccount.unwrap(a) & CUSTOM_LIMITS != 0;
    }

    /// @notice The same account with another balance; reverts if it does not fit 112 signed bits.
    function withBalance(CreditAccount a, int256 newBalance) internal pure returns (CreditAccount) {
        uint256 bits = uint256(uint112(SafeCast.toInt112(newBalance)));
        return CreditAccount.wrap((CreditAccount.unwrap(a) & ~BALANCE_MASK) | bits);
    }

    /// @notice The same account having given `amount` more; reverts if the total does not fit 136 bits.
    function withGiven(CreditAccount a, uint256 amount) internal pure returns (CreditAccount) {
        uint256 total = SafeCast.toUint136(given(a) + amount);
        return CreditAccount.wrap((CreditAccount.unwrap(a) & ~GIVEN_MASK) | (total << BALANCE_BITS));
    }

    /// @notice The same account, allowed to hold or not.
    function withHolder(CreditAccount a, bool holder) internal pure returns (CreditAccount) {
        uint256 word = CreditAccount.unwrap(a);
        return CreditAccount.wrap(holder ? word | HOLDER : word & ~HOLDER);
    }

    /// @notice The same account, marked as having limits of its own.
    function withCustomLimits(CreditAccount a) internal pure returns (CreditAccount) {
        return CreditAccount.wrap(CreditAccount.unwrap(a) | CUSTOM_LIMITS);
    }
}
