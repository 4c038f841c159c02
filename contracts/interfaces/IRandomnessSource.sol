// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IRandomnessSource
/// @notice A two-phase source of randomness for sortition: `request` fixes, now, a future event whose outcome
/// nobody can know yet (a "ticket"); once it has happened, `reveal` turns it into a number that any caller gets
/// identically, so whoever completes a draw cannot choose its outcome.
interface IRandomnessSource {
    /// @notice The ticket's randomness cannot be revealed yet.
    /// @param ticket The ticket.
    error RandomnessNotReady(uint256 ticket);

    /// @notice The ticket's randomness can no longer be revealed; request a new ticket.
    /// @param ticket The ticket.
    error RandomnessExpired(uint256 ticket);

    /// @notice The proof does not reveal this ticket's randomness.
    /// @param ticket The ticket.
    error RandomnessInvalidProof(uint256 ticket);

    /// @notice Fixes a future source of randomness.
    /// @return ticket What to reveal later.
    function request() external returns (uint256 ticket);

    /// @notice Whether the ticket's randomness can be revealed now.
    /// @param ticket The ticket.
    function isReady(uint256 ticket) external view returns (bool);

    /// @notice Whether the ticket's randomness can no longer be revealed.
    /// @param ticket The ticket.
    function isExpired(uint256 ticket) external view returns (bool);

    /// @notice The ticket's randomness. Reverts with a named error when not ready, expired, or the proof is wrong.
    /// @param ticket The ticket.
    /// @param proof Source-specific evidence (for example a block header).
    function reveal(uint256 ticket, bytes calldata proof) external view returns (uint256);
}
