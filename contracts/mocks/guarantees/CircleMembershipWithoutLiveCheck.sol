// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CircleMembership} from "../../circles/CircleMembership.sol";

/// @title CircleMembershipWithoutLiveCheck
/// @notice Bench only (scripts/bench/guarantees.ts), never deployed by a registry: the membership with one guarantee
/// switched off, that a voter is still a member when voting. It answers the votes at the proposal's electorate
/// timepoint alone, as OpenZeppelin's Governor does, so someone who left after the proposal was made could still vote.
contract CircleMembershipWithoutLiveCheck is CircleMembership {
    /// @notice The votes at `timepoint`, whether or not `account` is a member now.
    function votesIfMember(address account, uint256 timepoint) external view override returns (uint256) {
        return getPastVotes(account, timepoint);
    }
}
