// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IIncomeWrapper} from "../interfaces/IIncomeWrappers.sol";
import {Demurrage, DiscountedBalance} from "./Demurrage.sol";
import {IncomeWrapperBase} from "./IncomeWrapperBase.sol";

/// @title DemurragedIncomeToken
/// @notice An ERC-20 for one hub token whose balances lose 7% a year exactly like the hub's: 1 wrapped token is 1 hub
/// token, today and on every later day. Named "Commonweal income 0x<address>" after the person (or group) whose
/// token it wraps, with symbol "CWI-0x<first 2 bytes of the address>" (short for display, so not unique); 18 decimals.
///
/// @dev Security reasoning (beyond {IncomeWrapperBase}'s):
/// - Balances, and the total supply, are stored like the hub's ({DiscountedBalance}: a value and the day it was
///   written) and read through {Demurrage.valueOn} with the hub's own day. So while one holder holds all and only
///   wraps and unwraps, their balance equals the wrapper's hub balance to the wei: both are rewritten on the same
///   days by the same amounts.
/// - Invariant (up to rounding): the sum of balances is at most the wrapper's hub balance. Every balance here is
///   rounded down, and decays by a fixed-point power that is itself rounded down, so it never exceeds its exact
///   value; the exact values sum to the wrapper's exact hub balance, since wrapping, transfers and unwrapping move
///   equal amounts. But the hub rounds its balance of the wrapper down too, whenever it rewrites it on a new day
///   (a wrap or unwrap): by under 1 wei + balance / 2^64 each time, about 55 wei per 1000 tokens. So the sum can
///   exceed the hub balance by those few wei, and {unwrap} then sends what the wrapper holds: the last holder to
///   unwrap may get a few wei less. The other way round, separately rounded balances leave dust behind at the hub.
/// - For the same reason {totalSupply}, stored as one balance, can differ from the sum of balances by a few wei; a
///   burn that would take it below zero leaves it at zero.
/// - Amounts fit in 192 bits: what the hub delivers does ({Demurrage.MAX_VALUE}), and balances and the supply stay
///   within a few wei of the wrapper's hub balance, which the hub caps at {Demurrage.MAX_VALUE}. Stores are still
///   checked ({SafeCast}).
contract DemurragedIncomeToken is IncomeWrapperBase {
    /// @custom:storage-location erc7201:commonweal.storage.DemurragedIncomeToken
    struct DemurragedStorage {
        DiscountedBalance totalSupply;
        mapping(address account => DiscountedBalance) balances;
    }

    // keccak256(abi.encode(uint256(keccak256("commonweal.storage.DemurragedIncomeToken")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant DEMURRAGED_STORAGE = 0xdc3f6c79ed241bc054fc2b023b085d1f3fd48c2aba8bd548c241a243f948a300;

    /// @param hub_ The hub whose tokens the clones wrap.
    constructor(address hub_) IncomeWrapperBase(hub_) {}

    /// @inheritdoc IIncomeWrapper
    function initialize(uint256 id_) external initializer {
        _initializeWrapper(id_, "Commonweal income ", "CWI-");
    }

    // ------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------

    /// @notice `account`'s balance today, after demurrage (the same as the hub tokens it stands for).
    function balanceOf(address account) public view override returns (uint256) {
        return Demurrage.valueOn(_storage().balances[account], _hub.today());
    }

    /// @notice All balances today, after demurrage (within a few wei of their sum: see the contract's header).
    function totalSupply() public view override returns (uint256) {
        return Demurrage.valueOn(_storage().totalSupply, _hub.today());
    }

    // ------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------

    /// @dev Replaces ERC-20's plain balances (which stay unused) with demurraged ones; every mint, burn and transfer
    /// comes through here. Each touched balance is brought to today and stored with today's day.
    function _update(address from, address to, uint256 value) internal override {
        DemurragedStorage storage $ = _storage();
        uint256 day = _hub.today();
        if (from == address(0)) {
            $.totalSupply = _stored(Demurrage.valueOn($.totalSupply, day) + value, day);
        } else {
            uint256 fromBalance = Demurrage.valueOn($.balances[from], day);
            if (fromBalance < value) revert ERC20InsufficientBalance(from, fromBalance, value);
            $.balances[from] = _stored(fromBalance - value, day);
        }
        if (to == address(0)) {
            uint256 supply = Demurrage.valueOn($.totalSupply, day);
            // Rounded separately from the balances, the supply can be a few wei below their sum.
            $.totalSupply = _stored(supply > value ? supply - value : 0, day);
        } else {
            $.balances[to] = _stored(Demurrage.valueOn($.balances[to], day) + value, day);
        }
        emit Transfer(from, to, value);
    }

    function _toWrapped(uint256 hubAmount) internal pure override returns (uint256) {
        return hubAmount;
    }

    function _toHub(uint256 amount) internal pure override returns (uint256) {
        return amount;
    }

    function _stored(uint256 value, uint256 day) private pure returns (DiscountedBalance memory) {
        return DiscountedBalance(SafeCast.toUint192(value), uint64(day));
    }

    function _storage() private pure returns (DemurragedStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            $.slot := DEMURRAGED_STORAGE
        }
    }
}
