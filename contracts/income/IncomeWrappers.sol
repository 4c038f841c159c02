// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

import {IIncomeWrapper, IIncomeWrappers} from "../interfaces/IIncomeWrappers.sol";
import {DemurragedIncomeToken} from "./DemurragedIncomeToken.sol";
import {StaticIncomeToken} from "./StaticIncomeToken.sol";

/// @title IncomeWrappers
/// @notice Creates the ERC-20 wrappers of the hub's tokens on demand: for any token id, one demurraged and one static
/// wrapper, each at an address known in advance, created by whoever needs it first.
///
/// @dev Security reasoning:
/// - Wrappers are EIP-1167 clones (CREATE2, salt = hash of the id and the flavour) of two implementations this
///   factory deploys in its constructor, so {wrapperOf} depends on the id and the flavour only, and every
///   wrapper at such an address is genuine. Unlike a circle's currency, a wrapper is one of possibly thousands (one
///   per person and flavour), so the ~2.7k gas a clone adds to each call is worth the ~1.5M gas saved per creation
///   (a wrapper's code is about 7 kB).
/// - A clone is initialized in the transaction that creates it and only by this factory (the implementations
///   record it as their deployer), so nobody can initialize one first with another id.
/// - {createWrapper} is idempotent: if the wrapper exists it returns it without emitting anything. Anyone may
///   create any wrapper, and a router or wallet can call it before wrapping without checking first; two people
///   creating the same wrapper at once then both succeed, instead of one transaction failing.
/// - Only ids below 2^160 can be wrapped: the hub's token ids are addresses as numbers, and no other id can ever
///   have a balance.
contract IncomeWrappers is IIncomeWrappers {
    /// @inheritdoc IIncomeWrappers
    address public immutable hub;

    /// @dev The implementation of demurraged wrappers.
    address private immutable _demurraged;

    /// @dev The implementation of static wrappers.
    address private immutable _static;

    /// @param hub_ The hub whose tokens are wrapped.
    constructor(address hub_) {
        hub = hub_;
        _demurraged = address(new DemurragedIncomeToken(hub_));
        _static = address(new StaticIncomeToken(hub_));
    }

    /// @inheritdoc IIncomeWrappers
    function createWrapper(uint256 id, Flavour flavour) external returns (address wrapper) {
        wrapper = wrapperOf(id, flavour);
        if (wrapper.code.length != 0) return wrapper;
        Clones.cloneDeterministic(implementationOf(flavour), _salt(id, flavour));
        IIncomeWrapper(wrapper).initialize(id);
        emit WrapperCreated(id, flavour, wrapper);
    }

    /// @inheritdoc IIncomeWrappers
    function wrapperOf(uint256 id, Flavour flavour) public view returns (address) {
        if (id > type(uint160).max) revert IncomeWrappersInvalidId(id);
        return Clones.predictDeterministicAddress(implementationOf(flavour), _salt(id, flavour));
    }

    /// @inheritdoc IIncomeWrappers
    function implementationOf(Flavour flavour) public view returns (address) {
        return flavour == Flavour.Demurraged ? _demurraged : _static;
    }

    function _salt(uint256 id, Flavour flavour) private pure returns (bytes32) {
        return keccak256(abi.encode(id, flavour));
    }
}
