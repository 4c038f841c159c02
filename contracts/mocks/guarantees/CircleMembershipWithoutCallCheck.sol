// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CircleMembership} from "../../circles/CircleMembership.sol";

/// @title CircleMembershipWithoutCallCheck
/// @notice Bench only (scripts/bench/guarantees.ts), never deployed by a registry: the membership with one guarantee
/// switched off, the check that the body may make a proposal's calls (under a lapsed charter, only ratify, admit,
/// remove and dissolve). Every call passes, when a proposal is made and when it is executed.
contract CircleMembershipWithoutCallCheck is CircleMembership {
    /// @notice Allows every call.
    function checkCalls(address[] calldata, bytes[] calldata, bool) public pure override {}
}
