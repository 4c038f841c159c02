// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title LookAlikeCurrency
/// @notice Test-only: a contract that answers like a circle's currency (it names a real circle) but was not made by
/// the credit factory, and clears nothing in.
contract LookAlikeCurrency {
    /// @notice The circle it claims to belong to.
    address public immutable circle;

    constructor(address circle_) {
        circle = circle_;
    }

    /// @notice Pretends to pay a member on the other side; does nothing.
    function clearIn(address, uint256) external {}
}
