// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {NoncesUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/NoncesUpgradeable.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {ICircleMembership} from "../interfaces/ICircleMembership.sol";
import {MandateRules} from "../interfaces/ICircleRules.sol";
import {IMandateBadges} from "../interfaces/IMandateBadges.sol";
import {IMandates} from "../interfaces/IMandates.sol";
import {IRandomnessSource} from "../interfaces/IRandomnessSource.sol";
import {Signals} from "../libraries/Signals.sol";
import {MandateDraws} from "./MandateDraws.sol";
import {MandatesBase} from "./MandatesBase.sol";

/// @title Mandates
/// @notice A circle's mandates: single-issue, expiring, recallable, rotated and, when the circle wishes, drawn by
/// lot. Every circle gets one, created with it by the registry.
///
/// @dev Security reasoning:
/// - OpenZeppelin's ReentrancyGuardTransient keeps its flag in transient storage (EIP-1153) at a namespaced slot and
///   clears it at the end of every guarded call; zero means "not entered", so it works in clones without an
///   initialiser and no circle pays for a storage slot on its first guarded call. {MandateDraws}, run by delegatecall
///   in this contract's context, shares it.
/// - The circle, its membership and its rituals are the clone's immutable arguments ({MandatesBase}), written into
///   its code by the registry at the founding: nobody can change them, as nobody could change the storage slots that
///   held them before (only the initialiser wrote those). At the implementation, called directly rather than through
///   a clone, they read as zero, so its `onlyCircle` functions refuse every caller, as its empty storage did.
/// - Grants and draw requests come only from the circle (its executed proposals). The proposer of that decision
///   is read from the circle ({ICircle-executingProposal}), not taken from arguments, so a proposal cannot lie
///   about who proposed it.
/// - A mandate's powers are an allowlist of (target, selector) with per-call caps, each call listed once (a grant
///   that lists one twice is refused), so a call has exactly one set of caps; the holder can make the circle
///   perform exactly those calls and nothing else. Every call through `act` is checked against its power: `value`
///   at most `maxValue` (zero: no ether at all), and for ERC-20 `transfer`, `approve` and `transferFrom` the
///   amount argument, decoded from the calldata, at most `maxAmount`, which such a power must carry. The caps are
///   per call: several calls each within the cap are allowed (the circle bounds the total by what it funds, and
///   recalls). No power may target the circle, its membership, rituals or this contract, so a mandate can never
///   change who governs. A call through a mandate is all-or-nothing: its revert reverts the act. `act` is
///   non-reentrant, and the mandate is checked live before the call; the circle refuses the call under a lapsed
///   charter ({ICircle-executeByMandate}).
/// - Liveness is checked on every use (not ended, not expired), so an ended mandate can never act again even if
///   its ending was never recorded. Expired mandates are recorded lazily by whoever touches the module next.
/// - Bounded loops only: at most {MAX_LIVE_MANDATES} live mandates per circle, {MAX_POWERS} powers per mandate,
///   and pools and recall signers bounded by the member cap. A hard reset ends every live mandate in one loop of
///   at most {MAX_LIVE_MANDATES} iterations (see BENCHMARKS.md for its gas).
/// - Recall counts only signals of current members, so leaving and rejoining cannot pad a recall, and it takes
///   effect in the very transaction that makes the majority. Signatures are EIP-712 with per-member nonces and the
///   chain id in the domain, and ERC-1271 wallets can sign. The domain is built from immutables and the clone's own
///   address, so each circle's signatures are valid only for its own mandates.
/// - Sortition runs in {MandateDraws}, whose header states its guarantees: the pool and a future randomness ticket
///   are frozen at request, draws complete in request order, and eligibility is re-checked at completion. See
///   {PrevrandaoRandomness} for who can bias the default randomness, and by how much.
///
/// - Pair-link audits run in {MandateAudits}, reached through the fallback, whose header states who may start,
///   publish and record. Auditors' mandates carry no powers and do not count toward the live-mandate limit.
///
/// Size: sortition (with the rules update and the hard reset) lives in {MandateDraws}, which this contract's
/// constructor deploys, and the audits in {MandateAudits}, deployed beside it and given to the constructor: modules
/// kept as immutables, run by delegatecall in the
/// same storage, so this contract stays well under the 24,576-byte code limit. The draw functions here only forward
/// their calldata, and the fallback forwards the audits'; the rules they need (eligibility, grants, endings) are
/// compiled into each from {MandatesBase}.
contract Mandates is Initializable, EIP712, NoncesUpgradeable, ReentrancyGuardTransient, MandatesBase, IMandates {
    /// @notice EIP-712 type of an off-chain recall signal.
    bytes32 public constant RECALL_TYPEHASH = keccak256("Recall(uint256 mandateId,address member,uint256 nonce)");

    /// @dev The draw module, created with this implementation: every clone runs the same, fixed code.
    address private immutable _draws;

    /// @dev The audit module ({MandateAudits}), fixed with this implementation, reached through the fallback.
    address private immutable _audits;

    /// @dev The implementation is only ever used through clones.
    /// @param audits_ The audit module, a {MandateAudits} deployed beside this implementation (creating it here as
    /// well would take this constructor's code past the 49,152-byte initcode limit of EIP-3860). Whoever deploys the
    /// implementations chooses every circle's code anyway; each clone runs this fixed pair.
    constructor(address audits_) EIP712("Commonweal Mandates", "1") {
        _disableInitializers();
        _draws = address(new MandateDraws());
        _audits = audits_;
    }

    /// @inheritdoc IMandates
    /// @dev The circle, its membership and its rituals are not arguments here: they are the clone's immutable
    /// arguments, written into its code by the registry when it created the clone (see {MandatesBase}).
    function initialize(address randomness_, address badges_, MandateRules calldata rules_) external initializer {
        __Nonces_init();
        MandatesStorage storage $ = _mandatesStorage();
        $.randomness = IRandomnessSource(randomness_);
        $.badges = IMandateBadges(badges_);
        $.rules = rules_;
    }

    // ------------------------------------------------------------------
    // Granting
    // ------------------------------------------------------------------

    /// @inheritdoc IMandates
    function grant(MandateSpec calldata spec, address holder) external onlyCircle returns (uint256) {
        _pruneExpired();
        Grant memory g = _grantOf(spec, _decisionProposer());
        g.holder = holder;
        _checkEligible(holder, g.roleId, g.proposer, true);
        return _grant(g, spec.powers);
    }

    /// @inheritdoc IMandates
    /// @dev Runs in {MandateDraws}.
    function requestDraw(MandateSpec calldata) external returns (uint256 drawId) {
        drawId = _delegateToDraws();
    }

    /// @inheritdoc IMandates
    /// @dev Runs in {MandateDraws}.
    function requestFacilitatorDraw() external returns (uint256 drawId) {
        drawId = _delegateToDraws();
    }

    /// @inheritdoc IMandates
    /// @dev Runs in {MandateDraws}, non-reentrant there (the guard's slot is shared).
    function completeDraw(uint256, address[] calldata, bytes calldata) external returns (uint256 mandateId) {
        mandateId = _delegateToDraws();
    }

    /// @inheritdoc IMandates
    /// @dev Runs in {MandateDraws}.
    function rerequestDraw(uint256) external {
        _delegateToDraws();
    }

    // ------------------------------------------------------------------
    // Acting and ending
    // ------------------------------------------------------------------

    /// @inheritdoc IMandates
    function act(
        uint256 mandateId,
        address target,
        uint256 value,
        bytes calldata data
    ) external nonReentrant returns (bytes memory) {
        MandateRecord storage m = _liveMandate(mandateId);
        if (msg.sender != m.holder) revert MandateNotHolder(mandateId, msg.sender);
        bytes4 selector = data.length >= 4 ? bytes4(data[:4]) : bytes4(0);
        (uint256 maxValue, uint256 maxAmount) = _caps(mandateId, m.powerCount, target, selector);
        if (value > maxValue) revert MandateValueOverCap(mandateId, maxValue, value);
        if (_isTokenAmountSelector(selector)) {
            // The amount is the last word of transfer(to, amount), approve(spender, amount) and
            // transferFrom(from, to, amount); calldata too short for it reverts here.
            uint256 at = selector == ERC20_TRANSFER_FROM ? 68 : 36;
            uint256 amount = uint256(bytes32(data[at:at + 32]));
            if (amount > maxAmount) revert MandateAmountOverCap(mandateId, maxAmount, amount);
        }
        // The circle refuses the call once its charter has lapsed ({MandateCharterLapsed}), reading the slot it reads
        // anyway, so the act makes one call to it.
        emit MandateActed(mandateId, msg.sender, target, selector, value);
        return _circle().executeByMandate(target, value, data);
    }

    /// @inheritdoc IMandates
    function complete(uint256 mandateId) external {
        MandateRecord storage m = _liveMandate(mandateId);
        if (msg.sender != m.holder && msg.sender != address(_circle())) {
            revert MandateNotHolder(mandateId, msg.sender);
        }
        _end(mandateId, EndReason.Completed);
    }

    /// @inheritdoc IMandates
    function handBack(uint256 mandateId) external {
        MandateRecord storage m = _liveMandate(mandateId);
        if (msg.sender != m.holder) revert MandateNotHolder(mandateId, msg.sender);
        _end(mandateId, EndReason.HandedBack);
    }

    /// @inheritdoc IMandates
    function signalRecall(uint256 mandateId) external {
        _signalRecall(mandateId, msg.sender);
    }

    /// @inheritdoc IMandates
    function signalRecallBySig(uint256 mandateId, address[] calldata members, bytes[] calldata signatures) external {
        if (members.length != signatures.length) revert MandateSignatureLengthMismatch();
        _liveMandate(mandateId);
        for (uint256 i = 0; i < members.length; ++i) {
            address member = members[i];
            bytes32 digest = _hashTypedDataV4(
                keccak256(abi.encode(RECALL_TYPEHASH, mandateId, member, _useNonce(member)))
            );
            if (!SignatureChecker.isValidSignatureNow(member, digest, signatures[i])) {
                revert MandateInvalidSignature(member);
            }
            // A recall that already took effect makes the remaining signatures moot.
            if (!_isLive(mandateId)) return;
            _signalRecall(mandateId, member);
        }
    }

    /// @inheritdoc IMandates
    function closeExpired(uint256 mandateId) external {
        MandateRecord storage m = _existingMandate(mandateId);
        if (m.endedAt != 0) revert MandateAlreadyEnded(mandateId, m.endedAt, m.endReason);
        if (block.timestamp < m.expiresAt) revert MandateNotExpired(mandateId, m.expiresAt);
        _end(mandateId, EndReason.Expired);
    }

    // ------------------------------------------------------------------
    // Circle hooks and rules
    // ------------------------------------------------------------------

    /// @inheritdoc IMandates
    /// @dev Runs in {MandateDraws} (it also cancels the running period's audit).
    function onCircleReset(uint64) external {
        _delegateToDraws();
    }

    /// @inheritdoc IMandates
    function onMemberLeft(address member) external onlyCircle {
        MandatesStorage storage $ = _mandatesStorage();
        for (uint256 i = $.liveCount; i > 0; --i) {
            uint256 id = $.live[i - 1];
            if ($.mandates[id].holder == member) _end(id, EndReason.HolderLeft);
        }
    }

    /// @inheritdoc IMandates
    /// @dev Runs in {MandateDraws} (it also restarts the count of audit periods when their length changes).
    function updateRules(MandateRules calldata) external {
        _delegateToDraws();
    }

    /// @inheritdoc IMandates
    function setRandomnessSource(address source) external onlyCircle {
        MandatesStorage storage $ = _mandatesStorage();
        emit RandomnessSourceSet(address($.randomness), source);
        $.randomness = IRandomnessSource(source);
    }

    // ------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------

    /// @inheritdoc IMandates
    function mandate(uint256 mandateId) external view returns (Mandate memory) {
        MandateRecord storage m = _existingMandate(mandateId);
        return
            Mandate({
                holder: m.holder,
                grantedAt: m.grantedAt,
                expiresAt: m.expiresAt,
                proposer: m.proposer,
                endedAt: m.endedAt,
                endReason: m.endReason,
                drawn: m.drawn,
                roleId: m.roleId,
                scopeHash: m.scopeHash
            });
    }

    /// @inheritdoc IMandates
    function powers(uint256 mandateId) external view returns (Power[] memory granted) {
        MandatesStorage storage $ = _mandatesStorage();
        granted = new Power[]($.mandates[mandateId].powerCount);
        for (uint256 i = 0; i < granted.length; ++i) {
            uint256 call = $.powerCalls[mandateId][i];
            PowerCaps storage caps = $.powerCaps[mandateId][call];
            granted[i] = Power(address(uint160(call >> 32)), bytes4(uint32(call)), caps.maxValue, caps.maxAmount);
        }
    }

    /// @inheritdoc IMandates
    function isLive(uint256 mandateId) external view returns (bool) {
        return _isLive(mandateId);
    }

    /// @inheritdoc IMandates
    function holderOf(bytes32 roleId) external view returns (address holder, uint256 mandateId) {
        mandateId = _mandatesStorage().roles[roleId].latest;
        if (mandateId == 0 || !_isLive(mandateId)) return (address(0), 0);
        holder = _mandatesStorage().mandates[mandateId].holder;
    }

    /// @inheritdoc IMandates
    function liveMandates() external view returns (uint256[] memory ids) {
        MandatesStorage storage $ = _mandatesStorage();
        uint256 liveCount = $.liveCount;
        ids = new uint256[](liveCount);
        uint256 count;
        for (uint256 i = 0; i < liveCount; ++i) {
            uint256 id = $.live[i];
            if (_isLive(id)) ids[count++] = id;
        }
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(ids, count)
        }
    }

    /// @inheritdoc IMandates
    function liveCountOf(address member) external view returns (uint256) {
        return _liveCountOf(member);
    }

    /// @inheritdoc IMandates
    function eligiblePool(bytes32 roleId, address excluded) external view returns (address[] memory) {
        return _eligiblePool(roleId, excluded);
    }

    /// @notice Whether `member` may be given a mandate for `roleId` now, with `excluded` (a proposer) left out.
    /// @param member The member.
    /// @param roleId The role.
    /// @param excluded A member who may not hold it, or zero.
    function isEligibleFor(address member, bytes32 roleId, address excluded) external view returns (bool) {
        return _isEligible(member, roleId, excluded);
    }

    /// @inheritdoc IMandates
    function termOf(bytes32 roleId, address member) external view returns (uint8 streak, uint64 availableAt) {
        MandatesStorage storage $ = _mandatesStorage();
        RoleRecord storage r = $.roles[roleId];
        // The streak is kept for the role's last holder only: the holder of its latest mandate.
        if (r.latest != 0 && $.mandates[r.latest].holder == member) streak = r.streak;
        availableAt = _availableAt($.lockedBy[roleId][member]);
    }

    /// @inheritdoc IMandates
    function roleHistoryLength(bytes32 roleId) external view returns (uint256) {
        return _mandatesStorage().roles[roleId].count;
    }

    /// @inheritdoc IMandates
    function roleHistory(bytes32 roleId, uint256 offset, uint256 limit) external view returns (uint256[] memory page) {
        if (limit > MAX_HISTORY_PAGE) revert MandateHistoryPageTooLarge(limit, MAX_HISTORY_PAGE);
        MandatesStorage storage $ = _mandatesStorage();
        RoleRecord storage r = $.roles[roleId];
        uint256 count = r.count;
        uint256 length = offset >= count ? 0 : count - offset;
        if (length > limit) length = limit;
        page = new uint256[](length);
        for (uint256 i = 0; i < length; ++i) {
            uint256 index = offset + i;
            page[i] = index == count - 1 ? r.latest : $.roleEarlier[roleId][index / 6][index % 6];
        }
    }

    /// @inheritdoc IMandates
    function draw(uint256 drawId) external view returns (Draw memory) {
        return _mandatesStorage().draws[drawId];
    }

    /// @inheritdoc IMandates
    function mandateCount() external view returns (uint256) {
        return _mandatesStorage().mandateCount;
    }

    /// @inheritdoc IMandates
    function drawCount() external view returns (uint256) {
        return _mandatesStorage().drawCount;
    }

    /// @inheritdoc IMandates
    function recallSignals(uint256 mandateId) external view returns (uint256 signals, uint256 needed) {
        ICircleMembership membership_ = _membership();
        address[] storage signers = _mandatesStorage().recallSigners[mandateId];
        for (uint256 i = 0; i < signers.length; ++i) {
            if (membership_.isMember(signers[i])) ++signals;
        }
        needed = membership_.memberCount() / 2 + 1;
    }

    /// @inheritdoc IMandates
    function rules() external view returns (MandateRules memory) {
        return _mandatesStorage().rules;
    }

    /// @inheritdoc IMandates
    function randomnessSource() external view returns (address) {
        return address(_mandatesStorage().randomness);
    }

    /// @inheritdoc IMandates
    function circle() external view returns (address) {
        return address(_circle());
    }

    /// @inheritdoc IMandates
    function badges() external view returns (address) {
        return address(_mandatesStorage().badges);
    }

    /// @inheritdoc IMandates
    function lastFacilitator() external view returns (address) {
        return _mandatesStorage().lastFacilitator;
    }

    /// @notice Every other call runs in {MandateAudits}: the pair-link audits of {IMandateAudits}, which have no
    /// room in this contract. Not payable: a call with value, or to a function neither contract has, reverts.
    /// @dev Returns whatever the module returns, and passes its reverts on as they came.
    // solhint-disable-next-line no-complex-fallback
    fallback() external {
        _checkClone();
        address audits = _audits;
        // solhint-disable-next-line no-inline-assembly
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), audits, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(ok) {
                revert(0, returndatasize())
            }
            return(0, returndatasize())
        }
    }

    // ------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------

    function _signalRecall(uint256 mandateId, address member) private {
        MandatesStorage storage $ = _mandatesStorage();
        ICircleMembership membership_ = _membership();
        _liveMandate(mandateId);
        if (!membership_.isMember(member)) revert MandateNotMember(member);
        if ($.recalled[mandateId][member]) revert MandateAlreadySignalledRecall(mandateId, member);
        uint256 signals = Signals.record($.recallSigners[mandateId], $.recalled[mandateId], membership_, member);
        uint256 needed = membership_.memberCount() / 2 + 1;
        emit RecallSignalled(mandateId, member, signals, needed);
        if (signals >= needed) _end(mandateId, EndReason.Recalled);
    }

    /// @dev The caps of the granted power for (target, selector), in one read; reverts if there is none. Caps that
    /// read as zero are either a power whose caps are both zero (not written) or no power: the list tells, at most
    /// {MAX_POWERS} iterations.
    function _caps(
        uint256 mandateId,
        uint256 count,
        address target,
        bytes4 selector
    ) private view returns (uint256 maxValue, uint256 maxAmount) {
        MandatesStorage storage $ = _mandatesStorage();
        uint256 call = _callKey(target, selector);
        PowerCaps storage caps = $.powerCaps[mandateId][call];
        (maxValue, maxAmount) = (caps.maxValue, caps.maxAmount);
        if (maxValue != 0 || maxAmount != 0) return (maxValue, maxAmount);
        mapping(uint256 index => uint256) storage calls = $.powerCalls[mandateId];
        for (uint256 i = 0; i < count; ++i) {
            if (calls[i] == call) return (0, 0);
        }
        revert MandatePowerNotGranted(mandateId, target, selector);
    }

    /// @dev The modules run only for a circle's clone: run at the implementation (whose address is not theirs, so
    /// {CloneArgs-addressAt} would not read zero), they would take bytes of its code for the circle's addresses.
    function _checkClone() private view {
        if (address(this) == _deployedAt) revert MandateNotClone();
    }

    /// @dev Runs the current call's calldata in {MandateDraws} over this contract's storage and returns its first
    /// return word (every draw function returns one id or nothing); a revert is passed on as it came.
    function _delegateToDraws() private returns (uint256 result) {
        _checkClone();
        address draws = _draws;
        // solhint-disable-next-line no-inline-assembly
        assembly {
            let ptr := mload(0x40)
            calldatacopy(ptr, 0, calldatasize())
            let ok := delegatecall(gas(), draws, ptr, calldatasize(), 0, 0)
            if iszero(ok) {
                returndatacopy(ptr, 0, returndatasize())
                revert(ptr, returndatasize())
            }
            if returndatasize() {
                returndatacopy(ptr, 0, 32)
                result := mload(ptr)
            }
        }
    }
}
