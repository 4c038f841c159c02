// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title EtherSink
/// @notice Test-only: a contract that accepts plain ether (a circle pays contracts, not bare accounts, through a
/// mandate's value power).
contract EtherSink {
    receive() external payable {}
}
