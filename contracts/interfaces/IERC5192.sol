// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ERC-5192: Minimal Soulbound NFTs
/// @notice A token that is locked is bound to its owner and cannot be transferred.
interface IERC5192 {
    /// @notice Emitted when the locking status of a token is changed to locked.
    /// @param tokenId The token.
    event Locked(uint256 tokenId);

    /// @notice Emitted when the locking status of a token is changed to unlocked.
    /// @param tokenId The token.
    event Unlocked(uint256 tokenId);

    /// @notice Returns the locking status of a token; reverts for a token that does not exist.
    /// @param tokenId The token.
    function locked(uint256 tokenId) external view returns (bool);
}
