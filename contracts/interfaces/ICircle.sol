// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CircleRules, ICircleRules} from "./ICircleRules.sol";

/// @title ICircle
/// @notice The circle-specific surface of a circle, on top of OpenZeppelin's IGovernor: the reversible charter,
/// the hard reset and dissolution. Role modules are kept by the circle's rituals ({ICircleRituals-addRoleModule}).
interface ICircle is ICircleRules {
    /// @notice The circle's charter: what it is for, as a content hash and where to read it.
    /// @param contentHash Hash of the charter text.
    /// @param uri Where the text can be read.
    /// @param expiresAt When the charter lapses unless re-ratified.
    struct Charter {
        bytes32 contentHash;
        string uri;
        uint64 expiresAt;
    }

    /// @notice The circle ratified a charter (at founding or later); it is in force until `expiresAt`.
    /// @param contentHash Hash of the charter text.
    /// @param uri Where the text can be read.
    /// @param expiresAt When the charter lapses.
    event CharterRatified(bytes32 indexed contentHash, string uri, uint64 expiresAt);

    /// @notice The circle was hard-reset: every proposal made before is cancelled, every role dissolved.
    /// @param epoch The new reset epoch.
    /// @param triggeredBy The members whose signals triggered the reset (empty for a dissolution).
    event HardReset(uint64 indexed epoch, address[] triggeredBy);

    /// @notice The circle dissolved itself; it can make no further decisions.
    event CircleDissolved();

    /// @notice The circle changed its rules by decision.
    /// @param oldRules The rules before.
    /// @param newRules The rules now.
    event RulesUpdated(CircleRules oldRules, CircleRules newRules);

    /// @notice The rituals asked the circle to call something other than a role-module hook.
    /// @param selector The selector asked for.
    error CircleNotARoleModuleHook(bytes4 selector);

    /// @notice The charter has lapsed and this call is not one a lapsed circle may make (ratify, admit, remove,
    /// dissolve).
    /// @param expiredAt When the charter lapsed.
    /// @param target The call's target.
    /// @param selector The call's function selector.
    error CircleCharterLapsed(uint64 expiredAt, address target, bytes4 selector);

    /// @notice The circle has dissolved.
    error CircleIsDissolved();

    /// @notice The account had no vote in the electorate of this proposal (it was not a member when the proposal
    /// was made) or is no longer a member.
    /// @param proposalId The proposal.
    /// @param account The voter.
    error CircleNotInElectorate(uint256 proposalId, address account);

    /// @notice Only a current member may propose (for a council: a circle whose seat is filled).
    /// @param account The would-be proposer.
    error CircleProposerNotMember(address account);

    /// @notice The caller is not the circle's membership contract.
    /// @param caller The caller.
    error CircleOnlyMembership(address caller);

    /// @notice The caller is not the circle's mandates module.
    /// @param caller The caller.
    error CircleOnlyMandates(address caller);

    /// @notice The caller is not the circle's rituals contract.
    /// @param caller The caller.
    error CircleOnlyRituals(address caller);

    /// @notice Sets up a new circle. Called once by the registry on the clone.
    /// @param name The circle's name (also its EIP-712 domain name).
    /// @param membership The membership token (the circle's ERC-5805 votes source).
    /// @param rituals The circle's rituals contract, the only caller of {hardReset}.
    /// @param mandates The circle's mandates module, the only caller of {executeByMandate}.
    /// @param rules The circle's rules, already validated.
    /// @param charterHash Hash of the founding charter.
    /// @param charterURI Where the founding charter can be read.
    function initialize(
        string calldata name,
        address membership,
        address rituals,
        address mandates,
        CircleRules calldata rules,
        bytes32 charterHash,
        string calldata charterURI
    ) external;

    /// @notice Ratifies a charter and restarts its term. Only by the circle's decision.
    /// @param contentHash Hash of the charter text.
    /// @param uri Where the text can be read.
    function ratifyCharter(bytes32 contentHash, string calldata uri) external;

    /// @notice Replaces the circle's rules. Only by the circle's decision. Open proposals keep the electorate,
    /// quorum and voting schedule they were made with; the new execution window applies to every proposal at once;
    /// a new charter term applies from the next ratification; a lower maximum size removes no one but blocks
    /// admissions until the circle is below it; a new temperature period ends the running one now.
    /// @param newRules The new rules; validated like a founding's.
    function updateRules(CircleRules calldata newRules) external;

    /// @notice Dissolves the circle: cancels every pending proposal, dissolves every role, refuses new proposals.
    /// Only by the circle's decision. Members can still leave.
    function dissolve() external;

    /// @notice Carries out a hard reset. Only the circle's rituals contract, once its threshold of signals is met.
    /// @param triggeredBy The members who signalled.
    function hardReset(address[] calldata triggeredBy) external;

    /// @notice Performs a call on behalf of a live mandate that allows it. Only the circle's mandates module, which
    /// checks the mandate, its holder and its allowlist; only while the charter is in force (else it reverts with
    /// {IMandates-MandateCharterLapsed}, the circle's address).
    /// @param target The contract called.
    /// @param value Wei sent from the circle.
    /// @param data The calldata.
    /// @return result What the call returned.
    function executeByMandate(
        address target,
        uint256 value,
        bytes calldata data
    ) external returns (bytes memory result);

    /// @notice Calls one role module's hook as the circle (so the module sees the circle as its caller). Only the
    /// circle's rituals, which keep the role modules and call each hook with a fixed gas stipend; only the hooks
    /// `onCircleReset` and `onMemberLeft`. Reverts with the module's revert data, cut to 256 bytes.
    /// @param module The module.
    /// @param data The hook call.
    function callRoleModule(address module, bytes calldata data) external;

    /// @notice Tells the role modules that `member` left. Only the circle's membership contract.
    /// @param member The former member.
    function notifyMemberLeft(address member) external;

    /// @notice The circle's rules.
    function rules() external view returns (CircleRules memory);

    /// @notice The circle's membership token.
    function membership() external view returns (address);

    /// @notice The circle's rituals contract.
    function rituals() external view returns (address);

    /// @notice The circle's mandates module.
    function mandates() external view returns (address);

    /// @notice The proposal whose calls the circle is executing right now, or zero. Lets modules called by a
    /// decision know which decision, and so who proposed it.
    function executingProposal() external view returns (uint256);

    /// @notice The charter in force (or lapsed).
    function charter() external view returns (Charter memory);

    /// @notice Whether the charter has lapsed.
    function charterLapsed() external view returns (bool);

    /// @notice Whether the circle has dissolved.
    function dissolved() external view returns (bool);

    /// @notice The number of hard resets (and dissolutions) so far.
    function resetEpoch() external view returns (uint64);

    /// @notice The reset epoch a proposal was made in.
    /// @param proposalId The proposal.
    function proposalEpoch(uint256 proposalId) external view returns (uint64);

    /// @notice When voting on a proposal opens: the end of its voting delay. (Its `proposalSnapshot`, the timepoint
    /// whose members vote and make the quorum base, is the second before it was made.)
    /// @param proposalId The proposal.
    function proposalVotingOpensAt(uint256 proposalId) external view returns (uint256);
}
