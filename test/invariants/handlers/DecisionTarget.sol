// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice What a decision did: the one call a recorded proposal makes, so the tests can see which decisions took
/// effect (and that nothing took effect without one).
contract DecisionTarget {
    address private immutable _governor;
    mapping(uint256 ref => uint256) public hits;
    uint256 public totalHits;

    /// @notice Only the governor records decisions.
    error DecisionTargetOnlyGovernor(address caller);

    constructor(address governor) {
        _governor = governor;
    }

    /// @notice Records that decision `ref` took effect. Only the governor.
    function record(uint256 ref) external {
        if (msg.sender != _governor) revert DecisionTargetOnlyGovernor(msg.sender);
        ++hits[ref];
        ++totalHits;
    }
}
