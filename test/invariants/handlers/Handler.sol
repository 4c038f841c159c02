// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CircleTestBase} from "../../utils/CircleTestBase.sol";

/// @notice Base for handlers: the people (numbered addresses that never sign) and time, which only moves forward.
/// @dev A warp in a handler call lasts for the rest of the sequence, and the invariants see the same time.
abstract contract Handler is CircleTestBase {
    /// @notice The time the sequence has reached.
    uint256 public now_;

    constructor() {
        now_ = block.timestamp;
    }

    /// @dev Lets time pass, by at most `max` seconds.
    function _pass(uint256 seconds_, uint256 max) internal {
        now_ += seconds_ % (max + 1);
        vm.warp(now_);
    }
}
