// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {EIP712Upgradeable} from "@openzeppelin/contracts-upgradeable/utils/cryptography/EIP712Upgradeable.sol";
import {NoncesUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/NoncesUpgradeable.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

import {ICircle} from "../interfaces/ICircle.sol";
import {ICircleMembership} from "../interfaces/ICircleMembership.sol";
import {ICircleRituals} from "../interfaces/ICircleRituals.sol";
import {MandateRules} from "../interfaces/ICircleRules.sol";
import {IMandateBadges} from "../interfaces/IMandateBadges.sol";
import {IMandates} from "../interfaces/IMandates.sol";
import {IRandomnessSource} from "../interfaces/IRandomnessSource.sol";
import {CircleRulesLib} from "../libraries/CircleRulesLib.sol";
import {Signals} from "../libraries/Signals.sol";
import {Sortition} from "../libraries/Sortition.sol";

/// @title Mandates
/// @notice A circle's mandates: single-issue, expiring, recallable, rotated and, when the circle wishes, drawn by
/// lot. Every circle gets one, created with it by the registry.
///
/// @dev Security reasoning:
/// - OpenZeppelin's ReentrancyGuard keeps its flag in a namespaced slot and treats the unset value as "not
///   entered", so it works in clones without an initialiser.
/// - Grants and draw requests come only from the circle (its executed proposals). The proposer of that decision
///   is read from the circle ({ICircle-executingProposal}), not taken from arguments, so a proposal cannot lie
///   about who proposed it.
/// - A mandate's powers are an allowlist of (target, selector); the holder can make the circle perform exactly
///   those calls and nothing else. No power may target the circle, its membership, rituals or this contract, so a
///   mandate can never change who governs. A call through a mandate is all-or-nothing: its revert reverts the act.
///   `act` is non-reentrant, and the mandate is checked live before the call.
/// - Liveness is checked on every use (not ended, not expired), so an ended mandate can never act again even if
///   its ending was never recorded. Expired mandates are recorded lazily by whoever touches the module next.
/// - Bounded loops only: at most {MAX_LIVE_MANDATES} live mandates per circle, {MAX_POWERS} powers per mandate,
///   and pools and recall signers bounded by the member cap. A hard reset ends every live mandate in one loop of
///   at most {MAX_LIVE_MANDATES} iterations (see BENCHMARKS.md for its gas).
/// - Recall counts only signals of current members, so leaving and rejoining cannot pad a recall, and it takes
///   effect in the very transaction that makes the majority. Signatures are EIP-712 with per-member nonces and the
///   chain id in the domain, and ERC-1271 wallets can sign.
/// - Sortition freezes the eligible pool (its hash) and a future randomness ticket at request; completion is open
///   to anyone but cannot change the outcome, re-checks eligibility and picks uniformly among those still
///   eligible. See {PrevrandaoRandomness} for who can bias the default randomness, and by how much.
contract Mandates is Initializable, EIP712Upgradeable, NoncesUpgradeable, ReentrancyGuard, IMandates {
    /// @notice The role of the rotating facilitator.
    bytes32 public constant FACILITATOR_ROLE = keccak256("facilitator");

    /// @notice Most live mandates a circle can have at once.
    uint256 public constant MAX_LIVE_MANDATES = 32;

    /// @notice Most powers one mandate can carry.
    uint256 public constant MAX_POWERS = 8;

    /// @notice EIP-712 type of an off-chain recall signal.
    bytes32 public constant RECALL_TYPEHASH = keccak256("Recall(uint256 mandateId,address member,uint256 nonce)");

    struct TermRecord {
        uint8 streak;
        uint64 lockedBy;
    }

    /// @dev Everything a grant needs but the powers; a draw stores it until completion.
    struct Grant {
        bytes32 roleId;
        string role;
        string title;
        bytes32 scopeHash;
        uint32 duration;
        address holder;
        address proposer;
        bool drawn;
    }

    /// @custom:storage-location erc7201:commonweal.storage.Mandates
    struct MandatesStorage {
        ICircle circle;
        ICircleMembership membership;
        ICircleRituals rituals;
        IRandomnessSource randomness;
        IMandateBadges badges;
        MandateRules rules;
        uint64 epoch;
        uint256 mandateCount;
        uint256 drawCount;
        uint256 pendingFacilitatorDraw;
        address lastFacilitator;
        uint256[] live;
        mapping(uint256 mandateId => Mandate) mandates;
        mapping(uint256 mandateId => Power[]) powers;
        mapping(bytes32 roleId => uint256 mandateId) roleMandate;
        mapping(bytes32 roleId => address) lastHolder;
        mapping(bytes32 roleId => mapping(address member => TermRecord)) terms;
        mapping(uint256 mandateId => address[]) recallSigners;
        mapping(uint256 mandateId => mapping(address member => bool)) recalled;
        mapping(uint256 drawId => Draw) draws;
        mapping(uint256 drawId => Grant) drawGrants;
        mapping(uint256 drawId => Power[]) drawPowers;
    }

    // keccak256(abi.encode(uint256(keccak256("commonweal.storage.Mandates")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant MANDATES_STORAGE = 0x3f11d934f99593b8844e6870bfab0f0da1a14af40265667c62652dfc942b0600;

    modifier onlyCircle() {
        _checkCircle();
        _;
    }

    /// @dev The implementation is only ever used through clones.
    constructor() {
        _disableInitializers();
    }

    /// @inheritdoc IMandates
    function initialize(
        address circle_,
        address membership_,
        address rituals_,
        address randomness_,
        address badges_,
        MandateRules calldata rules_
    ) external initializer {
        __EIP712_init("Commonweal Mandates", "1");
        __Nonces_init();
        MandatesStorage storage $ = _mandatesStorage();
        $.circle = ICircle(circle_);
        $.membership = ICircleMembership(membership_);
        $.rituals = ICircleRituals(rituals_);
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
    function requestDraw(MandateSpec calldata spec) external onlyCircle returns (uint256 drawId) {
        _pruneExpired();
        drawId = _requestDraw(_grantOf(spec, _decisionProposer()), address(0));
        MandatesStorage storage $ = _mandatesStorage();
        for (uint256 i = 0; i < spec.powers.length; ++i) {
            $.drawPowers[drawId].push(spec.powers[i]);
        }
    }

    /// @inheritdoc IMandates
    function requestFacilitatorDraw() external returns (uint256 drawId) {
        MandatesStorage storage $ = _mandatesStorage();
        uint32 period = $.rules.facilitationPeriod;
        if (period == 0) revert MandateNoFacilitation();
        uint256 pending = $.pendingFacilitatorDraw;
        if (pending != 0 && $.draws[pending].epoch == $.epoch) revert MandateFacilitatorDrawPending(pending);
        _pruneExpired();
        Grant memory g = Grant({
            roleId: FACILITATOR_ROLE,
            role: "facilitator",
            title: "Facilitate the circle",
            scopeHash: bytes32(0),
            duration: period,
            holder: address(0),
            proposer: address(0),
            drawn: true
        });
        drawId = _requestDraw(g, $.lastFacilitator);
        $.pendingFacilitatorDraw = drawId;
    }

    /// @inheritdoc IMandates
    function completeDraw(
        uint256 drawId,
        address[] calldata pool,
        bytes calldata proof
    ) external nonReentrant returns (uint256 mandateId) {
        MandatesStorage storage $ = _mandatesStorage();
        Draw storage d = $.draws[drawId];
        if (d.status != DrawStatus.Pending) revert MandateDrawNotPending(drawId);
        if (d.epoch != $.epoch) revert MandateDrawCancelled(drawId);
        if (keccak256(abi.encode(pool)) != d.poolHash) revert MandateDrawPoolMismatch(drawId);
        uint256 randomness = $.randomness.reveal(d.ticket, proof);
        _pruneExpired();

        Grant memory g = $.drawGrants[drawId];
        _checkRoleVacant(g.roleId);
        g.holder = Sortition.pick(pool, randomness, _isEligible, g.roleId, g.proposer);
        if (g.holder == address(0)) revert MandateDrawNoEligible(drawId);

        d.status = DrawStatus.Completed;
        if (g.roleId == FACILITATOR_ROLE) {
            $.pendingFacilitatorDraw = 0;
            $.lastFacilitator = g.holder;
        }
        mandateId = _grant(g, $.drawPowers[drawId]);
        d.mandateId = mandateId;
        emit DrawCompleted(drawId, mandateId, g.holder, randomness);
    }

    /// @inheritdoc IMandates
    function rerequestDraw(uint256 drawId) external {
        MandatesStorage storage $ = _mandatesStorage();
        Draw storage d = $.draws[drawId];
        if (d.status != DrawStatus.Pending) revert MandateDrawNotPending(drawId);
        if (d.epoch != $.epoch) revert MandateDrawCancelled(drawId);
        if (!$.randomness.isExpired(d.ticket)) revert MandateDrawNotStale(drawId);
        uint256 ticket = $.randomness.request();
        d.ticket = ticket;
        emit DrawRerequested(drawId, ticket);
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
        MandatesStorage storage $ = _mandatesStorage();
        Mandate storage m = _liveMandate(mandateId);
        if (msg.sender != m.holder) revert MandateNotHolder(mandateId, msg.sender);
        bytes4 selector = data.length >= 4 ? bytes4(data[:4]) : bytes4(0);
        if (!_hasPower(mandateId, target, selector)) revert MandatePowerNotGranted(mandateId, target, selector);
        if ($.circle.charterLapsed()) revert MandateCharterLapsed(address($.circle));
        emit MandateActed(mandateId, msg.sender, target, selector, value);
        return $.circle.executeByMandate(target, value, data);
    }

    /// @inheritdoc IMandates
    function complete(uint256 mandateId) external {
        Mandate storage m = _liveMandate(mandateId);
        if (msg.sender != m.holder && msg.sender != address(_mandatesStorage().circle)) {
            revert MandateNotHolder(mandateId, msg.sender);
        }
        _end(mandateId, EndReason.Completed);
    }

    /// @inheritdoc IMandates
    function handBack(uint256 mandateId) external {
        Mandate storage m = _liveMandate(mandateId);
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
            if (!isLive(mandateId)) return;
            _signalRecall(mandateId, member);
        }
    }

    /// @inheritdoc IMandates
    function closeExpired(uint256 mandateId) external {
        Mandate storage m = _existingMandate(mandateId);
        if (m.endedAt != 0) revert MandateAlreadyEnded(mandateId, m.endedAt, m.endReason);
        if (block.timestamp < m.expiresAt) revert MandateNotExpired(mandateId, m.expiresAt);
        _end(mandateId, EndReason.Expired);
    }

    // ------------------------------------------------------------------
    // Circle hooks and rules
    // ------------------------------------------------------------------

    /// @inheritdoc IMandates
    function onCircleReset(uint64 epoch) external onlyCircle {
        MandatesStorage storage $ = _mandatesStorage();
        $.epoch = epoch;
        $.pendingFacilitatorDraw = 0;
        uint256 ended = $.live.length;
        while ($.live.length > 0) {
            uint256 id = $.live[$.live.length - 1];
            _end(id, block.timestamp >= $.mandates[id].expiresAt ? EndReason.Expired : EndReason.Reset);
        }
        emit MandatesReset(epoch, ended);
    }

    /// @inheritdoc IMandates
    function onMemberLeft(address member) external onlyCircle {
        uint256[] storage live = _mandatesStorage().live;
        for (uint256 i = live.length; i > 0; --i) {
            uint256 id = live[i - 1];
            if (_mandatesStorage().mandates[id].holder == member) _end(id, EndReason.HolderLeft);
        }
    }

    /// @inheritdoc IMandates
    function updateRules(MandateRules calldata rules_) external onlyCircle {
        CircleRulesLib.validate(rules_);
        MandatesStorage storage $ = _mandatesStorage();
        emit MandateRulesUpdated($.rules, rules_);
        $.rules = rules_;
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
        return _existingMandate(mandateId);
    }

    /// @inheritdoc IMandates
    function powers(uint256 mandateId) external view returns (Power[] memory) {
        return _mandatesStorage().powers[mandateId];
    }

    /// @inheritdoc IMandates
    function isLive(uint256 mandateId) public view returns (bool) {
        Mandate storage m = _mandatesStorage().mandates[mandateId];
        return m.holder != address(0) && m.endedAt == 0 && block.timestamp < m.expiresAt;
    }

    /// @inheritdoc IMandates
    function holderOf(bytes32 roleId) external view returns (address holder, uint256 mandateId) {
        mandateId = _mandatesStorage().roleMandate[roleId];
        if (mandateId == 0 || !isLive(mandateId)) return (address(0), 0);
        holder = _mandatesStorage().mandates[mandateId].holder;
    }

    /// @inheritdoc IMandates
    function liveMandates() external view returns (uint256[] memory ids) {
        uint256[] storage live = _mandatesStorage().live;
        ids = new uint256[](live.length);
        uint256 count;
        for (uint256 i = 0; i < live.length; ++i) {
            if (isLive(live[i])) ids[count++] = live[i];
        }
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(ids, count)
        }
    }

    /// @inheritdoc IMandates
    function liveCountOf(address member) public view returns (uint256 count) {
        MandatesStorage storage $ = _mandatesStorage();
        for (uint256 i = 0; i < $.live.length; ++i) {
            uint256 id = $.live[i];
            if ($.mandates[id].holder == member && block.timestamp < $.mandates[id].expiresAt) ++count;
        }
    }

    /// @inheritdoc IMandates
    function eligiblePool(bytes32 roleId, address excluded) public view returns (address[] memory pool) {
        address[] memory members = _mandatesStorage().membership.members();
        pool = new address[](members.length);
        uint256 count;
        for (uint256 i = 0; i < members.length; ++i) {
            if (isEligibleFor(members[i], roleId, excluded)) pool[count++] = members[i];
        }
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(pool, count)
        }
    }

    /// @notice Whether `member` may be given a mandate for `roleId` now, with `excluded` (a proposer) left out.
    /// @param member The member.
    /// @param roleId The role.
    /// @param excluded A member who may not hold it, or zero.
    function isEligibleFor(address member, bytes32 roleId, address excluded) public view returns (bool) {
        return _isEligible(member, roleId, excluded);
    }

    /// @inheritdoc IMandates
    function termOf(bytes32 roleId, address member) external view returns (uint8 streak, uint64 availableAt) {
        MandatesStorage storage $ = _mandatesStorage();
        TermRecord storage t = $.terms[roleId][member];
        streak = $.lastHolder[roleId] == member ? t.streak : 0;
        availableAt = _availableAt(t);
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
        MandatesStorage storage $ = _mandatesStorage();
        address[] storage signers = $.recallSigners[mandateId];
        for (uint256 i = 0; i < signers.length; ++i) {
            if ($.membership.isMember(signers[i])) ++signals;
        }
        needed = $.membership.memberCount() / 2 + 1;
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
        return address(_mandatesStorage().circle);
    }

    /// @inheritdoc IMandates
    function badges() external view returns (address) {
        return address(_mandatesStorage().badges);
    }

    /// @inheritdoc IMandates
    function lastFacilitator() external view returns (address) {
        return _mandatesStorage().lastFacilitator;
    }

    // ------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------

    function _grant(Grant memory g, Power[] memory powers_) private returns (uint256 mandateId) {
        MandatesStorage storage $ = _mandatesStorage();
        if ($.live.length >= MAX_LIVE_MANDATES) revert MandateTooManyLive(MAX_LIVE_MANDATES);
        mandateId = ++$.mandateCount;
        uint48 expiresAt = uint48(block.timestamp) + g.duration;
        $.mandates[mandateId] = Mandate({
            holder: g.holder,
            grantedAt: uint48(block.timestamp),
            expiresAt: expiresAt,
            proposer: g.proposer,
            endedAt: 0,
            endReason: EndReason.None,
            drawn: g.drawn,
            roleId: g.roleId,
            scopeHash: g.scopeHash
        });
        $.live.push(mandateId);
        $.roleMandate[g.roleId] = mandateId;
        _countTerm(g.roleId, g.holder, mandateId);

        emit MandateGranted(
            mandateId,
            g.roleId,
            g.holder,
            g.role,
            g.title,
            g.scopeHash,
            g.proposer,
            expiresAt,
            g.drawn
        );
        $.badges.onGranted(mandateId, g.holder, g.roleId, g.role, g.title);
        for (uint256 i = 0; i < powers_.length; ++i) {
            $.powers[mandateId].push(powers_[i]);
            emit PowerGranted(mandateId, powers_[i].target, powers_[i].selector);
        }
    }

    /// @dev Counts a term of `roleId` for `holder`: consecutive if they were its last holder. Reaching the limit
    /// locks the member out of the role until this term ends plus the cooldown.
    function _countTerm(bytes32 roleId, address holder, uint256 mandateId) private {
        MandatesStorage storage $ = _mandatesStorage();
        TermRecord storage t = $.terms[roleId][holder];
        if (t.lockedBy != 0) t.streak = 0; // the cooldown has passed (checked by _checkEligible)
        t.lockedBy = 0;
        t.streak = $.lastHolder[roleId] == holder ? t.streak + 1 : 1;
        $.lastHolder[roleId] = holder;
        if (t.streak >= $.rules.termLimit) t.lockedBy = uint64(mandateId);
    }

    function _requestDraw(Grant memory g, address avoidRepeat) private returns (uint256 drawId) {
        MandatesStorage storage $ = _mandatesStorage();
        _checkRoleVacant(g.roleId);
        address[] memory pool = eligiblePool(g.roleId, g.proposer);
        if (avoidRepeat != address(0) && pool.length > 1) pool = Sortition.without(pool, avoidRepeat);
        if (pool.length == 0) revert MandateEmptyPool();

        drawId = ++$.drawCount;
        uint256 ticket = $.randomness.request();
        $.draws[drawId] = Draw({
            poolHash: keccak256(abi.encode(pool)),
            ticket: ticket,
            proposer: g.proposer,
            epoch: $.epoch,
            poolSize: uint8(pool.length),
            status: DrawStatus.Pending,
            mandateId: 0
        });
        g.drawn = true;
        $.drawGrants[drawId] = g;
        emit DrawRequested(drawId, g.roleId, g.role, pool, ticket);
    }

    function _end(uint256 mandateId, EndReason reason) private {
        MandatesStorage storage $ = _mandatesStorage();
        Mandate storage m = $.mandates[mandateId];
        uint48 expiresAt = m.expiresAt;
        m.endedAt = reason == EndReason.Expired ? expiresAt : uint48(block.timestamp);
        m.endReason = reason;
        address holder = m.holder;
        bytes32 roleId = m.roleId;
        uint256[] storage live = $.live;
        for (uint256 i = 0; i < live.length; ++i) {
            if (live[i] == mandateId) {
                live[i] = live[live.length - 1];
                live.pop();
                break;
            }
        }
        if ($.roleMandate[roleId] == mandateId) delete $.roleMandate[roleId];
        emit MandateEnded(mandateId, holder, roleId, reason);
        $.badges.onEnded(mandateId, holder);
        if (reason == EndReason.Completed || reason == EndReason.HandedBack) {
            emit HandOff(mandateId, holder, roleId, reason == EndReason.Completed);
        }
    }

    function _pruneExpired() private {
        MandatesStorage storage $ = _mandatesStorage();
        for (uint256 i = $.live.length; i > 0; --i) {
            uint256 id = $.live[i - 1];
            if (block.timestamp >= $.mandates[id].expiresAt) _end(id, EndReason.Expired);
        }
    }

    function _signalRecall(uint256 mandateId, address member) private {
        MandatesStorage storage $ = _mandatesStorage();
        _liveMandate(mandateId);
        if (!$.membership.isMember(member)) revert MandateNotMember(member);
        if ($.recalled[mandateId][member]) revert MandateAlreadySignalledRecall(mandateId, member);
        uint256 signals = Signals.record($.recallSigners[mandateId], $.recalled[mandateId], $.membership, member);
        uint256 needed = $.membership.memberCount() / 2 + 1;
        emit RecallSignalled(mandateId, member, signals, needed);
        if (signals >= needed) _end(mandateId, EndReason.Recalled);
    }

    function _isEligible(address member, bytes32 roleId, address excluded) private view returns (bool) {
        return _checkEligible(member, roleId, excluded, false);
    }

    /// @dev Checks eligibility; reverts with the reason when `revertIfNot`, else returns false.
    function _checkEligible(
        address member,
        bytes32 roleId,
        address excluded,
        bool revertIfNot
    ) private view returns (bool) {
        MandatesStorage storage $ = _mandatesStorage();
        if (!$.membership.isMember(member)) {
            if (revertIfNot) revert MandateNotMember(member);
            return false;
        }
        if (member == excluded && $.rules.proposerStepsAside) {
            if (revertIfNot) revert MandateProposerCannotHold(member);
            return false;
        }
        if ($.rituals.isCooledDown(member)) {
            if (revertIfNot) revert MandateHolderCooledDown(member, $.rituals.cooldownEndsAt(member));
            return false;
        }
        uint64 availableAt = _availableAt($.terms[roleId][member]);
        if (block.timestamp < availableAt) {
            if (revertIfNot) revert MandateTermLimitReached(roleId, member, availableAt);
            return false;
        }
        if (liveCountOf(member) >= $.rules.maxLivePerMember) {
            if (revertIfNot) revert MandateHolderAtLimit(member, $.rules.maxLivePerMember);
            return false;
        }
        return true;
    }

    /// @dev When a member who reached a role's term limit may hold it again: the end of the term that reached it
    /// (its expiry, or earlier if it ended early) plus the cooldown. Zero when not limited.
    function _availableAt(TermRecord storage t) private view returns (uint64) {
        if (t.lockedBy == 0) return 0;
        MandatesStorage storage $ = _mandatesStorage();
        Mandate storage locking = $.mandates[t.lockedBy];
        uint48 endedAt = locking.endedAt != 0 ? locking.endedAt : locking.expiresAt;
        return uint64(endedAt) + $.rules.termCooldown;
    }

    /// @dev Validates a spec (role, duration, powers, vacancy) and turns it into a grant without a holder.
    function _grantOf(MandateSpec calldata spec, address proposer) private view returns (Grant memory) {
        bytes32 roleId = _checkSpec(spec);
        return
            Grant({
                roleId: roleId,
                role: spec.role,
                title: spec.title,
                scopeHash: spec.scopeHash,
                duration: spec.duration,
                holder: address(0),
                proposer: proposer,
                drawn: false
            });
    }

    function _checkSpec(MandateSpec calldata spec) private view returns (bytes32 roleId) {
        if (bytes(spec.role).length == 0) revert MandateEmptyRole();
        uint32 maxTerm = _mandatesStorage().rules.maxTerm;
        if (spec.duration == 0 || spec.duration > maxTerm) revert MandateInvalidDuration(spec.duration, maxTerm);
        if (spec.powers.length > MAX_POWERS) revert MandateTooManyPowers(spec.powers.length, MAX_POWERS);
        for (uint256 i = 0; i < spec.powers.length; ++i) {
            _checkPowerTarget(spec.powers[i].target);
        }
        roleId = keccak256(bytes(spec.role));
        _checkRoleVacant(roleId);
    }

    function _checkRoleVacant(bytes32 roleId) private view {
        uint256 current = _mandatesStorage().roleMandate[roleId];
        if (current != 0 && isLive(current)) revert MandateRoleOccupied(roleId, current);
    }

    function _checkPowerTarget(address target) private view {
        MandatesStorage storage $ = _mandatesStorage();
        if (
            target == address(0) ||
            target == address($.circle) ||
            target == address($.membership) ||
            target == address($.rituals) ||
            target == address(this)
        ) revert MandateForbiddenPower(target);
    }

    function _hasPower(uint256 mandateId, address target, bytes4 selector) private view returns (bool) {
        Power[] storage granted = _mandatesStorage().powers[mandateId];
        for (uint256 i = 0; i < granted.length; ++i) {
            if (granted[i].target == target && granted[i].selector == selector) return true;
        }
        return false;
    }

    function _decisionProposer() private view returns (address) {
        ICircle circle_ = _mandatesStorage().circle;
        uint256 proposalId = circle_.executingProposal();
        return proposalId == 0 ? address(0) : IGovernor(address(circle_)).proposalProposer(proposalId);
    }

    function _existingMandate(uint256 mandateId) private view returns (Mandate storage m) {
        m = _mandatesStorage().mandates[mandateId];
        if (m.holder == address(0)) revert MandateNotFound(mandateId);
    }

    function _liveMandate(uint256 mandateId) private view returns (Mandate storage m) {
        m = _existingMandate(mandateId);
        if (m.endedAt != 0) revert MandateAlreadyEnded(mandateId, m.endedAt, m.endReason);
        if (block.timestamp >= m.expiresAt) revert MandateExpired(mandateId, m.expiresAt);
    }

    function _checkCircle() private view {
        if (msg.sender != address(_mandatesStorage().circle)) revert MandateOnlyCircle(msg.sender);
    }

    function _mandatesStorage() private pure returns (MandatesStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly {
            $.slot := MANDATES_STORAGE
        }
    }
}
