// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {ICircle} from "../interfaces/ICircle.sol";
import {ICircleMembership} from "../interfaces/ICircleMembership.sol";
import {ICircleRituals} from "../interfaces/ICircleRituals.sol";
import {MandateRules} from "../interfaces/ICircleRules.sol";
import {IMandateAudits} from "../interfaces/IMandateAudits.sol";
import {IMandateBadges} from "../interfaces/IMandateBadges.sol";
import {IMandates} from "../interfaces/IMandates.sol";
import {IRandomnessSource} from "../interfaces/IRandomnessSource.sol";
import {CloneArgs} from "../libraries/CloneArgs.sol";

/// @title MandatesBase
/// @notice The storage and the rules shared by {Mandates} and its modules {MandateDraws} and {MandateAudits}, which
/// run by delegatecall in the same storage. Nothing here is reachable from outside but through those three.
/// @dev Three contracts so that none comes near the 24,576-byte code limit: {Mandates} keeps granting, acting,
/// recall, endings and the views; {MandateDraws} keeps sortition, the rules update and the hard reset;
/// {MandateAudits} the pair-link audits. Each compiles these internals from this one source, so a rule
/// (eligibility, term counting, ending) cannot differ between a decided, a drawn and an auditor's mandate.
///
/// The circle, its membership and its rituals are not in storage but in the clone's code: the registry creates each
/// circle's mandates with {Clones-cloneWithImmutableArgs}, the three addresses packed after the proxy, and every read
/// goes through {_circle}, {_membership} and {_rituals} (a warm EXTCODECOPY of the clone's own code instead of a cold
/// storage read). They are fixed at the founding, like the slots they replace (which only the initialiser wrote):
/// part of the clone's code, nobody can change them, not the circle, not the registry, not a delegate-called module.
/// The modules run by delegatecall from the clone, so they read the same clone's code. Code running at its own
/// deployment (the implementation, or a module called directly) reads all three as zero, as its empty storage did,
/// so it refuses every call meant for the circle; the implementation does not run the modules at all
/// ({IMandates-MandateNotClone}), since there they would read its own code.
abstract contract MandatesBase {
    /// @notice The role of the rotating facilitator.
    bytes32 public constant FACILITATOR_ROLE = keccak256("facilitator");

    /// @dev The two auditor roles of the pair-link audit ({MandateDraws}): never granted or drawn by decision.
    bytes32 internal constant AUDITOR_1 = keccak256("auditor 1");
    bytes32 internal constant AUDITOR_2 = keccak256("auditor 2");

    /// @notice Most live mandates a circle can have at once.
    uint256 public constant MAX_LIVE_MANDATES = 32;

    /// @notice Most powers one mandate can carry.
    uint256 public constant MAX_POWERS = 8;

    /// @notice The largest page {IMandates-roleHistory} returns.
    uint256 public constant MAX_HISTORY_PAGE = 100;

    // The ERC-20 calls whose amount argument a power caps.
    bytes4 internal constant ERC20_TRANSFER = 0xa9059cbb; // transfer(address,uint256)
    bytes4 internal constant ERC20_APPROVE = 0x095ea7b3; // approve(address,uint256)
    bytes4 internal constant ERC20_TRANSFER_FROM = 0x23b872dd; // transferFrom(address,address,uint256)

    /// @dev A mandate as stored: every use reads its first slot (holder, liveness, how many powers) and nothing else
    /// to know whether the caller may act. Times are uint40 seconds (good until the year 36812); the view
    /// {IMandates-mandate} widens them to its uint48 fields.
    struct MandateRecord {
        address holder;
        uint40 expiresAt;
        uint40 endedAt;
        IMandates.EndReason endReason;
        uint8 powerCount;
        address proposer;
        uint40 grantedAt;
        bool drawn;
        // An auditor's mandate (see {MandateDraws}): it does not count toward the member's live-mandate limit.
        bool audit;
        bytes32 roleId;
        bytes32 scopeHash;
    }

    /// @dev A role, in one slot: its latest mandate (live or not; its holder is the role's last holder), its latest
    /// draw, how many consecutive terms that last holder has held it, and how many mandates it has had. Its earlier
    /// mandates, oldest first, are in {MandatesStorage-roleEarlier}, six a slot. Ids are uint40: a circle cannot
    /// grant or draw 2^40 times (each costs well over 100k gas), and the counters revert rather than wrap.
    struct RoleRecord {
        uint40 latest;
        uint40 draw;
        uint8 streak;
        uint40 count;
    }

    /// @dev A granted power's caps, one slot, found by (mandate, target, selector): an act reads this slot alone.
    struct PowerCaps {
        uint128 maxValue;
        uint128 maxAmount;
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
        bool audit;
    }

    /// @custom:storage-location erc7201:commonweal.storage.Mandates
    struct MandatesStorage {
        // The circle, its membership and its rituals are the clone's immutable arguments (see the header).
        IRandomnessSource randomness;
        IMandateBadges badges;
        // In the badges' slot, written at initialisation: counting a grant never pays for a fresh slot.
        uint40 mandateCount;
        uint8 liveCount;
        MandateRules rules;
        uint64 epoch;
        // One slot: requesting a draw makes it non-zero, so settling one never pays for a fresh slot.
        uint128 drawCount;
        // Draws 1..drawsSettled are completed, void or cancelled; the next to complete is drawsSettled + 1.
        uint128 drawsSettled;
        address lastFacilitator;
        // The live mandates are live[0..liveCount), six ids a slot; entries past liveCount are stale and never read
        // (an ending only moves the last entry into its place), so a later grant rewrites a used slot.
        uint40[MAX_LIVE_MANDATES] live;
        mapping(uint256 mandateId => MandateRecord) mandates;
        // A mandate's powers: their calls in grant order (for the views), and each one's caps by its call (for acts).
        // Caps that are both zero are not written: an act that reads zero caps finds the call in the list, or fails.
        // A call is kept as its key, {_callKey}: the target above the selector.
        mapping(uint256 mandateId => mapping(uint256 index => uint256 call)) powerCalls;
        mapping(uint256 mandateId => mapping(uint256 call => PowerCaps)) powerCaps;
        mapping(bytes32 roleId => RoleRecord) roles;
        // A role's mandates before its latest: the i-th is at [i / 6][i % 6].
        mapping(bytes32 roleId => mapping(uint256 page => uint40[6])) roleEarlier;
        // The mandate whose term reached the role's term limit for the member (zero when not limited).
        mapping(bytes32 roleId => mapping(address member => uint40 mandateId)) lockedBy;
        mapping(uint256 mandateId => address[]) recallSigners;
        mapping(uint256 mandateId => mapping(address member => bool)) recalled;
        mapping(uint256 drawId => IMandates.Draw) draws;
        mapping(uint256 drawId => Grant) drawGrants;
        mapping(uint256 drawId => IMandates.Power[]) drawPowers;
        // Pair-link audits ({MandateDraws}). Periods are counted from auditFrom (zero until the first request, which
        // sets it), the one starting there being number auditBase; a rules update that changes the period sets both.
        uint40 auditFrom;
        uint64 auditBase;
        uint64 auditCount;
        mapping(uint256 auditId => IMandateAudits.Audit) audits;
        mapping(uint256 period => uint256 auditId) auditOfPeriod;
        mapping(uint256 drawId => uint256 auditId) drawAudits;
    }

    // keccak256(abi.encode(uint256(keccak256("commonweal.storage.Mandates")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant MANDATES_STORAGE = 0x3f11d934f99593b8844e6870bfab0f0da1a14af40265667c62652dfc942b0600;

    /// @dev Where this code was deployed: the implementation's address, or a module's own. Code running there, not
    /// for a clone, has no clone arguments ({CloneArgs-addressAt}).
    address internal immutable _deployedAt = address(this);

    modifier onlyCircle() {
        _checkCircle();
        _;
    }

    // ------------------------------------------------------------------
    // Granting and ending
    // ------------------------------------------------------------------

    function _grant(Grant memory g, IMandates.Power[] memory powers_) internal returns (uint256 mandateId) {
        MandatesStorage storage $ = _mandatesStorage();
        uint256 liveCount = $.liveCount;
        if (liveCount >= MAX_LIVE_MANDATES) revert IMandates.MandateTooManyLive(MAX_LIVE_MANDATES);
        mandateId = ++$.mandateCount;
        uint40 expiresAt = uint40(block.timestamp) + g.duration;
        MandateRecord storage m = $.mandates[mandateId];
        m.holder = g.holder;
        m.expiresAt = expiresAt;
        m.powerCount = uint8(powers_.length); // at most MAX_POWERS
        m.proposer = g.proposer;
        m.grantedAt = uint40(block.timestamp);
        m.drawn = g.drawn;
        m.audit = g.audit;
        m.roleId = g.roleId;
        m.scopeHash = g.scopeHash;
        $.live[liveCount] = uint40(mandateId);
        $.liveCount = uint8(liveCount + 1);
        _countTerm(g.roleId, g.holder, mandateId);

        emit IMandates.MandateGranted(
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
            IMandates.Power memory p = powers_[i];
            uint256 call = _callKey(p.target, p.selector);
            $.powerCalls[mandateId][i] = call;
            if (p.maxValue != 0 || p.maxAmount != 0) $.powerCaps[mandateId][call] = PowerCaps(p.maxValue, p.maxAmount);
            emit IMandates.PowerGranted(mandateId, p.target, p.selector, p.maxValue, p.maxAmount);
        }
    }

    /// @dev Counts a term of `roleId` for `holder`: consecutive if they were its last holder (the holder of its latest
    /// mandate) and not locked out since. Reaching the limit locks the member out of the role until this term ends
    /// plus the cooldown.
    function _countTerm(bytes32 roleId, address holder, uint256 mandateId) internal virtual {
        MandatesStorage storage $ = _mandatesStorage();
        RoleRecord storage r = $.roles[roleId];
        uint40 previous = r.latest;
        uint40 locked = $.lockedBy[roleId][holder];
        // A lock that is set here has passed its cooldown (checked by _checkEligible): the count starts again.
        uint8 streak = locked == 0 && previous != 0 && $.mandates[previous].holder == holder ? r.streak + 1 : 1;
        if (locked != 0) delete $.lockedBy[roleId][holder];
        if (streak >= $.rules.termLimit) $.lockedBy[roleId][holder] = uint40(mandateId);
        if (previous != 0) {
            uint256 index = r.count - 1; // the previous latest moves to the earlier ones
            $.roleEarlier[roleId][index / 6][index % 6] = previous;
        }
        r.latest = uint40(mandateId);
        r.streak = streak;
        ++r.count;
    }

    function _end(uint256 mandateId, IMandates.EndReason reason) internal {
        MandatesStorage storage $ = _mandatesStorage();
        MandateRecord storage m = $.mandates[mandateId];
        m.endedAt = reason == IMandates.EndReason.Expired ? m.expiresAt : uint40(block.timestamp);
        m.endReason = reason;
        address holder = m.holder;
        bytes32 roleId = m.roleId;
        uint256 last = $.liveCount - 1;
        for (uint256 i = 0; i <= last; ++i) {
            if ($.live[i] == mandateId) {
                if (i != last) $.live[i] = $.live[last];
                $.liveCount = uint8(last);
                break;
            }
        }
        emit IMandates.MandateEnded(mandateId, holder, roleId, reason);
        $.badges.onEnded(mandateId, holder);
        if (reason == IMandates.EndReason.Completed || reason == IMandates.EndReason.HandedBack) {
            emit IMandates.HandOff(mandateId, holder, roleId, reason == IMandates.EndReason.Completed);
        }
    }

    function _pruneExpired() internal {
        MandatesStorage storage $ = _mandatesStorage();
        for (uint256 i = $.liveCount; i > 0; --i) {
            uint256 id = $.live[i - 1];
            if (block.timestamp >= $.mandates[id].expiresAt) _end(id, IMandates.EndReason.Expired);
        }
    }

    // ------------------------------------------------------------------
    // Eligibility
    // ------------------------------------------------------------------

    function _isEligible(address member, bytes32 roleId, address excluded) internal view returns (bool) {
        return _checkEligible(member, roleId, excluded, false);
    }

    /// @dev Checks eligibility; reverts with the reason when `revertIfNot`, else returns false.
    function _checkEligible(
        address member,
        bytes32 roleId,
        address excluded,
        bool revertIfNot
    ) internal view returns (bool) {
        MandatesStorage storage $ = _mandatesStorage();
        if (!_membership().isMember(member)) {
            if (revertIfNot) revert IMandates.MandateNotMember(member);
            return false;
        }
        if (member == excluded && $.rules.proposerStepsAside) {
            if (revertIfNot) revert IMandates.MandateProposerCannotHold(member);
            return false;
        }
        if (_checksCooldown() && _rituals().isCooledDown(member)) {
            if (revertIfNot) revert IMandates.MandateHolderCooledDown(member, _rituals().cooldownEndsAt(member));
            return false;
        }
        uint64 availableAt = _availableAt($.lockedBy[roleId][member]);
        if (block.timestamp < availableAt) {
            if (revertIfNot) revert IMandates.MandateTermLimitReached(roleId, member, availableAt);
            return false;
        }
        if (_liveCountOf(member) >= $.rules.maxLivePerMember) {
            if (revertIfNot) revert IMandates.MandateHolderAtLimit(member, $.rules.maxLivePerMember);
            return false;
        }
        return true;
    }

    /// @dev Whether eligibility asks the rituals if the temperature check cooled the member down: always (a bench
    /// variant, contracts/mocks/guarantees/, overrides it to measure what asking costs; as a constant it compiles
    /// away).
    function _checksCooldown() internal pure virtual returns (bool) {
        return true;
    }

    /// @dev When a member who reached a role's term limit may hold it again: the end of the term that reached it
    /// (its expiry, or earlier if it ended early) plus the cooldown. Zero when not limited.
    function _availableAt(uint40 lockedBy) internal view returns (uint64) {
        if (lockedBy == 0) return 0;
        MandatesStorage storage $ = _mandatesStorage();
        MandateRecord storage locking = $.mandates[lockedBy];
        uint40 endedAt = locking.endedAt != 0 ? locking.endedAt : locking.expiresAt;
        return uint64(endedAt) + $.rules.termCooldown;
    }

    function _liveCountOf(address member) internal view returns (uint256 count) {
        MandatesStorage storage $ = _mandatesStorage();
        uint256 liveCount = $.liveCount;
        for (uint256 i = 0; i < liveCount; ++i) {
            MandateRecord storage m = $.mandates[$.live[i]];
            if (m.holder == member && block.timestamp < m.expiresAt && !m.audit) ++count;
        }
    }

    function _eligiblePool(bytes32 roleId, address excluded) internal view returns (address[] memory pool) {
        address[] memory members = _membership().members();
        pool = new address[](members.length);
        uint256 count;
        for (uint256 i = 0; i < members.length; ++i) {
            if (_isEligible(members[i], roleId, excluded)) pool[count++] = members[i];
        }
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(pool, count)
        }
    }

    // ------------------------------------------------------------------
    // Draws and audits (used by {MandateDraws} and {MandateAudits})
    // ------------------------------------------------------------------

    /// @dev Records a draw of `pool` for `g`'s role with a fresh ticket.
    function _freezeDraw(Grant memory g, address[] memory pool) internal returns (uint256 drawId) {
        MandatesStorage storage $ = _mandatesStorage();
        drawId = ++$.drawCount; // 2^128 draws is out of reach
        uint256 ticket = $.randomness.request();
        $.draws[drawId] = IMandates.Draw({
            poolHash: keccak256(abi.encode(pool)),
            ticket: ticket,
            proposer: g.proposer,
            epoch: $.epoch,
            poolSize: uint8(pool.length),
            status: IMandates.DrawStatus.Pending,
            mandateId: 0
        });
        $.roles[g.roleId].draw = SafeCast.toUint40(drawId);
        g.drawn = true;
        $.drawGrants[drawId] = g;
        emit IMandates.DrawRequested(drawId, g.roleId, g.role, pool, ticket);
    }

    /// @dev The running audit period.
    struct AuditPeriod {
        uint64 period;
        uint64 startsAt;
        uint64 endsAt;
    }

    /// @dev Eligible for both auditor roles (the grant rules) and not the live facilitator. The role argument is
    /// there for {Sortition-pick}'s signature: both roles are checked whichever is asked.
    function _isAuditorEligible(address member, bytes32, address facilitator) internal view returns (bool) {
        return
            member != facilitator &&
            _isEligible(member, AUDITOR_1, address(0)) &&
            block.timestamp >= _availableAt(_mandatesStorage().lockedBy[AUDITOR_2][member]);
    }

    /// @dev The live facilitator, or zero.
    function _liveFacilitator() internal view returns (address) {
        MandatesStorage storage $ = _mandatesStorage();
        uint256 id = $.roles[FACILITATOR_ROLE].latest;
        return id != 0 && _isLive(id) ? $.mandates[id].holder : address(0);
    }

    /// @dev The running audit period; reverts when audits are off.
    function _auditPeriodNow() internal view returns (AuditPeriod memory) {
        MandatesStorage storage $ = _mandatesStorage();
        uint256 length = $.rules.auditPeriod;
        if (length == 0) revert IMandateAudits.MandateAuditsOff();
        uint256 from = $.auditFrom;
        uint256 n = from == 0 ? 0 : (block.timestamp - from) / length;
        uint256 start = from == 0 ? block.timestamp : from + n * length;
        return AuditPeriod(uint64($.auditBase + n), uint64(start), uint64(start + length));
    }

    // ------------------------------------------------------------------
    // Specs and roles
    // ------------------------------------------------------------------

    /// @dev Validates a spec (role, duration, powers, vacancy) and turns it into a grant without a holder.
    function _grantOf(IMandates.MandateSpec calldata spec, address proposer) internal view returns (Grant memory) {
        MandatesStorage storage $ = _mandatesStorage();
        if (bytes(spec.role).length == 0) revert IMandates.MandateEmptyRole();
        uint32 maxTerm = $.rules.maxTerm;
        if (spec.duration == 0 || spec.duration > maxTerm) {
            revert IMandates.MandateInvalidDuration(spec.duration, maxTerm);
        }
        if (spec.powers.length > MAX_POWERS) revert IMandates.MandateTooManyPowers(spec.powers.length, MAX_POWERS);
        for (uint256 i = 0; i < spec.powers.length; ++i) {
            IMandates.Power calldata p = spec.powers[i];
            address target = p.target;
            if (
                target == address(0) ||
                target == address(_circle()) ||
                target == address(_membership()) ||
                target == address(_rituals()) ||
                target == address(this)
            ) revert IMandates.MandateForbiddenPower(target);
            if (_isTokenAmountSelector(p.selector) && p.maxAmount == 0) {
                revert IMandates.MandateAmountCapRequired(target, p.selector);
            }
            // Each call once, so its caps are found by the call alone (at most MAX_POWERS^2 / 2 comparisons).
            for (uint256 j = 0; j < i; ++j) {
                IMandates.Power calldata q = spec.powers[j];
                if (q.target == target && q.selector == p.selector) {
                    revert IMandates.MandateDuplicatePower(target, p.selector);
                }
            }
        }
        bytes32 roleId = keccak256(bytes(spec.role));
        if (roleId == AUDITOR_1 || roleId == AUDITOR_2) revert IMandateAudits.MandateAuditRoleReserved(roleId);
        _checkRoleVacant(roleId);
        return
            Grant({
                roleId: roleId,
                role: spec.role,
                title: spec.title,
                scopeHash: spec.scopeHash,
                duration: spec.duration,
                holder: address(0),
                proposer: proposer,
                drawn: false,
                audit: false
            });
    }

    /// @dev A role is vacant when it has no live mandate and no pending draw (of the current epoch: a reset
    /// cancelled older ones).
    function _checkRoleVacant(bytes32 roleId) internal view {
        MandatesStorage storage $ = _mandatesStorage();
        RoleRecord storage r = $.roles[roleId];
        uint256 current = r.latest;
        if (current != 0 && _isLive(current)) revert IMandates.MandateRoleOccupied(roleId, current);
        uint256 drawId = r.draw;
        if (drawId != 0) {
            IMandates.Draw storage d = $.draws[drawId];
            if (d.status == IMandates.DrawStatus.Pending && d.epoch == $.epoch) {
                revert IMandates.MandateRoleDrawPending(roleId, drawId);
            }
        }
    }

    /// @dev The key of a call among a mandate's power caps: the target above the selector.
    function _callKey(address target, bytes4 selector) internal pure returns (uint256) {
        return (uint256(uint160(target)) << 32) | uint32(selector);
    }

    function _isTokenAmountSelector(bytes4 selector) internal pure returns (bool) {
        return selector == ERC20_TRANSFER || selector == ERC20_APPROVE || selector == ERC20_TRANSFER_FROM;
    }

    function _decisionProposer() internal view returns (address) {
        ICircle circle_ = _circle();
        uint256 proposalId = circle_.executingProposal();
        return proposalId == 0 ? address(0) : IGovernor(address(circle_)).proposalProposer(proposalId);
    }

    // ------------------------------------------------------------------
    // Mandates
    // ------------------------------------------------------------------

    function _isLive(uint256 mandateId) internal view returns (bool) {
        MandateRecord storage m = _mandatesStorage().mandates[mandateId];
        return m.holder != address(0) && m.endedAt == 0 && block.timestamp < m.expiresAt;
    }

    function _existingMandate(uint256 mandateId) internal view returns (MandateRecord storage m) {
        m = _mandatesStorage().mandates[mandateId];
        if (m.holder == address(0)) revert IMandates.MandateNotFound(mandateId);
    }

    function _liveMandate(uint256 mandateId) internal view returns (MandateRecord storage m) {
        m = _existingMandate(mandateId);
        if (m.endedAt != 0) revert IMandates.MandateAlreadyEnded(mandateId, m.endedAt, m.endReason);
        if (block.timestamp >= m.expiresAt) revert IMandates.MandateExpired(mandateId, m.expiresAt);
    }

    function _checkCircle() internal view {
        if (msg.sender != address(_circle())) revert IMandates.MandateOnlyCircle(msg.sender);
    }

    // ------------------------------------------------------------------
    // The circle's parts: the clone's immutable arguments
    // ------------------------------------------------------------------

    /// @dev The circle (the clone's first argument); zero at the implementation or a module called directly.
    function _circle() internal view returns (ICircle) {
        return ICircle(CloneArgs.addressAt(_deployedAt, 0));
    }

    /// @dev The circle's membership (the second argument); zero at the implementation or a module called directly.
    function _membership() internal view returns (ICircleMembership) {
        return ICircleMembership(CloneArgs.addressAt(_deployedAt, 1));
    }

    /// @dev The circle's rituals (the third argument); zero at the implementation or a module called directly.
    function _rituals() internal view returns (ICircleRituals) {
        return ICircleRituals(CloneArgs.addressAt(_deployedAt, 2));
    }

    function _mandatesStorage() internal pure returns (MandatesStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly {
            $.slot := MANDATES_STORAGE
        }
    }
}
