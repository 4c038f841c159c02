// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ICircleRoleModule
/// @notice A module that gives out roles in a circle (mandates, council seats, a currency's accounts) and must
/// hear when those roles dissolve. A circle registers its modules by its own decision and notifies each of them.
/// @dev Hooks run with a fixed gas stipend inside try/catch: a failing module cannot block a reset or an exit,
/// and the circle emits {ICircle-RoleModuleHookFailed} so the failure is on the public ledger.
interface ICircleRoleModule {
    /// @notice Called when the circle is hard-reset or dissolved: every role the module gave out must end now.
    /// @param epoch The circle's new reset epoch.
    function onCircleReset(uint64 epoch) external;

    /// @notice Called when `member` has left or been removed from the circle.
    /// @param member The former member.
    function onMemberLeft(address member) external;
}
