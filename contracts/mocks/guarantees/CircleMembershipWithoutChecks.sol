// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CircleMembershipWithoutLiveCheck} from "./CircleMembershipWithoutLiveCheck.sol";

/// @title CircleMembershipWithoutChecks
/// @notice Bench only (scripts/bench/guarantees.ts), never deployed by a registry: the membership with both of its
/// guarantees that a lifecycle pays for switched off at once, the live member check of a vote and the check of a
/// proposal's calls, for the bench's lifecycle with every circle-side guarantee off.
contract CircleMembershipWithoutChecks is CircleMembershipWithoutLiveCheck {
    /// @notice Allows every call.
    function checkCalls(address[] calldata, bytes[] calldata, bool) public pure override {}
}
