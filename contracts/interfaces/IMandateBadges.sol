// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IMandateBadges
/// @notice How wallets see mandates: each mandate is a soulbound ERC-721 (ERC-5192 locked) whose token id is the
/// mandate id, owned by its holder while the mandate is live, with an on-chain JSON `tokenURI`. It is minted when
/// the mandate is granted and burned when it ends, and the history of who held a role when stays readable by role.
interface IMandateBadges {
    /// @notice The caller is not the circle's mandates module.
    /// @param caller The caller.
    error MandateBadgesOnlyMandates(address caller);

    /// @notice Mandate badges cannot be transferred or approved.
    /// @param tokenId The token.
    error MandateBadgesSoulbound(uint256 tokenId);

    /// @notice A page was asked for with more entries than the cap.
    /// @param limit The page size asked for.
    /// @param max The cap.
    error MandateBadgesPageTooLarge(uint256 limit, uint256 max);

    /// @notice Sets up a circle's badges. Called once by the registry on the clone, which it created with the
    /// circle's mandates module and the circle as immutable arguments, in its code.
    /// @param circleName The circle's name, for the collection name.
    function initialize(string calldata circleName) external;

    /// @notice Mints the badge of a new mandate. Only the mandates module.
    /// @param mandateId The mandate (and token id).
    /// @param holder Its holder.
    /// @param roleId keccak256 of the role name.
    /// @param role The role name.
    /// @param title The issue's title.
    function onGranted(
        uint256 mandateId,
        address holder,
        bytes32 roleId,
        string calldata role,
        string calldata title
    ) external;

    /// @notice Burns the badge of an ended mandate. Only the mandates module.
    /// @param mandateId The mandate.
    /// @param holder Its holder.
    function onEnded(uint256 mandateId, address holder) external;

    /// @notice The circle whose mandates these are.
    function circle() external view returns (address);

    /// @notice The name of a role.
    /// @param roleId keccak256 of the role name.
    function roleName(bytes32 roleId) external view returns (string memory);

    /// @notice The title of a mandate.
    /// @param mandateId The mandate.
    function title(uint256 mandateId) external view returns (string memory);

    /// @notice How many mandates a role has had.
    /// @param roleId The role.
    function roleHistoryLength(bytes32 roleId) external view returns (uint256);

    /// @notice A page of the mandates of a role, oldest first: who held it when can be read from each.
    /// @param roleId The role.
    /// @param offset Index of the first.
    /// @param limit At most this many (at most 100).
    function roleHistory(bytes32 roleId, uint256 offset, uint256 limit) external view returns (uint256[] memory);
}
