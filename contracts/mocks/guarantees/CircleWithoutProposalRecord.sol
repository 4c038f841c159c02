// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {GovernorUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/GovernorUpgradeable.sol";

import {ICircleMembership} from "../../interfaces/ICircleMembership.sol";
import {ICircleRituals} from "../../interfaces/ICircleRituals.sol";
import {CircleWithoutFixedQuorum} from "./CircleWithoutFixedQuorum.sol";

/// @title CircleWithoutProposalRecord
/// @notice Bench only (scripts/bench/guarantees.ts), never deployed by a registry: the circle without the record it
/// keeps of each proposal, and so without the four guarantees that one storage slot holds. As OpenZeppelin's
/// Governor does: the electorate is counted when voting opens (the circle counts the members of the second before the
/// proposal, so allies admitted during the voting delay cannot swing it), the quorum is computed when the votes are
/// counted (inherited from {CircleWithoutFixedQuorum}), a succeeded proposal never expires (the circle's execution
/// window), and a hard reset cancels no proposal (the circle's reset epoch). Every other rule is the circle's: a
/// dissolved circle refuses, the membership checks the calls, the proposer must be a member now, the rituals keep
/// their book, and a vote needs a member's weight.
contract CircleWithoutProposalRecord is CircleWithoutFixedQuorum {
    // Circle's ERC-7201 slot: its rules take the first two words; the third holds the membership (bits 0-159), the
    // reset epoch and whether the circle dissolved (bits 200-207); the fourth the rituals.
    bytes32 private constant CIRCLE_STORAGE = 0xd2ac9856ae762844f509ef1a3040a2f93cb5394e1f50fc8a5c354bae3d166b00;

    /// @dev The circle's checks around OpenZeppelin's proposal, and no record of it.
    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal override returns (uint256 proposalId) {
        (uint256 shared, address rituals_) = _sharedSlots();
        if ((shared >> 200) & 0xff != 0) revert CircleIsDissolved();
        ICircleMembership membership_ = ICircleMembership(address(uint160(shared)));
        membership_.checkCalls(targets, calldatas, charterLapsed());
        proposalId = GovernorUpgradeable._propose(targets, values, calldatas, description, proposer);
        if (!membership_.isMember(proposer)) revert CircleProposerNotMember(proposer);
        ICircleRituals(rituals_).proposalMade(proposalId, proposer);
    }

    /// @dev A member's weight when voting opens, OpenZeppelin's snapshot.
    function _castVote(
        uint256 proposalId,
        address account,
        uint8 support,
        string memory reason,
        bytes memory params
    ) internal override returns (uint256) {
        _validateStateBitmap(proposalId, _encodeStateBitmap(ProposalState.Active));
        uint256 weight = ICircleMembership(address(token())).votesIfMember(account, proposalSnapshot(proposalId));
        if (weight == 0) revert CircleNotInElectorate(proposalId, account);
        uint256 votedWeight = _countVote(proposalId, account, support, weight, params);
        if (params.length == 0) {
            emit VoteCast(account, proposalId, support, votedWeight, reason);
        } else {
            emit VoteCastWithParams(account, proposalId, support, votedWeight, reason, params);
        }
        _tallyUpdated(proposalId);
        return votedWeight;
    }

    /// @notice OpenZeppelin's snapshot: when voting opens.
    function proposalSnapshot(uint256 proposalId) public view override returns (uint256) {
        return GovernorUpgradeable.proposalSnapshot(proposalId);
    }

    /// @notice OpenZeppelin's state: no reset epoch, no execution window.
    function state(uint256 proposalId) public view override returns (ProposalState) {
        return GovernorUpgradeable.state(proposalId);
    }

    function _sharedSlots() private view returns (uint256 shared, address rituals_) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            shared := sload(add(CIRCLE_STORAGE, 2))
            rituals_ := sload(add(CIRCLE_STORAGE, 3))
        }
    }
}
