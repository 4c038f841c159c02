// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IIncomeWrapper} from "../interfaces/IIncomeWrappers.sol";
import {Demurrage} from "./Demurrage.sol";
import {IncomeWrapperBase} from "./IncomeWrapperBase.sol";

/// @title StaticIncomeToken
/// @notice An ERC-20 for one hub token in static (inflationary) units, which do not decay: a balance stays the same
/// number day after day, while the hub tokens it stands for (today's demurraged units) shrink by 7% a year. Suits
/// tools that expect balances to change only by transfers. Named "Commonweal static income 0x<address>" after the
/// person (or group) whose token it wraps, with symbol "sCWI-0x<first 2 bytes of the address>" (short for display,
/// so not unique); 18 decimals.
///
/// @dev Security reasoning (beyond {IncomeWrapperBase}'s):
/// - Conversions use the hub's day and {Demurrage.toStatic} / {Demurrage.fromStatic}, both rounded down: wrapping
///   `amount` mints `toStatic(amount, today)`, unwrapping `s` sends `fromStatic(s, today)`.
/// - Invariant (up to rounding): the hub tokens all balances stand for today, `fromStatic(totalSupply, today)`, are
///   at most the wrapper's hub balance. Both conversions and the fixed-point powers behind them round down, so no
///   balance stands for more than its exact share; but the hub rounds its balance of the wrapper down too, whenever
///   it rewrites it on a new day (a wrap or unwrap): by under 1 wei + balance / 2^64 each time, about 55 wei per
///   1000 tokens. So {unwrap} sends what the wrapper holds when it would need more.
contract StaticIncomeToken is IncomeWrapperBase {
    /// @param hub_ The hub whose tokens the clones wrap.
    constructor(address hub_) IncomeWrapperBase(hub_) {}

    /// @inheritdoc IIncomeWrapper
    function initialize(uint256 id_) external initializer {
        _initializeWrapper(id_, "Commonweal static income ", "sCWI-");
    }

    function _toWrapped(uint256 hubAmount) internal view override returns (uint256) {
        return Demurrage.toStatic(hubAmount, _hub.today());
    }

    function _toHub(uint256 amount) internal view override returns (uint256) {
        return Demurrage.fromStatic(amount, _hub.today());
    }
}
