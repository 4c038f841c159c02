// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Circle} from "../../circles/Circle.sol";
import {ICircleMembership} from "../../interfaces/ICircleMembership.sol";

/// @title CircleWithoutFixedQuorum
/// @notice Bench only (scripts/bench/guarantees.ts), never deployed by a registry: the circle with one guarantee
/// switched off, the quorum fixed when a proposal is made. A proposal stores no quorum (nothing is read to compute
/// it); the quorum is computed when the votes are counted, from the electorate at the proposal's snapshot and the
/// quorum percentage in force then, as OpenZeppelin's Governor computes it, so a rule change during the vote would
/// change what the vote needs. {quorum} reads 0 here.
contract CircleWithoutFixedQuorum is Circle {
    // Circle's ERC-7201 slot: its rules are the first member, the quorum percentage bits 16 to 23 of the first word.
    bytes32 private constant CIRCLE_STORAGE = 0xd2ac9856ae762844f509ef1a3040a2f93cb5394e1f50fc8a5c354bae3d166b00;

    /// @dev Nothing is computed when a proposal is made: it stores a quorum of 0.
    function _quorumOf(uint256, uint8) internal pure override returns (uint256) {
        return 0;
    }

    /// @dev The quorum computed when counted, with the percentage in force now.
    function _quorumReached(uint256 proposalId) internal view override returns (bool) {
        (, uint256 forVotes, uint256 abstainVotes) = proposalVotes(proposalId);
        uint256 rulesWord;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            rulesWord := sload(CIRCLE_STORAGE)
        }
        uint256 size = ICircleMembership(address(token())).electorateSize(proposalSnapshot(proposalId));
        return (size * uint8(rulesWord >> 16)) / 100 <= forVotes + abstainVotes;
    }
}
