// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ICircleMembership} from "../interfaces/ICircleMembership.sol";

/// @title Signals
/// @notice Lists of members who signalled for something (a hard reset, a recall) in which only current members
/// count.
library Signals {
    /// @notice Records `member`'s signal after dropping the signals of members who have left since they signalled
    /// (and clearing their flag, so a member who rejoins may signal again).
    /// @dev Bounded: the list holds only current members plus the newcomer, so it never exceeds the member cap.
    /// @return count The signals of current members, this one included.
    function record(
        address[] storage signers,
        mapping(address member => bool) storage signalled,
        ICircleMembership membership,
        address member
    ) internal returns (uint256 count) {
        for (uint256 i = signers.length; i > 0; --i) {
            address signer = signers[i - 1];
            if (!membership.isMember(signer)) {
                signalled[signer] = false;
                signers[i - 1] = signers[signers.length - 1];
                signers.pop();
            }
        }
        signalled[member] = true;
        signers.push(member);
        return signers.length;
    }
}
