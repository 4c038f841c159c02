// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The few Hardhat/Foundry cheatcodes the Solidity tests use (forge-std is not installable here).
interface Vm {
    function warp(uint256 newTimestamp) external;
    function prank(address msgSender) external;
    function assume(bool condition) external pure;
    function roll(uint256 newHeight) external;
}

/// @notice Base for Solidity tests: the cheatcode handle and small assertions with messages.
abstract contract TestBase {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    error AssertionFailed(string message, uint256 left, uint256 right);

    function assertEq(uint256 left, uint256 right, string memory message) internal pure {
        if (left != right) revert AssertionFailed(message, left, right);
    }

    function assertTrue(bool condition, string memory message) internal pure {
        if (!condition) revert AssertionFailed(message, 0, 1);
    }
}
