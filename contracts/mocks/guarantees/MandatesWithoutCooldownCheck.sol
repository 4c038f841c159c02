// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Mandates} from "../../mandates/Mandates.sol";

/// @title MandatesWithoutCooldownCheck
/// @notice Bench only (scripts/bench/guarantees.ts), never deployed by a registry: the mandates module with one
/// guarantee switched off, that a member the temperature check cooled down may not be given a mandate. Eligibility
/// asks the rituals nothing, so a grant makes no call to them.
contract MandatesWithoutCooldownCheck is Mandates {
    /// @param audits_ The audit module, as for {Mandates}.
    constructor(address audits_) Mandates(audits_) {}

    /// @dev Asks nothing: nobody is ever cooled down.
    function _checksCooldown() internal pure override returns (bool) {
        return false;
    }
}
