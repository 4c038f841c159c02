// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {MandateBadges} from "../../mandates/MandateBadges.sol";

/// @title MandateBadgesWithoutStoredNames
/// @notice Bench only (scripts/bench/guarantees.ts), never deployed by a registry: the badges with one guarantee
/// switched off, the role's name and the mandate's title kept on chain. The grant's events still carry both, but
/// {roleName}, {title} and the badge's token URI would show them empty.
contract MandateBadgesWithoutStoredNames is MandateBadges {
    /// @dev Keeps neither.
    function _keepsNames() internal pure override returns (bool) {
        return false;
    }
}
