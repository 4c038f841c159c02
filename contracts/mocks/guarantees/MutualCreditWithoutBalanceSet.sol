// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {MutualCredit} from "../../credit/MutualCredit.sol";

/// @title MutualCreditWithoutBalanceSet
/// @notice Bench only (scripts/bench/guarantees.ts), never made by the factory: the currency with one guarantee
/// switched off, the set of accounts with a balance. A jubilee could then clear no balance (it walks that set), and
/// {totalSupply} and {accountsWithBalance} would read nothing.
contract MutualCreditWithoutBalanceSet is MutualCredit {
    /// @dev Keeps no set.
    function _trackNonZero(CreditStorage storage, address, int256, int256) internal pure override {}
}
