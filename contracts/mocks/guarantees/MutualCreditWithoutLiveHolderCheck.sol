// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CreditAccount} from "../../credit/CreditAccount.sol";
import {MutualCredit} from "../../credit/MutualCredit.sol";

/// @title MutualCreditWithoutLiveHolderCheck
/// @notice Bench only (scripts/bench/guarantees.ts), never made by the factory: the currency with one guarantee
/// switched off, the live check that an account without the cached "may hold" bit is a member. Any account could
/// then be paid (and pay), and its word would be written with the bit as if the check had passed.
contract MutualCreditWithoutLiveHolderCheck is MutualCredit {
    /// @dev The account's word with the bit set, asked of no one.
    function _holding(CreditStorage storage $, address account) internal view override returns (CreditAccount a) {
        a = $.accounts[account];
        if (!a.isHolder()) a = a.withHolder(true);
    }
}
