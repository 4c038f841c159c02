// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CircleTestBase} from "../utils/CircleTestBase.sol";

/// @notice Base for the invariant suites. Hardhat's Solidity test runner (EDR) reads the same hooks as Foundry's
/// StdInvariant, which is not installable here: `targetContracts()` and `targetSelectors()` say which handler
/// functions the fuzzer may call. Each `invariant_*` function of the test gets its own campaign of random call
/// sequences (runs x depth from hardhat.config.ts) and is checked after every call.
abstract contract InvariantTest is CircleTestBase {
    /// @dev The layout EDR expects from `targetSelectors()`.
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    address[] private _targetContracts;
    FuzzSelector[] private _targetSelectors;

    /// @notice The handlers the fuzzer calls.
    function targetContracts() public view returns (address[] memory) {
        return _targetContracts;
    }

    /// @notice The actions of each handler the fuzzer calls (its other functions are views for the invariants).
    function targetSelectors() public view returns (FuzzSelector[] memory) {
        return _targetSelectors;
    }

    /// @dev Makes `handler`'s `selectors` the actions of random sequences.
    function _target(address handler, bytes4[] memory selectors) internal {
        _targetContracts.push(handler);
        FuzzSelector storage target = _targetSelectors.push();
        target.addr = handler;
        target.selectors = selectors;
    }
}
