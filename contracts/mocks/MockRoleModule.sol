// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ICircleRoleModule} from "../interfaces/ICircleRoleModule.sol";

/// @notice Test-only role module that records the hooks it receives, or misbehaves on demand.
contract MockRoleModule is ICircleRoleModule {
    enum Behaviour {
        Record,
        Revert,
        BurnGas
    }

    Behaviour public behaviour;
    uint64 public lastEpoch;
    uint256 public resets;
    address public lastMemberLeft;
    uint256 public departures;

    error MockRoleModuleFailed();

    /// @notice Sets how the module answers hooks.
    function setBehaviour(Behaviour behaviour_) external {
        behaviour = behaviour_;
    }

    /// @inheritdoc ICircleRoleModule
    function onCircleReset(uint64 epoch) external {
        _misbehave();
        lastEpoch = epoch;
        resets += 1;
    }

    /// @inheritdoc ICircleRoleModule
    function onMemberLeft(address member) external {
        _misbehave();
        lastMemberLeft = member;
        departures += 1;
    }

    function _misbehave() private view {
        if (behaviour == Behaviour.Revert) revert MockRoleModuleFailed();
        if (behaviour == Behaviour.BurnGas) {
            // solhint-disable-next-line no-empty-blocks
            while (true) {}
        }
    }
}
