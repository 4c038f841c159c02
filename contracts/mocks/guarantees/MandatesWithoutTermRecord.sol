// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Mandates} from "../../mandates/Mandates.sol";

/// @title MandatesWithoutTermRecord
/// @notice Bench only (scripts/bench/guarantees.ts), never deployed by a registry: the mandates module with one
/// guarantee switched off, the role's own record. A grant counts no term: the role keeps no latest mandate, streak or
/// history, so term limits never lock anyone out, the role never reads as occupied and {roleHistory} stays empty.
contract MandatesWithoutTermRecord is Mandates {
    /// @param audits_ The audit module, as for {Mandates}.
    constructor(address audits_) Mandates(audits_) {}

    /// @dev Counts nothing.
    function _countTerm(bytes32, address, uint256) internal pure override {}
}
