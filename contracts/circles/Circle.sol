// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {GovernorUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/GovernorUpgradeable.sol";
import {GovernorCountingSimpleUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/extensions/GovernorCountingSimpleUpgradeable.sol";
import {GovernorVotesUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/extensions/GovernorVotesUpgradeable.sol";
import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

import {ICircle} from "../interfaces/ICircle.sol";
import {ICircleMembership} from "../interfaces/ICircleMembership.sol";
import {ICircleRituals} from "../interfaces/ICircleRituals.sol";
import {ICircleRoleModule} from "../interfaces/ICircleRoleModule.sol";
import {IMandates} from "../interfaces/IMandates.sol";
import {CircleRules} from "../interfaces/ICircleRules.sol";

/// @title Circle
/// @notice A circle of 6-10 people governing a commons, one member one vote. It is an OpenZeppelin Governor, so
/// any IGovernor client can propose, vote (also by EIP-712 signature), execute and cancel; on top of that it has
/// a charter that lapses unless re-ratified, a hard reset any few members can trigger, and role modules that are
/// told when roles must dissolve.
///
/// @dev Security reasoning:
/// - The circle is its own executor and has no timelock. A timelock protects a minority by giving it time to exit
///   before a decision lands; here exit is immediate and costs nothing ({CircleMembership-leave}), voting delay
///   gives notice, and any `resetThreshold` members can cancel every pending or succeeded proposal with a hard
///   reset. A second contract holding the circle's assets would add a trust boundary and no protection.
/// - Electorate: a proposal counts the members as they were the second before it was made, not when voting opens,
///   so admitting allies during the voting delay cannot swing a vote. A voter must also still be a member when
///   voting. The quorum base is the same electorate. `proposalSnapshot` is that timepoint, so an IGovernor client
///   reading `getVotes(account, proposalSnapshot(id))` sees exactly the weight the circle counts (a member admitted
///   during the voting delay reads 0); voting still opens after the voting delay ({proposalVotingOpensAt}, and
///   `state` reads Pending until then).
/// - Hard reset is O(1) for the circle's state: it ends an epoch and records when, and every proposal of that epoch
///   that was open at that moment (pending, active, or succeeded and not expired) reads as Canceled for good. The
///   `ProposalCanceled` events that report them come from the rituals' bounded list of open proposals (at most
///   {CircleRituals-MAX_OPEN_PROPOSALS}, at most 16 per proposer so a minority cannot fill it), so no one can make a
///   reset too expensive by making many proposals. Reset signers then wait out a cooldown the rules bound from below
///   ({CircleRulesLib-minResetCooldown}), so a minority cannot turn resets into a standing veto.
/// - Role modules are kept by the rituals, which call each hook through {callRoleModule} with a fixed gas budget,
///   tolerating and logging failures, after checking the transaction carries gas for every budget: a broken module
///   can never block a reset or a member's exit, and a caller cannot starve one. {callRoleModule} makes only the two
///   hook calls, so the rituals cannot make the circle do anything else.
/// - Size: the governor keeps only governing (20.7 KB of the 24 KB limit). Rule validation, the role-module registry
///   and hook loop, and the open-proposal book live in the rituals; the ERC-6372 clock is fixed to timestamps (the
///   membership's by code); as its own executor the circle checks "by decision" as "called by itself".
/// - Succeeded proposals expire after the `executionWindow` in force when they were made (the end is stored with the
///   proposal, so a later rule change cannot revive one): a decision cannot be executed months later by a circle
///   whose members have changed. `Queued` is never reached (nothing is queued without a timelock).
/// - Rules change only by decision ({updateRules}); a proposal keeps the electorate, quorum and schedule it was
///   made with, so changing the rules cannot reach back into a vote already under way.
/// - What a body may call is its membership's policy ({ICircleMembership-checkCalls}), checked when a proposal is
///   made and again on every call at execution, so a proposal made before a charter lapsed cannot slip through:
///   a lapsed circle may only ratify, admit, remove and dissolve. Nor may a mandate act under a lapsed charter:
///   {executeByMandate} refuses every call once it has lapsed.
/// - Each proposal stores its quorum when made (a percentage of the electorate's size then), so nothing that
///   happens later changes what it needs.
/// @custom:security-contact security@commonweal.invalid
contract Circle is GovernorUpgradeable, GovernorCountingSimpleUpgradeable, GovernorVotesUpgradeable, ICircle {
    /// @dev Revert data a failing role-module hook passes back to the rituals; longer data is cut, so a module cannot
    /// bloat the failure event or make the caller pay to copy it.
    uint256 private constant MAX_HOOK_REASON = 256;

    struct ProposalMeta {
        uint48 electorateAt;
        uint64 epoch;
        uint32 quorumVotes;
        // The end of its execution window, fixed when made: a later rule change cannot revive an expired decision.
        uint48 expiresAt;
    }

    /// @custom:storage-location erc7201:commonweal.storage.Circle
    struct CircleStorage {
        CircleRules rules;
        // One slot for what every proposal, vote and execution reads: the electorate's contract (also the Governor's
        // token), the reset epoch (40 bits: a trillion resets), whether the circle dissolved, and when the charter
        // lapses (a copy of `charter.expiresAt`, which a ratification writes in both places).
        address membership;
        uint40 resetEpoch;
        bool dissolved;
        uint48 charterExpiresAt;
        address rituals;
        // The mandates module beside a second copy of the charter's expiry: an act through a mandate reads this slot
        // alone (the ratification writes all three copies).
        address mandates;
        uint48 mandatesCharterExpiresAt;
        Charter charter;
        mapping(uint256 proposalId => ProposalMeta) proposals;
        mapping(uint64 epoch => uint48) epochEndedAt;
    }

    // keccak256(abi.encode(uint256(keccak256("commonweal.storage.Circle")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant CIRCLE_STORAGE = 0xd2ac9856ae762844f509ef1a3040a2f93cb5394e1f50fc8a5c354bae3d166b00;

    // The proposal being executed, for the modules it calls ({executingProposal}). Transient (EIP-1153): it only has
    // meaning during the execution, and a storage slot set and cleared there costs about 2,000 gas more per execution.
    // The execution puts back the value it found (zero, unless a proposal executes another) before it returns, so
    // nothing is left for a later call in the same transaction: the use solc's composability warning calls safe.
    // Transient storage has its own address space, so it cannot meet the namespaced layout.
    uint256 private transient _executingProposal;

    modifier onlyMembership() {
        _checkMembership();
        _;
    }

    modifier onlyRituals() {
        _checkRituals();
        _;
    }

    /// @dev The implementation is only ever used through clones.
    constructor() {
        _disableInitializers();
    }

    /// @inheritdoc ICircle
    function initialize(
        string calldata name_,
        address membership_,
        address rituals_,
        address mandates_,
        CircleRules calldata rules_,
        bytes32 charterHash,
        string calldata charterURI
    ) external initializer {
        __Governor_init(name_);
        __GovernorCountingSimple_init();
        CircleStorage storage $ = _circleStorage();
        _storeRules(rules_);
        $.membership = membership_;
        $.rituals = rituals_;
        $.mandates = mandates_;
        _ratify(charterHash, charterURI);
    }

    // ------------------------------------------------------------------
    // Charter, dissolution, reset
    // ------------------------------------------------------------------

    /// @inheritdoc ICircle
    function ratifyCharter(bytes32 contentHash, string calldata uri) external onlyGovernance {
        _ratify(contentHash, uri);
    }

    /// @inheritdoc ICircle
    /// @dev The rituals validate the whole rule set ({CircleRulesLib-validate}, as the registry does at founding)
    /// and revert the change if it is malformed: the validation code lives once, outside the governor.
    function updateRules(CircleRules calldata newRules) external onlyGovernance {
        CircleStorage storage $ = _circleStorage();
        CircleRules memory oldRules = _rules();
        _storeRules(newRules);
        // Everything below reads the stored copy, so one ABI encoder (memory) serves the event, the calls and {rules}.
        CircleRules memory current = _rules();
        emit RulesUpdated(oldRules, current);
        ICircleMembership($.membership).setMaxMembers(current.maxMembers);
        ICircleRituals($.rituals).setRules(current);
    }

    /// @inheritdoc ICircle
    function dissolve() external onlyGovernance {
        _circleStorage().dissolved = true;
        emit CircleDissolved();
        _reset(new address[](0));
    }

    /// @inheritdoc ICircle
    function hardReset(address[] calldata triggeredBy) external onlyRituals {
        if (_circleStorage().dissolved) revert CircleIsDissolved();
        _reset(triggeredBy);
    }

    /// @inheritdoc ICircle
    function executeByMandate(address target, uint256 value, bytes calldata data) external returns (bytes memory) {
        CircleStorage storage $ = _circleStorage();
        if (msg.sender != $.mandates) revert CircleOnlyMandates(msg.sender);
        // The mandates module's own error: the charter check of every act is made here, in the slot read anyway.
        if (block.timestamp >= $.mandatesCharterExpiresAt) revert IMandates.MandateCharterLapsed(address(this));
        return Address.functionCallWithValue(target, data, value);
    }

    /// @inheritdoc ICircle
    function notifyMemberLeft(address member) external onlyMembership {
        IMandates(_circleStorage().mandates).onMemberLeft(member);
        ICircleRituals(_circleStorage().rituals).notifyRoleModules(
            abi.encodeCall(ICircleRoleModule.onMemberLeft, (member))
        );
    }

    /// @inheritdoc ICircle
    /// @dev The call forwards the gas the rituals gave it (the hook's stipend). Only the two hooks may be called, so
    /// the rituals cannot make the circle do anything else; a module checks that its caller is the circle.
    function callRoleModule(address module, bytes calldata data) external onlyRituals {
        bytes4 selector = bytes4(data);
        if (
            selector != ICircleRoleModule.onCircleReset.selector && selector != ICircleRoleModule.onMemberLeft.selector
        ) {
            revert CircleNotARoleModuleHook(selector);
        }
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            calldatacopy(ptr, data.offset, data.length)
            if iszero(call(gas(), module, 0, ptr, data.length, 0, 0)) {
                let size := returndatasize()
                if gt(size, MAX_HOOK_REASON) {
                    size := MAX_HOOK_REASON
                }
                returndatacopy(ptr, 0, size)
                revert(ptr, size)
            }
        }
    }

    // ------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------

    /// @inheritdoc ICircle
    function rules() external view returns (CircleRules memory) {
        return _rules();
    }

    /// @inheritdoc ICircle
    function membership() external view returns (address) {
        return _circleStorage().membership;
    }

    /// @inheritdoc ICircle
    function rituals() external view returns (address) {
        return _circleStorage().rituals;
    }

    /// @inheritdoc ICircle
    function mandates() external view returns (address) {
        return _circleStorage().mandates;
    }

    /// @inheritdoc ICircle
    function executingProposal() external view returns (uint256) {
        return _executingProposal;
    }

    /// @inheritdoc ICircle
    function charter() external view returns (Charter memory) {
        return _circleStorage().charter;
    }

    /// @inheritdoc ICircle
    function charterLapsed() public view returns (bool) {
        return block.timestamp >= _circleStorage().charterExpiresAt;
    }

    /// @inheritdoc ICircle
    function dissolved() external view returns (bool) {
        return _circleStorage().dissolved;
    }

    /// @inheritdoc ICircle
    function resetEpoch() external view returns (uint64) {
        return _circleStorage().resetEpoch;
    }

    /// @inheritdoc ICircle
    function proposalEpoch(uint256 proposalId) external view returns (uint64) {
        return _circleStorage().proposals[proposalId].epoch;
    }

    /// @inheritdoc ICircle
    /// @dev The Governor's own vote start (its snapshot is replaced by the electorate's timepoint).
    function proposalVotingOpensAt(uint256 proposalId) public view returns (uint256) {
        return super.proposalSnapshot(proposalId);
    }

    /// @notice The timepoint whose votes count for a proposal: the second before it was made (not when voting opens).
    function proposalSnapshot(uint256 proposalId) public view virtual override returns (uint256) {
        return _circleStorage().proposals[proposalId].electorateAt;
    }

    // ------------------------------------------------------------------
    // Governor settings
    // ------------------------------------------------------------------

    /// @notice The votes token: the membership (one member, one vote).
    /// @dev Read from the circle's own first slots, which every proposal and vote reads anyway, instead of the
    /// Governor's separate token slot (left unset: `__GovernorVotes_init` is not called), saving a cold read per vote.
    function token() public view override returns (IERC5805) {
        return IERC5805(_circleStorage().membership);
    }

    /// @notice ERC-6372 clock: timestamps, as the membership's.
    /// @dev Fixed here instead of asked of the token on every read: the membership's clock is timestamps by code
    /// ({CircleMembership-clock}), so asking costs a call on every vote and buys nothing.
    function clock() public view override(GovernorUpgradeable, GovernorVotesUpgradeable) returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 clock mode: timestamps.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override(GovernorUpgradeable, GovernorVotesUpgradeable) returns (string memory) {
        return "mode=timestamp";
    }

    /// @notice Seconds between a proposal being made and voting opening.
    function votingDelay() public view override returns (uint256) {
        return _circleStorage().rules.votingDelay;
    }

    /// @notice Seconds voting stays open.
    function votingPeriod() public view override returns (uint256) {
        return _circleStorage().rules.votingPeriod;
    }

    /// @notice Votes needed (for + abstain) for a proposal whose electorate is fixed at `timepoint`: the quorum
    /// percentage of the electorate's size (the members then; for a council, the seats filled).
    /// @dev Rounds down, as OpenZeppelin's quorum fraction does. Each proposal stores its own quorum when made.
    function quorum(uint256 timepoint) public view override returns (uint256) {
        return _quorumOf(timepoint, _circleStorage().rules.quorumPercent);
    }

    /// @notice Only members can propose: one vote is the threshold.
    function proposalThreshold() public pure override returns (uint256) {
        return 1;
    }

    /// @notice A proposal's state, with two circle rules on top of the Governor's: a proposal that was still open
    /// (pending, active, or succeeded and not yet expired) when a hard reset ended its epoch reads as Canceled, for
    /// good; succeeded proposals not executed within the execution window read as Expired.
    /// @dev O(1): the reset only ends an epoch and records when. A proposal that had already been defeated or had
    /// expired at that moment keeps that state, exactly as the `ProposalCanceled` events of the reset report.
    function state(uint256 proposalId) public view virtual override returns (ProposalState) {
        ProposalState current = super.state(proposalId);
        CircleStorage storage $ = _circleStorage();
        ProposalMeta storage meta = $.proposals[proposalId];
        // The snapshot is the electorate's timepoint, before voting opens: the voting delay still holds.
        if (current == ProposalState.Active && clock() <= proposalVotingOpensAt(proposalId)) {
            current = ProposalState.Pending;
        }
        if (
            current != ProposalState.Pending &&
            current != ProposalState.Active &&
            current != ProposalState.Succeeded &&
            current != ProposalState.Defeated
        ) {
            return current;
        }
        uint64 epoch = meta.epoch;
        uint256 expiresAt = meta.expiresAt;
        if (epoch < $.resetEpoch) {
            // Open until its voting closed (if it failed) or its execution window closed (if it succeeded).
            uint256 openUntil = current == ProposalState.Defeated ? proposalDeadline(proposalId) : expiresAt;
            if ($.epochEndedAt[epoch] <= openUntil) return ProposalState.Canceled;
        }
        if (current == ProposalState.Succeeded && clock() > expiresAt) return ProposalState.Expired;
        return current;
    }

    // ------------------------------------------------------------------
    // Governor hooks
    // ------------------------------------------------------------------

    /// @dev Records the electorate timepoint, epoch and quorum of a new proposal. A dissolved circle refuses, and the
    /// membership refuses calls the body may not make (under a lapsed charter; for a council, into other circles).
    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal virtual override returns (uint256 proposalId) {
        CircleStorage storage $ = _circleStorage();
        if ($.dissolved) revert CircleIsDissolved();
        ICircleMembership($.membership).checkCalls(targets, calldatas, charterLapsed());
        proposalId = super._propose(targets, values, calldatas, description, proposer);
        uint48 electorateAt = clock() - 1;
        $.proposals[proposalId] = ProposalMeta({
            electorateAt: electorateAt,
            epoch: $.resetEpoch,
            quorumVotes: uint32(_quorumOf(electorateAt, $.rules.quorumPercent)),
            expiresAt: uint48(proposalDeadline(proposalId) + $.rules.executionWindow)
        });
        // A proposer must be a member now (the vote threshold already requires a membership a second ago; a council
        // also needs the seat filled now). The rituals refuse one past the per-proposer bound and count the proposal
        // among the open ones a reset reports.
        if (!ICircleMembership($.membership).isMember(proposer)) revert CircleProposerNotMember(proposer);
        ICircleRituals($.rituals).proposalMade(proposalId, proposer);
    }

    /// @dev The Governor's vote casting, with the weight read at the electorate timepoint instead of the vote start,
    /// and a vote of zero weight refused instead of counted (OpenZeppelin counts it).
    function _castVote(
        uint256 proposalId,
        address account,
        uint8 support,
        string memory reason,
        bytes memory params
    ) internal virtual override returns (uint256) {
        _validateStateBitmap(proposalId, _encodeStateBitmap(ProposalState.Active));
        CircleStorage storage $ = _circleStorage();
        // One call: the weight at the electorate timepoint, or 0 for someone who is not a member now.
        uint256 weight = ICircleMembership($.membership).votesIfMember(account, $.proposals[proposalId].electorateAt);
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

    /// @dev The circle is its own executor, so "by the circle's decision" means "called by the circle itself". The
    /// Governor's queue of authorised governance calls only matters when another contract executes; skipping it
    /// keeps the governor small and changes nothing here.
    function _checkGovernance() internal view override {
        if (msg.sender != address(this)) revert GovernorOnlyExecutor(msg.sender);
    }

    /// @dev The quorum the proposal stored when it was made.
    function _quorumReached(
        uint256 proposalId
    ) internal view virtual override(GovernorUpgradeable, GovernorCountingSimpleUpgradeable) returns (bool) {
        (, uint256 forVotes, uint256 abstainVotes) = proposalVotes(proposalId);
        return _circleStorage().proposals[proposalId].quorumVotes <= forVotes + abstainVotes;
    }

    /// @dev The membership checks every call again at execution, so a proposal made before the charter lapsed
    /// cannot slip through after.
    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override {
        CircleStorage storage $ = _circleStorage();
        ICircleMembership($.membership).checkCalls(targets, calldatas, charterLapsed());
        // Modules called by this decision can ask which one it is ({executingProposal}); the outer value is
        // restored in case a proposal executes another.
        uint256 outer = _executingProposal;
        _executingProposal = proposalId;
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
        _executingProposal = outer;
    }

    // ------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------

    /// @dev Packs the rules into their two slots by hand, in the compiler's layout for {CircleRules} (fields from the
    /// low-order end of the first slot in declaration order; `resetCooldown` alone in the second): the compiler's
    /// field-by-field copy costs about 300 bytes more of the governor's size budget. Reading each field from calldata
    /// range-checks it, so no dirty bits reach storage. `rules` is the first member of {CircleStorage}, at `$.slot`.
    function _storeRules(CircleRules calldata newRules) private {
        uint256 packed =
            uint256(newRules.minMembers) |
                (uint256(newRules.maxMembers) << 8) |
                (uint256(newRules.quorumPercent) << 16) |
                (uint256(newRules.resetThreshold) << 24) |
                (uint256(newRules.votingDelay) << 32) |
                (uint256(newRules.votingPeriod) << 64) |
                (uint256(newRules.executionWindow) << 96) |
                (uint256(newRules.resetWindow) << 128) |
                (uint256(newRules.temperaturePeriod) << 160) |
                (uint256(newRules.dominanceCooldown) << 192) |
                (uint256(newRules.charterTerm) << 224);
        CircleStorage storage $ = _circleStorage();
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            sstore($.slot, packed)
        }
        $.rules.resetCooldown = newRules.resetCooldown;
    }

    function _rules() private view returns (CircleRules memory) {
        return _circleStorage().rules;
    }

    function _ratify(bytes32 contentHash, string calldata uri) private {
        CircleStorage storage $ = _circleStorage();
        uint48 expiresAt = uint48(block.timestamp) + $.rules.charterTerm;
        $.charter = Charter({contentHash: contentHash, uri: uri, expiresAt: expiresAt});
        $.charterExpiresAt = expiresAt;
        $.mandatesCharterExpiresAt = expiresAt;
        emit CharterRatified(contentHash, uri, expiresAt);
    }

    /// @dev O(1) in proposals for the circle's state: bumping the epoch makes every earlier open proposal read as
    /// Canceled. The rituals track the open proposals (at most {CircleRituals-MAX_OPEN_PROPOSALS}) only so that a
    /// `ProposalCanceled` event reports each one to IGovernor readers; the list is taken before the epoch moves.
    function _reset(address[] memory triggeredBy) private {
        CircleStorage storage $ = _circleStorage();
        uint256[] memory canceled = ICircleRituals($.rituals).takeOpenProposals();
        $.epochEndedAt[$.resetEpoch] = clock();
        uint64 epoch = ++$.resetEpoch;
        emit HardReset(epoch, triggeredBy);
        for (uint256 i = 0; i < canceled.length; ++i) {
            emit ProposalCanceled(canceled[i]);
        }
        // The built-in mandates module is called directly: its reset is bounded (at most MAX_LIVE_MANDATES) and must
        // not fail silently. Third-party role modules get a stipend and may fail.
        IMandates($.mandates).onCircleReset(epoch);
        ICircleRituals($.rituals).notifyRoleModules(abi.encodeCall(ICircleRoleModule.onCircleReset, (epoch)));
    }

    function _quorumOf(uint256 timepoint, uint8 quorumPercent) internal view virtual returns (uint256) {
        return (ICircleMembership(_circleStorage().membership).electorateSize(timepoint) * quorumPercent) / 100;
    }

    function _checkMembership() private view {
        if (msg.sender != _circleStorage().membership) revert CircleOnlyMembership(msg.sender);
    }

    function _checkRituals() private view {
        if (msg.sender != _circleStorage().rituals) revert CircleOnlyRituals(msg.sender);
    }

    function _circleStorage() private pure returns (CircleStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly {
            $.slot := CIRCLE_STORAGE
        }
    }
}
