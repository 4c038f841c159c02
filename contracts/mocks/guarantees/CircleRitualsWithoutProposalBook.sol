// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CircleRituals} from "../../circles/CircleRituals.sol";

/// @title CircleRitualsWithoutProposalBook
/// @notice Bench only (scripts/bench/guarantees.ts), never deployed by a registry: the rituals with one guarantee
/// switched off, the book of open proposals. A hard reset would still cancel every open proposal (the circle's epoch)
/// but could not report them with `ProposalCanceled` events, and nothing would hold a proposer to 16 open. The
/// circle's call into the rituals is still made (the circle is not changed), so what this saves is the book alone.
contract CircleRitualsWithoutProposalBook is CircleRituals {
    /// @notice Records nothing.
    function proposalMade(uint256, address) external pure override {}
}
