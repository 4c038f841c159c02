// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IRandomnessSource} from "../interfaces/IRandomnessSource.sol";

/// @notice Test-only deterministic randomness: tickets are sequential; a ticket is ready once the test sets its
/// value, and expired once the test expires it.
contract MockRandomness is IRandomnessSource {
    uint256 public ticketCount;
    mapping(uint256 ticket => uint256) public values;
    mapping(uint256 ticket => bool) public set;
    mapping(uint256 ticket => bool) public expired;

    /// @inheritdoc IRandomnessSource
    function request() external returns (uint256) {
        return ++ticketCount;
    }

    /// @notice Makes `ticket` reveal `value`.
    function setValue(uint256 ticket, uint256 value) external {
        values[ticket] = value;
        set[ticket] = true;
    }

    /// @notice Makes `ticket` unrevealable.
    function expire(uint256 ticket) external {
        expired[ticket] = true;
    }

    /// @inheritdoc IRandomnessSource
    function isReady(uint256 ticket) external view returns (bool) {
        return set[ticket] && !expired[ticket];
    }

    /// @inheritdoc IRandomnessSource
    function isExpired(uint256 ticket) external view returns (bool) {
        return expired[ticket];
    }

    /// @inheritdoc IRandomnessSource
    function reveal(uint256 ticket, bytes calldata) external view returns (uint256) {
        if (expired[ticket]) revert RandomnessExpired(ticket);
        if (!set[ticket]) revert RandomnessNotReady(ticket);
        return values[ticket];
    }
}
